// Answers an /api request: finds its route, checks the token grants the operation's role,
// runs the handler. Expected failures are thrown as HttpError and sent by handleHttp.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ERROR_CODE } from '@meridian/protocol'
import type { ApiDeps, Ctx } from './context.js'
import { access } from './context.js'
import { HttpError } from './respond.js'
import { ROUTES } from './routes.js'

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ApiDeps,
): Promise<void> {
  for (const route of ROUTES) {
    const m = route.pattern.exec(url.pathname)
    if (!m) continue
    const entry = route.methods.get(req.method ?? 'GET')
    if (!entry) {
      const allow = [...route.methods.keys()].join(', ')
      throw new HttpError(
        405,
        ERROR_CODE.methodNotAllowed,
        `${req.method ?? ''} is not allowed here`,
        { allow },
      )
    }
    const ctx: Ctx = { req, res, query: url.searchParams, params: m.slice(1), deps, link: null }
    const { auth } = entry.op
    // 'token' operations (the session) find their roadmap from the token themselves.
    if (auth !== undefined && auth !== 'token') ctx.link = await access(ctx, ctx.params[0], auth)
    await entry.handler(ctx)
    return
  }
  throw new HttpError(404, ERROR_CODE.notFound, 'no such endpoint')
}

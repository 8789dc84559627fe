// What an exchange handler gets: the API's request context (../context.ts; dispatch has
// checked the operation's role), and the two lookups every one of them starts with.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as Y from 'yjs'
import { atLeast } from '@meridian/protocol'
import { authorize, tokenOf } from '../../auth/access.js'
import type { LinkRecord, Role, Store } from '../../store/store.js'
import type { Rooms } from '../../sync/rooms.js'
import { ERROR_CODE } from '@meridian/protocol'
import { HttpError } from '../respond.js'

export interface ExchangeCtx {
  req: IncomingMessage
  res: ServerResponse
  query: URLSearchParams
  params: string[]
  deps: { store: Store; rooms: Rooms }
  /** the request's link, when dispatch has checked it already */
  link?: LinkRecord | null
}

export type ExchangeHandler = (ctx: ExchangeCtx) => Promise<void>

/** The link of the request's token if it grants at least `min` on roadmap `params[0]`. */
export async function requireRole(ctx: ExchangeCtx, min: Role): Promise<LinkRecord> {
  if (ctx.link && atLeast(ctx.link.role, min)) return ctx.link
  const a = await authorize(
    ctx.deps.store,
    ctx.params[0],
    tokenOf(ctx.req.headers.authorization, ctx.query),
    Date.now(),
  )
  if (!a.ok) throw new HttpError(a.denial.status, a.denial.code, a.denial.message)
  if (!atLeast(a.link.role, min))
    throw new HttpError(
      403,
      ERROR_CODE.forbidden,
      `this needs the ${min} role; the token grants ${a.link.role}`,
    )
  return a.link
}

/** The roadmap's live document (loaded if needed), so an image shows every stored edit. */
export async function liveDoc(ctx: ExchangeCtx): Promise<Y.Doc> {
  const room = ctx.deps.rooms.get(ctx.params[0])
  await room.ready
  if (room.status !== 'ready')
    throw new HttpError(503, ERROR_CODE.unavailable, 'the roadmap could not be loaded')
  return room.doc()
}

export function sendBytes(
  res: ServerResponse,
  contentType: string,
  body: Uint8Array,
  filename?: string,
): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': body.byteLength,
    // A live image: every request shows the plan as it is now.
    'cache-control': 'no-store',
    ...(filename ? { 'content-disposition': `inline; filename="${filename}"` } : {}),
  })
  res.end(body)
}

// The entry of every HTTP request: health and metrics, then the API (dispatch.ts routes it
// by routes.ts), else the client's files; and how an expected failure is answered.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../log.js'
import type { Metrics } from '../metrics.js'
import { ERROR_CODE } from '@meridian/protocol'
import { addressOf } from './context.js'
import type { ApiDeps } from './context.js'
import { handleApi } from './dispatch.js'
import { StoreRefused } from '../store/storageFull.js'
import { HttpError, sendError, sendJson, sendText } from './respond.js'
import { setSecurityHeaders } from './securityHeaders.js'
import type { StaticFiles } from './static.js'

export interface HttpDeps extends ApiDeps {
  metrics: Metrics
  files: StaticFiles
  log: Logger
  /** counts a refusal (413, 429) of a client address; true: the address is slowed now */
  refused: (address: string) => boolean
}

/** Refusals for a limit, which slow an address that keeps drawing them (sockets.ts). */
const REFUSALS = new Set([413, 429])

/** A store write that failed for lack of space, as the 507 that reports it. */
function storageRefusal(e: unknown, deps: HttpDeps): HttpError | null {
  const full = e instanceof StoreRefused ? e.storageFull : deps.rooms.storage.failed(e)
  if (!full) return null
  return new HttpError(
    507,
    ERROR_CODE.insufficientStorage,
    'the server is out of storage space; nothing was stored',
  )
}

export async function handleHttp(
  req: IncomingMessage,
  res: ServerResponse,
  deps: HttpDeps,
): Promise<void> {
  let url: URL
  try {
    url = new URL(req.url ?? '/', 'http://localhost')
  } catch {
    setSecurityHeaders(res, '/')
    sendError(res, new HttpError(400, ERROR_CODE.badRequest, 'malformed URL'))
    return
  }
  setSecurityHeaders(res, url.pathname)
  const method = req.method ?? 'GET'
  // Read now: a request whose body was refused half-read may have let go of its socket.
  const address = addressOf(req)
  try {
    if (url.pathname === '/healthz') {
      if (method !== 'GET' && method !== 'HEAD')
        throw new HttpError(405, ERROR_CODE.methodNotAllowed, 'use GET', { allow: 'GET' })
      const full = deps.rooms.storage.fullSince
      if (full !== null)
        throw new HttpError(
          503,
          ERROR_CODE.insufficientStorage,
          `not ready: the last store write failed for lack of space (since ${new Date(full).toISOString()})`,
        )
      sendJson(res, 200, { ok: true })
      return
    }
    if (url.pathname === '/metrics') {
      if (method !== 'GET')
        throw new HttpError(405, ERROR_CODE.methodNotAllowed, 'use GET', { allow: 'GET' })
      sendText(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics())
      return
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url, deps)
      // A write through the API went through: the store has space again.
      if (method !== 'GET' && res.statusCode < 400) deps.rooms.storage.wrote()
      return
    }
    if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(405, ERROR_CODE.methodNotAllowed, 'use GET', { allow: 'GET, HEAD' })
    deps.files.serve(req, res, url.pathname)
  } catch (caught) {
    const e = storageRefusal(caught, deps) ?? caught
    if (e instanceof HttpError) {
      if (e.status >= 500) deps.log.warn({ url: req.url, code: e.code }, e.message)
      // An unread body must not be mistaken for the next request: answer, then close. The
      // socket is taken now; once the response has finished, `req.socket` may already be null.
      // So is the connection of an address slowed for its refusals: its next request comes on
      // a new connection, which waits.
      const slowed = REFUSALS.has(e.status) && deps.refused(address)
      const socket = req.complete && !slowed ? null : req.socket
      if (socket && !res.headersSent) res.setHeader('connection', 'close')
      if (!res.headersSent) sendError(res, e)
      else res.end()
      if (socket) res.once('finish', () => socket.destroy())
      return
    }
    throw e
  }
}

// What every API handler gets, and the checks several of them share.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as Y from 'yjs'
import { isIsoDate } from '@meridian/model'
import { ERROR_CODE, atLeast } from '@meridian/protocol'
import { authorize, tokenOf } from '../auth/access.js'
import type { Denial } from '../auth/access.js'
import type { LinkRecord, Role, Store } from '../store/store.js'
import type { Limits } from '../config.js'
import type { Importer } from '../roadmaps/importer.js'
import type { Rooms } from '../sync/rooms.js'
import type { RateLimiter } from './rateLimit.js'
import { HttpError } from './respond.js'

export interface ApiDeps {
  store: Store
  rooms: Rooms
  limits: Limits
  importer: Importer
  /** roadmaps created or imported, per client address */
  creates: RateLimiter
  /** named snapshots, per roadmap */
  snapshots: RateLimiter
}

export interface Ctx {
  req: IncomingMessage
  res: ServerResponse
  query: URLSearchParams
  /** the path's `{…}` parameters, in order: the roadmap id first */
  params: string[]
  deps: ApiDeps
  /** the caller's link, once dispatch has checked it grants the operation's role */
  link: LinkRecord | null
}

/** The checked link of an operation that needs a role (a bug if dispatch did not check). */
export function linkOf(ctx: Ctx): LinkRecord {
  if (!ctx.link) throw new Error('the operation declares no role, so it has no link')
  return ctx.link
}

/** Through Rooms, not sync/room.ts: the HTTP layer depends only on the rooms' facade. */
type Room = ReturnType<Rooms['get']>

export const SMALL_BODY = 64 * 1024

/** The client's address, for per-address limits. */
export const addressOf = (req: IncomingMessage): string => req.socket.remoteAddress ?? ''

export const iso = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString()

export const originOf = (req: IncomingMessage): string =>
  `http://${req.headers.host ?? 'localhost'}`

/** `?today=`, else the server's date. */
export function todayOf(query: URLSearchParams): string {
  const t = query.get('today')
  if (t === null) return new Date().toISOString().slice(0, 10)
  if (!isIsoDate(t)) throw new HttpError(400, ERROR_CODE.badRequest, 'today: expected YYYY-MM-DD')
  return t
}

export const denied = ({ status, code, message, reason }: Denial): HttpError =>
  new HttpError(status, code, message, { reason })

/** The link the request's token names, if it grants at least `min` on roadmap `roadmapId`. */
export async function access(ctx: Ctx, roadmapId: string, min: Role): Promise<LinkRecord> {
  const token = tokenOf(ctx.req.headers.authorization, ctx.query)
  const a = await authorize(ctx.deps.store, roadmapId, token, Date.now())
  if (!a.ok) throw denied(a.denial)
  if (!atLeast(a.link.role, min)) {
    throw new HttpError(
      403,
      ERROR_CODE.forbidden,
      `this needs the ${min} role; the token grants ${a.link.role}`,
    )
  }
  return a.link
}

/** The roadmap's room once loaded; a 503 when it could not be. */
export async function readyRoom(ctx: Ctx): Promise<Room> {
  const room = ctx.deps.rooms.get(ctx.params[0])
  await room.ready
  if (room.status !== 'ready')
    throw new HttpError(503, ERROR_CODE.unavailable, 'the roadmap could not be loaded')
  return room
}

/** The roadmap's live document (loaded if needed). */
export const docOf = async (ctx: Ctx): Promise<Y.Doc> => (await readyRoom(ctx)).doc()

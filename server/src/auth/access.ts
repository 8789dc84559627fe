// Who may do what: a token names a link, a link grants a role on one roadmap.
// Roles and their order are the wire contract's (packages/protocol `atLeast`).
import { DENIAL as REASON, ERROR_CODE, MAX_PERSON_NAME } from '@meridian/protocol'
import type { LinkRecord, Store } from '../store/store.js'
import { hashToken, sameHash } from './tokens.js'

/** Each refusal as sent: `reason` tells a client which one it is, `message` tells a person. */
export const DENIAL = {
  missing: {
    status: 401,
    code: ERROR_CODE.unauthorized,
    reason: REASON.tokenMissing,
    message: 'a token is required',
  },
  invalid: {
    status: 401,
    code: ERROR_CODE.unauthorized,
    reason: REASON.linkUnknown,
    message: 'invalid token',
  },
  revoked: {
    status: 401,
    code: ERROR_CODE.unauthorized,
    reason: REASON.linkRevoked,
    message: 'this link was revoked',
  },
  expired: {
    status: 401,
    code: ERROR_CODE.unauthorized,
    reason: REASON.linkExpired,
    message: 'this link has expired',
  },
  notFound: {
    status: 404,
    code: ERROR_CODE.notFound,
    reason: REASON.roadmapUnknown,
    message: 'no such roadmap',
  },
} as const
export type Denial = (typeof DENIAL)[keyof typeof DENIAL]

export type Access = { ok: true; link: LinkRecord } | { ok: false; denial: Denial }

const MAX_TOKEN_LENGTH = 256

/** Checks that `token` grants access to roadmap `roadmapId` now. */
export async function authorize(
  store: Store,
  roadmapId: string,
  token: string | null,
  now: number,
): Promise<Access> {
  // The usual case costs one indexed lookup: a link of this roadmap proves it exists.
  const link = token && token.length <= MAX_TOKEN_LENGTH ? await findLink(store, token) : undefined
  if (!link || link.roadmapId !== roadmapId) {
    if (!(await store.getRoadmap(roadmapId))) return { ok: false, denial: DENIAL.notFound }
    return { ok: false, denial: token ? DENIAL.invalid : DENIAL.missing }
  }
  if (link.revokedAt !== null) return { ok: false, denial: DENIAL.revoked }
  if (link.expiresAt !== null && link.expiresAt <= now) return { ok: false, denial: DENIAL.expired }
  return { ok: true, link }
}

/** The link a token names, compared in constant time. */
export async function findLink(store: Store, token: string): Promise<LinkRecord | undefined> {
  const hash = hashToken(token)
  const link = await store.findLinkByTokenHash(hash)
  return link && sameHash(hash, link.tokenHash) ? link : undefined
}

/** The token of a request: `Authorization: Bearer …` or `?token=`. */
export function tokenOf(authorization: string | undefined, query: URLSearchParams): string | null {
  if (authorization) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (m) return m[1]
  }
  return query.get('token')
}

/** The longest display name a connection may carry; longer ones are cut. */
export const MAX_NAME_LENGTH = MAX_PERSON_NAME

/**
 * The name a connection speaks for: the display name the person chose, sent as `?name=` on
 * the WebSocket URL, trimmed, control characters removed and cut to MAX_NAME_LENGTH; null
 * without one. A personal link's `personName` takes precedence (server/src/app.ts).
 */
export function connectionName(query: URLSearchParams): string | null {
  const raw = query.get('name')
  if (raw === null) return null
  const printable = Array.from(raw, (c) => (c < ' ' || c === '\u007f' ? '' : c)).join('')
  const name = printable.trim().slice(0, MAX_NAME_LENGTH).trim()
  return name === '' ? null : name
}

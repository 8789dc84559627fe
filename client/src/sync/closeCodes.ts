// Why a session ended, from the server's WebSocket close codes or an HTTP refusal: read
// from the contract's codes (packages/protocol), never from a message meant for people.
import { CLOSE, DENIAL } from '@meridian/protocol'
import type { DenialReason } from '@meridian/protocol'

export const ACCESS_ENDED = {
  revoked: 'revoked',
  expired: 'expired',
  invalid: 'invalid',
  notFound: 'not-found',
} as const
export type AccessEnded = (typeof ACCESS_ENDED)[keyof typeof ACCESS_ENDED]

const BY_DENIAL: Record<DenialReason, AccessEnded> = {
  [DENIAL.linkRevoked]: ACCESS_ENDED.revoked,
  [DENIAL.linkExpired]: ACCESS_ENDED.expired,
  [DENIAL.linkUnknown]: ACCESS_ENDED.invalid,
  [DENIAL.tokenMissing]: ACCESS_ENDED.invalid,
  [DENIAL.roadmapUnknown]: ACCESS_ENDED.notFound,
}

/** Close codes after which reconnecting cannot help: those the close table gives a denial. */
export const CLOSE_CODE_REASON: Readonly<Record<number, AccessEnded>> = Object.fromEntries(
  Object.values(CLOSE).flatMap((c) => ('denial' in c ? [[c.code, BY_DENIAL[c.denial]]] : [])),
)

/** An HTTP refusal that ends the session; null for failures worth retrying (network, 5xx). */
export function reasonFromHttp(status: number, reason?: DenialReason): AccessEnded | null {
  if (reason) return BY_DENIAL[reason]
  // A path the API does not route (an id of the wrong shape) names no roadmap either.
  if (status === 404) return ACCESS_ENDED.notFound
  return null
}

export const ACCESS_ENDED_COPY: Record<AccessEnded, { title: string; body: string }> = {
  revoked: {
    title: 'Your access to this roadmap has ended',
    body: 'The link you used was revoked by the roadmap owner. Ask them for a new link to keep following the plan.',
  },
  expired: {
    title: 'This link has expired',
    body: 'The link you used was only valid for a limited time, and that time is up. Ask the roadmap owner for a new link.',
  },
  invalid: {
    title: 'This link doesn’t open the roadmap',
    body: 'It may have been revoked, or only part of it was copied. Ask the roadmap owner for a new link.',
  },
  'not-found': {
    title: 'Roadmap not found',
    body: 'There is no roadmap at this address. Check the link, or start a new roadmap.',
  },
}

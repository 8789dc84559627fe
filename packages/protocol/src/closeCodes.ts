// Every close code the server sends, with its reason, in one table. `error` names the
// denial a close stands for: after those, reconnecting cannot help.
import { DENIAL } from './errors.js'
import type { DenialReason } from './errors.js'

export const CLOSE = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  internalError: { code: 1011, reason: 'internal error' },
  protocolError: { code: 4400, reason: 'protocol error' },
  revoked: { code: 4401, reason: 'access revoked', denial: DENIAL.linkRevoked },
  expired: { code: 4403, reason: 'link expired', denial: DENIAL.linkExpired },
  noHeartbeat: { code: 4408, reason: 'no answer to ping' },
  slowConsumer: { code: 4429, reason: 'slow consumer' },
} as const
export type CloseKind = keyof typeof CLOSE

/** Close codes ws itself sends, named for metrics. */
export const WS_CLOSE = {
  messageTooBig: 1009,
} as const

/** The denial a close code stands for; undefined for closes worth retrying. */
export function denialOfClose(code: number): DenialReason | undefined {
  for (const entry of Object.values(CLOSE)) {
    if (entry.code === code && 'denial' in entry) return entry.denial
  }
  return undefined
}

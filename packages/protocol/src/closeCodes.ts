// Every close code the server sends, with its reason, in one table. `denial` marks a close
// that ends the link's access (reconnecting cannot help); its reason is the denial's code,
// the same as `error.reason` of the HTTP refusal that follows it.
import { DENIAL } from './errors.js'

export const CLOSE = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  internalError: { code: 1011, reason: 'internal error' },
  protocolError: { code: 4400, reason: 'protocol error' },
  revoked: { code: 4401, reason: DENIAL.linkRevoked, denial: DENIAL.linkRevoked },
  expired: { code: 4403, reason: DENIAL.linkExpired, denial: DENIAL.linkExpired },
  noHeartbeat: { code: 4408, reason: 'no answer to ping' },
  /**
   * more presence than a connection may send (server/src/sync/awareness.ts, presenceGate.ts):
   * client ids, a state's bytes, or messages, a flood far over the rate for seconds
   */
  presenceTooLarge: { code: 4413, reason: 'presence too large' },
  /** an update nested Yjs types deeper than the server takes (server/src/sync/nesting.ts) */
  nestingTooDeep: { code: 4422, reason: 'nesting too deep' },
  slowConsumer: { code: 4429, reason: 'slow consumer' },
  /** the server could not store an update for lack of space: nothing of it was relayed */
  storageFull: { code: 4507, reason: 'storage full' },
} as const
export type CloseKind = keyof typeof CLOSE

/** Close codes ws itself sends, named for metrics. */
export const WS_CLOSE = {
  messageTooBig: 1009,
} as const

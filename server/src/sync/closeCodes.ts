// Every close code the server sends, with its reason, in one table.
export const CLOSE = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  internalError: { code: 1011, reason: 'internal error' },
  protocolError: { code: 4400, reason: 'protocol error' },
  revoked: { code: 4401, reason: 'access revoked' },
  expired: { code: 4403, reason: 'link expired' },
  noHeartbeat: { code: 4408, reason: 'no answer to ping' },
  slowConsumer: { code: 4429, reason: 'slow consumer' },
} as const
export type CloseKind = keyof typeof CLOSE

/** Close codes ws itself sends, named for metrics. */
export const WS_CLOSE = {
  messageTooBig: 1009,
} as const

// Why a session ended, from the server's WebSocket close codes or an HTTP refusal.
export const ACCESS_ENDED = {
  revoked: 'revoked',
  expired: 'expired',
  invalid: 'invalid',
  notFound: 'not-found',
} as const
export type AccessEnded = (typeof ACCESS_ENDED)[keyof typeof ACCESS_ENDED]

/** Close codes after which reconnecting cannot help (server/src/sync/closeCodes.ts); 4400, 4408 and 4429 are retried. */
export const CLOSE_CODE_REASON: Record<number, AccessEnded> = {
  4401: ACCESS_ENDED.revoked,
  4403: ACCESS_ENDED.expired,
}

export function reasonFromHttp(status: number, code: string, message = ''): AccessEnded | null {
  if (status === 404) return ACCESS_ENDED.notFound
  if (status === 401 || status === 403) {
    const text = `${code} ${message}`
    if (/expir/i.test(text)) return ACCESS_ENDED.expired
    if (/revok/i.test(text)) return ACCESS_ENDED.revoked
    return status === 403 ? ACCESS_ENDED.expired : ACCESS_ENDED.invalid
  }
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

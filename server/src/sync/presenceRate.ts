// One connection's presence budget: a token bucket of awareness messages (`perSecond`
// sustained, `burst` at once) and the watch for a sustained flood. A 25 Hz pointer, with the
// viewport and selection a real client also sends (client/src/views/timeline/
// usePresenceBroadcast.ts: 40 ms and 120 ms throttles), stays well inside 60/s; a flood is
// held to the budget, and one far over it for several seconds is closed (presenceGate.ts).

import { TokenBucket } from './tokenBucket.js'

export interface PresenceRateLimits {
  /** awareness messages per second a connection may have processed, sustained */
  perSecond: number
  /** messages it may have processed at once after a quiet while */
  burst: number
  /** a second with more than `floodFactor × perSecond` messages is a flooded one */
  floodFactor: number
  /** this many flooded seconds in a row close the socket (4413) */
  floodSeconds: number
}

export const PRESENCE_RATE: PresenceRateLimits = {
  perSecond: 60,
  burst: 120,
  floodFactor: 5,
  floodSeconds: 3,
}

export const PRESENCE_VERDICT = { pass: 'pass', hold: 'hold', flood: 'flood' } as const
export type PresenceVerdict = (typeof PRESENCE_VERDICT)[keyof typeof PRESENCE_VERDICT]

const SECOND = 1_000

export class PresenceRate {
  private readonly bucket: TokenBucket
  /** when the current one-second window of the flood watch began */
  private windowAt: number
  private inWindow = 0
  private flooded = 0

  constructor(
    private readonly limits: PresenceRateLimits,
    now: number,
  ) {
    this.bucket = new TokenBucket(limits.perSecond, limits.burst, now)
    this.windowAt = now
  }

  /** A message arrived: `pass` takes a token, `hold` waits for one, `flood` closes. */
  offer(now: number): PresenceVerdict {
    if (this.watch(now)) return PRESENCE_VERDICT.flood
    return this.take(now) ? PRESENCE_VERDICT.pass : PRESENCE_VERDICT.hold
  }

  /** Takes a token if there is one (for a held message once the budget allows). */
  take(now: number): boolean {
    return this.bucket.take(now)
  }

  /** How long (ms) until a token is there. */
  wait(now: number): number {
    return this.bucket.wait(now)
  }

  /** Counts the message; true once `floodSeconds` flooded seconds have followed each other. */
  private watch(now: number): boolean {
    const { perSecond, floodFactor, floodSeconds } = this.limits
    if (now - this.windowAt >= SECOND) {
      const wasFlooded = this.inWindow > floodFactor * perSecond
      // A quiet second between two floods starts the count again.
      this.flooded = wasFlooded && now - this.windowAt < 2 * SECOND ? this.flooded + 1 : 0
      this.windowAt = now - ((now - this.windowAt) % SECOND)
      this.inWindow = 0
    }
    this.inWindow += 1
    return this.flooded + (this.inWindow > floodFactor * perSecond ? 1 : 0) >= floodSeconds
  }
}

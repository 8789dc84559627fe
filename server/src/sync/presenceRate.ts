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
  /**
   * bytes of awareness messages a second, sustained (twice that at once, and at least one
   * message of the most the other limits allow): what one connection puts to its room
   */
  bytesPerSecond: number
  /** a second with more than `floodFactor × perSecond` messages is a flooded one */
  floodFactor: number
  /** this many flooded seconds in a row close the socket (4413) */
  floodSeconds: number
}

export const PRESENCE_RATE: PresenceRateLimits = {
  perSecond: 60,
  burst: 120,
  bytesPerSecond: 64 * 1024,
  floodFactor: 5,
  floodSeconds: 3,
}

export const PRESENCE_VERDICT = { pass: 'pass', hold: 'hold', flood: 'flood' } as const
export type PresenceVerdict = (typeof PRESENCE_VERDICT)[keyof typeof PRESENCE_VERDICT]

const SECOND = 1_000

/** The largest awareness message the other presence limits let through (4 states of 8 KiB). */
const LARGEST_MESSAGE = 4 * 8 * 1024 + 64

export class PresenceRate {
  private readonly bucket: TokenBucket
  private readonly bytes: TokenBucket
  private readonly bytesBurst: number
  /** when the current one-second window of the flood watch began */
  private windowAt: number
  private inWindow = 0
  private flooded = 0

  constructor(
    private readonly limits: PresenceRateLimits,
    now: number,
  ) {
    this.bucket = new TokenBucket(limits.perSecond, limits.burst, now)
    this.bytesBurst = Math.max(2 * limits.bytesPerSecond, LARGEST_MESSAGE)
    this.bytes = new TokenBucket(limits.bytesPerSecond, this.bytesBurst, now)
    this.windowAt = now
  }

  /** A message of `size` bytes arrived: `pass` takes its tokens, `hold` waits, `flood` closes. */
  offer(now: number, size: number): PresenceVerdict {
    if (this.watch(now)) return PRESENCE_VERDICT.flood
    return this.take(now, size) ? PRESENCE_VERDICT.pass : PRESENCE_VERDICT.hold
  }

  /** Takes a message's tokens if both budgets hold them (for what was held, once they do). */
  take(now: number, size: number): boolean {
    const bytes = Math.min(size, this.bytesBurst)
    if (this.bucket.wait(now) > 0 || this.bytes.wait(now, bytes) > 0) return false
    return this.bucket.take(now) && this.bytes.take(now, bytes)
  }

  /** How long (ms) until a message of `size` bytes may pass. */
  wait(now: number, size: number): number {
    return Math.max(this.bucket.wait(now), this.bytes.wait(now, Math.min(size, this.bytesBurst)))
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

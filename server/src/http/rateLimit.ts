// A token bucket per key (a client address, a roadmap): `perMinute` tokens, refilled evenly,
// a burst of at most `perMinute`. Keys are forgotten once their bucket is full again, and
// the number held is bounded, so that many addresses cannot grow it without end.
import { makeRoom } from '../boundedKeys.js'

const MAX_KEYS = 50_000

interface Bucket {
  tokens: number
  at: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly perMs: number

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000
  }

  /** Takes a token for `key`: 0 when allowed, else the seconds until one is free. */
  take(key: string): number {
    const now = this.now()
    const b = this.buckets.get(key)
    let tokens = this.perMinute
    if (b) tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * this.perMs)
    if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000))
    this.buckets.delete(key)
    makeRoom(this.buckets, MAX_KEYS, (b) => b.tokens + (now - b.at) * this.perMs >= this.perMinute)
    this.buckets.set(key, { tokens: tokens - 1, at: now })
    return 0
  }
}

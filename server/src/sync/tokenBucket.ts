// A token bucket: `perSecond` tokens flow in, at most `burst` are kept. The presence budget
// (presenceRate.ts) takes whole tokens; the socket read pacer (readPacer.ts) spends what a
// frame costs and, in debt, waits until the bucket is back at zero; the socket guard
// (http/sockets.ts) spends one per refusal of an address, into a debt of a burst at most.

const SECOND = 1_000

export class TokenBucket {
  private tokens: number
  private filledAt: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.filledAt = now
  }

  /** Takes `n` tokens if the bucket holds them. */
  take(now: number, n = 1): boolean {
    this.fill(now)
    if (this.tokens < n) return false
    this.tokens -= n
    return true
  }

  /** Spends `n` tokens, into debt if need be; returns how long (ms) until the debt is paid. */
  spend(now: number, n: number): number {
    this.fill(now)
    this.tokens -= n
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * SECOND) / this.perSecond)
  }

  /** How long (ms) until the bucket holds `n` tokens. */
  wait(now: number, n = 1): number {
    this.fill(now)
    return this.tokens >= n ? 0 : Math.ceil(((n - this.tokens) * SECOND) / this.perSecond)
  }

  private fill(now: number): void {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.filledAt) * this.perSecond) / SECOND,
    )
    this.filledAt = now
  }
}

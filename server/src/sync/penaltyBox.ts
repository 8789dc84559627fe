// Reconnecting after being closed for abuse. A socket the server closes for breaking a limit
// (a protocol error, presence over its limits or flooding, nesting too deep, a frame too big)
// gives its client address and link a strike; until the penalty has passed, upgrades with
// that link from that address are refused before any work is done for them (429, with
// Retry-After). The penalty doubles with each strike that follows the last within
// `maxMs`, up to `maxMs`, and is forgotten after `maxMs` without one. Without it, a client
// that is closed for abuse and reopens at once costs an authorization and a sync per
// reopen, hundreds a second, which is a flood no per-socket limit sees. Well-behaved
// clients are never struck; others behind the same address with other links, or sharing the
// link from other addresses, are not affected.
import { makeRoom } from '../boundedKeys.js'

const MAX_KEYS = 50_000

interface Strikes {
  /** when the penalty ends (ms) */
  until: number
  /** the next penalty (ms) */
  next: number
}

export class PenaltyBox {
  private readonly held = new Map<string, Strikes>()

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may connect again; 0 when it may now. */
  wait(key: string): number {
    const s = this.held.get(key)
    if (!s) return 0
    const now = this.now()
    if (now >= s.until + this.maxMs) {
      this.held.delete(key)
      return 0
    }
    return Math.max(0, s.until - now)
  }

  /** `key`'s socket was closed for abuse. */
  strike(key: string): void {
    if (this.baseMs <= 0) return
    const now = this.now()
    const s = this.held.get(key)
    const penalty = s && now < s.until + this.maxMs ? s.next : this.baseMs
    this.held.delete(key)
    makeRoom(this.held, MAX_KEYS, (h) => now >= h.until + this.maxMs)
    this.held.set(key, { until: now + penalty, next: Math.min(this.maxMs, penalty * 2) })
  }
}

// Fan-out pacing. Relaying an update costs one socket write per connection, and on a busy
// roadmap with hundreds of connections those writes are most of the server's work (each is a
// system call through the TCP stack, about 5 µs here whatever its size). After a relay that
// took D ms, the roadmap's next relay waits until D × hold has passed, and everything that
// arrives meanwhile goes out as one message per socket. So writing takes at most about
// 1 / (1 + hold) of the time a busy roadmap gets, the wait is about as long as a relay takes,
// and a small or quiet roadmap (whose relays take microseconds) relays at once.

/** A paced relay never waits longer than this (ms). */
export const MAX_HOLD_MS = 8
/** Weight of the newest relay in the cost estimate: one slow relay (a GC pause) moves it little. */
const COST_WEIGHT = 0.3

export class FanoutPacer {
  /** what one relay costs, in ms (moving average) */
  private cost = 0
  private endedAt = -Infinity

  /** @param hold the wait after a relay as a multiple of its cost; 0 never waits */
  constructor(private readonly hold: number) {}

  /** A relay ran from `start` to `end` (ms, one clock). */
  relayed(start: number, end: number): void {
    this.cost += COST_WEIGHT * (end - start - this.cost)
    this.endedAt = end
  }

  /** How long (ms) the next relay should wait at `now`; zero or less: go now. */
  delay(now: number): number {
    if (this.hold === 0) return 0
    return this.endedAt + Math.min(MAX_HOLD_MS, this.cost * this.hold) - now
  }
}

// A clock a unit test moves by hand (the rooms' Clock, server/src/sync/clock.ts): timers fire
// and event-loop turns end when the test says, so heartbeats, pacing holds, idle compaction,
// automatic snapshots and unloading are tested without waiting for them.
import type { Clock, Timer } from '../sync/clock.js'

interface Pending {
  at: number
  fn: () => void
  every: number | null
}

/** Rounds of turns before `settle` gives up: work that keeps scheduling more is a bug. */
const MAX_ROUNDS = 10_000

export class ManualClock implements Clock {
  private mono = 0
  private readonly timers = new Map<Timer, Pending>()
  private turns: (() => void)[] = []
  /** what `busy` reports: how loaded the test says the event loop is */
  load = 0

  /** @param wall the wall-clock time at monotonic 0 */
  constructor(private readonly wall = Date.UTC(2026, 0, 5, 9)) {}

  now(): number {
    return this.wall + this.mono
  }

  monotonic(): number {
    return this.mono
  }

  setTimeout(fn: () => void, ms: number): Timer {
    const t = {}
    this.timers.set(t, { at: this.mono + Math.max(0, ms), fn, every: null })
    return t
  }

  setInterval(fn: () => void, ms: number): Timer {
    const t = {}
    this.timers.set(t, { at: this.mono + ms, fn, every: Math.max(1, ms) })
    return t
  }

  clear(timer: Timer | undefined): void {
    if (timer) this.timers.delete(timer)
  }

  afterTurn(fn: () => void): void {
    this.turns.push(fn)
  }

  busy(): number {
    return this.load
  }

  /** Time passes inside a call (a slow socket write) without any timer firing. */
  spend(ms: number): void {
    this.mono += ms
  }

  /**
   * Ends turns until none is queued: runs what waits for the end of a turn, and lets the
   * promises it starts (the store's) run in between.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      await new Promise((resolve) => setImmediate(resolve))
      const due = this.turns
      if (due.length === 0) return
      this.turns = []
      for (const fn of due) fn()
    }
    throw new Error('turns keep being scheduled')
  }

  /** Moves time on by `ms`, firing every timer due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.mono + ms
    for (;;) {
      await this.settle()
      let next: [Timer, Pending] | null = null
      for (const entry of this.timers) {
        if (entry[1].at <= end && (next === null || entry[1].at < next[1].at)) next = entry
      }
      if (next === null) break
      const [timer, p] = next
      this.mono = Math.max(this.mono, p.at)
      if (p.every === null) this.timers.delete(timer)
      else p.at += p.every
      p.fn()
    }
    this.mono = end
    await this.settle()
  }
}

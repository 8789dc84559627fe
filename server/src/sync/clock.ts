// Time as the rooms see it: the wall clock, a monotonic clock for durations, timers and the
// end of an event-loop turn. Production uses REAL_CLOCK; unit tests of a room pass a clock
// they advance by hand (server/src/testing/manualClock.ts), so heartbeats, pacing holds, idle
// compaction, automatic snapshots and unloading run when the test says, not after a wait.

/** A pending timer; only `Clock.clear` looks inside. */
export type Timer = object

export interface Clock {
  /** wall-clock ms (what is stored: edit and snapshot times, link expiry) */
  now(): number
  /** monotonic ms, for durations (fan-out pacing, the sweep's budget) */
  monotonic(): number
  /**
   * Timers do not keep the process alive (the listening socket does that), except with
   * `keepAlive` (the wait for sockets to close at shutdown).
   */
  setTimeout(fn: () => void, ms: number, keepAlive?: boolean): Timer
  setInterval(fn: () => void, ms: number): Timer
  clear(timer: Timer | undefined): void
  /** Runs `fn` once the I/O of this turn is handled (every frame of the turn is in). */
  afterTurn(fn: () => void): void
  /** The share of the last while (0–1) the event loop was busy (the presence tick's load). */
  busy(): number
}

/** How often (ms) the event-loop utilization is sampled: a cheap read in between. */
const BUSY_SAMPLE_MS = 100
let busySample = performance.eventLoopUtilization()
let busySampledAt = performance.now()
let busyShare = 0

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (fn, ms, keepAlive = false) => {
    const t = setTimeout(fn, ms)
    return keepAlive ? t : t.unref()
  },
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clear: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
  afterTurn: (fn) => void setImmediate(fn),
  busy: () => {
    const now = performance.now()
    if (now - busySampledAt >= BUSY_SAMPLE_MS) {
      const sample = performance.eventLoopUtilization()
      busyShare = performance.eventLoopUtilization(sample, busySample).utilization
      busySample = sample
      busySampledAt = now
    }
    return busyShare
  },
}

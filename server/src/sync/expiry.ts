// Links that expire: each socket of such a link is closed when its link's time is up.
import type { Clock, Timer } from './clock.js'
import type { Conn } from './conn.js'

/** The longest a timer can wait; a later expiry waits again. */
const MAX_TIMER_MS = 2 ** 31 - 1

export class LinkExpiry {
  private readonly timers = new Map<Conn, Timer>()

  constructor(
    private readonly clock: Clock,
    private readonly expired: (conn: Conn) => void,
  ) {}

  watch(conn: Conn, at: number): void {
    const delay = Math.min(Math.max(0, at - this.clock.now()), MAX_TIMER_MS)
    const timer = this.clock.setTimeout(() => {
      if (this.clock.now() < at) return this.watch(conn, at)
      this.timers.delete(conn)
      this.expired(conn)
    }, delay)
    this.timers.set(conn, timer)
  }

  forget(conn: Conn): void {
    this.clock.clear(this.timers.get(conn))
    this.timers.delete(conn)
  }
}

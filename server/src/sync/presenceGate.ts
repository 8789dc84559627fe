// Presence rate limiting in a room: every connection's awareness messages go through its
// budget (presenceRate.ts) before they are decoded, stamped and relayed. Over the budget, what
// the connection says is kept per client id, the latest state winning (presence loses nothing
// by skipping the states in between), and processed as one message once a token is there: a
// flood costs the server the frame's receipt and a read of its client ids, not a decode and a
// relay per message, and what reaches the others is bounded by the budget. Messages that only
// echo other people's states (y-websocket clients send back all they hear) are dropped here
// at no cost to the budget, so a busy session does not use up its members' allowances.
import * as encoding from 'lib0/encoding'
import type { RoomAwareness } from './awareness.js'
import type { Clock, Timer } from './clock.js'
import type { Conn } from './conn.js'
import { PRESENCE_VERDICT, PresenceRate } from './presenceRate.js'
import type { PresenceRateLimits } from './presenceRate.js'

interface Held {
  rate: PresenceRate
  /** what waits for a token: each client id's latest entry */
  pending: Map<number, Uint8Array> | null
  timer: Timer | null
}

export class PresenceGate {
  private readonly held = new WeakMap<Conn, Held>()

  constructor(
    private readonly clock: Clock,
    private readonly limits: PresenceRateLimits,
    private readonly awareness: RoomAwareness,
    /** applies and relays an awareness update of `conn` */
    private readonly process: (conn: Conn, update: Uint8Array) => void,
    /** `conn` flooded for `floodSeconds`: it is closed */
    private readonly flood: (conn: Conn) => void,
  ) {}

  offer(conn: Conn, update: Uint8Array): void {
    const entries = this.awareness.ownEntries(update, conn)
    // Malformed or over the limits: processing refuses it and closes the socket.
    if (entries === null) return this.process(conn, update)
    if (entries.size === 0) return
    const now = this.clock.monotonic()
    let h = this.held.get(conn)
    if (!h) {
      h = { rate: new PresenceRate(this.limits, now), pending: null, timer: null }
      this.held.set(conn, h)
    }
    const verdict = h.rate.offer(now, update.byteLength)
    if (verdict === PRESENCE_VERDICT.flood) {
      this.clock.clear(h.timer ?? undefined)
      this.held.delete(conn)
      return this.flood(conn)
    }
    if (verdict === PRESENCE_VERDICT.pass && h.pending === null) return this.process(conn, update)
    h.pending ??= new Map()
    for (const [clientId, entry] of entries) h.pending.set(clientId, entry)
    if (verdict === PRESENCE_VERDICT.pass) return this.release(conn, h)
    if (h.timer === null) this.schedule(conn, h, h.rate.wait(now, pendingBytes(h.pending)))
  }

  private schedule(conn: Conn, h: Held, ms: number): void {
    h.timer = this.clock.setTimeout(() => {
      h.timer = null
      if (!conn.open) return
      const now = this.clock.monotonic()
      const size = pendingBytes(h.pending)
      if (h.rate.take(now, size)) this.release(conn, h)
      else this.schedule(conn, h, h.rate.wait(now, size))
    }, ms)
  }

  /** Processes what waited, as one awareness update. */
  private release(conn: Conn, h: Held): void {
    const pending = h.pending
    h.pending = null
    this.clock.clear(h.timer ?? undefined)
    h.timer = null
    if (!pending) return
    const enc = encoding.createEncoder()
    encoding.writeVarUint(enc, pending.size)
    for (const entry of pending.values()) encoding.writeUint8Array(enc, entry)
    this.process(conn, encoding.toUint8Array(enc))
  }
}

/** Roughly what the held entries weigh as one message. */
function pendingBytes(pending: Map<number, Uint8Array> | null): number {
  let n = 0
  if (pending) for (const entry of pending.values()) n += entry.byteLength
  return n
}

// A room's sockets: sending to one (closing it when its backlog is too long), closing with a
// code from the one table, and relaying a turn to all of them in one write each.
import { CLOSE } from './closeCodes.js'
import type { CloseKind } from './closeCodes.js'
import type { Conn } from './conn.js'
import type { RoomHost } from './host.js'
import { FanoutPacer } from './pacer.js'
import { awarenessRelay, deliver, updateRelay } from './relay.js'
import type { TurnAwareness } from './turn.js'

export class RoomConnections {
  readonly all = new Set<Conn>()
  /** when the next relay may go (fan-out pacing) */
  readonly pacer: FanoutPacer

  constructor(private readonly host: RoomHost) {
    this.pacer = new FanoutPacer(host.options.fanoutHold)
  }

  send(conn: Conn, frame: Uint8Array): void {
    if (!conn.open) return
    if (conn.socket.queuedBytes > this.host.options.slowConsumerBytes) {
      this.close(conn, 'slowConsumer')
      return
    }
    conn.socket.send(frame)
  }

  close(conn: Conn, kind: CloseKind): void {
    if (!conn.open) return
    conn.open = false
    const { code, reason } = CLOSE[kind]
    this.host.closed(conn, kind)
    try {
      conn.socket.close(code, reason)
    } catch {
      conn.socket.terminate()
    }
    // A slow consumer's close frame waits behind its backlog, a dead peer never answers:
    // don't wait for either.
    if (kind === 'slowConsumer' || kind === 'noHeartbeat') conn.socket.terminate()
  }

  closeWhere(pred: (c: Conn) => boolean, kind: CloseKind): number {
    let n = 0
    for (const c of this.all) {
      if (c.open && pred(c)) {
        this.close(c, kind)
        n++
      }
    }
    return n
  }

  closeAll(kind: CloseKind): void {
    for (const c of [...this.all]) this.close(c, kind)
  }

  /**
   * One write per socket: the updates (`senders[i]` sent `updates[i]`; null: the server or
   * another instance) and the awareness changes of this turn.
   */
  relay(
    updates: readonly Uint8Array[],
    senders: readonly (Conn | null)[],
    awareness: TurnAwareness | null,
  ): void {
    const relay = updates.length > 0 ? updateRelay(this.all, updates, senders) : null
    const aw = awareness ? awarenessRelay(awareness) : null
    if (!relay && !aw) return
    const { clock, metrics, options } = this.host
    const t0 = clock.monotonic()
    const writes = deliver(this.all, relay, aw, options.slowConsumerBytes, (c) =>
      this.close(c, 'slowConsumer'),
    )
    this.pacer.relayed(t0, clock.monotonic())
    metrics.relays.inc()
    metrics.relayWrites.inc(writes)
  }
}

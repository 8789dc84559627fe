// What a room accepted since its last flush, waiting to be stored and relayed at the next one.
import type { AwarenessChange } from './awareness.js'
import type { Conn } from './conn.js'

/** A turn's awareness changes in order, with who sent each and who hears its own back. */
export interface TurnAwareness {
  changes: readonly AwarenessChange[]
  from: readonly (Conn | null)[]
  echo: ReadonlySet<Conn>
}

/**
 * Every change of a turn is relayed, two of one client id included (a pointer moving twice
 * while the server was busy): each is a presence someone should see. Past this many in one
 * turn only the latest per client id goes, so one busy turn stays bounded.
 */
const MAX_TURN_AWARENESS = 256

export class Turn {
  /** this instance's accepted updates, to store, and who sent each (null: the server) */
  private updates: Uint8Array[] = []
  private senders: (Conn | null)[] = []
  /** updates other instances stored and relayed to us: relayed here, not stored again */
  private peerUpdates: Uint8Array[] = []
  /** the last seq other instances reported storing */
  peerSeq = 0
  private awareness: AwarenessChange[] = []
  /** who sent each of this turn's awareness changes (null: the server, another instance) */
  private awarenessFrom: (Conn | null)[] = []
  /** senders that get their own awareness back (alone in the room, or their state changed) */
  private echo = new Set<Conn>()
  /** the awareness changes of this instance's own connections (for the other instances) */
  private ownAwareness = new Map<number, AwarenessChange>()

  /** Accepted and not in the state yet: this turn's updates, and other instances' ones. */
  unstored(): readonly Uint8Array[] {
    return this.peerUpdates.length === 0 ? this.updates : [...this.updates, ...this.peerUpdates]
  }

  get pendingUpdates(): number {
    return this.updates.length
  }

  /** Nothing but presence waits: no update of this instance or another. */
  get presenceOnly(): boolean {
    return this.updates.length === 0 && this.peerUpdates.length === 0
  }

  add(update: Uint8Array, sender: Conn | null): void {
    this.updates.push(update)
    this.senders.push(sender)
  }

  addPeer(update: Uint8Array): void {
    this.peerUpdates.push(update)
  }

  /**
   * `own`: changes of this instance's connections, which other instances are told about;
   * `sender`: the connection that sent them (null: the server or another instance), which is
   * sent them back only if `echo`.
   */
  addAwareness(
    changes: readonly AwarenessChange[],
    own: boolean,
    sender: Conn | null = null,
    echo = false,
  ): void {
    for (const c of changes) {
      this.awareness.push(c)
      this.awarenessFrom.push(sender)
      if (own) this.ownAwareness.set(c.clientId, c)
    }
    if (sender && echo) this.echo.add(sender)
  }

  takeUpdates(): { updates: Uint8Array[]; senders: (Conn | null)[] } {
    const taken = { updates: this.updates, senders: this.senders }
    if (this.updates.length > 0) {
      this.updates = []
      this.senders = []
    }
    return taken
  }

  takePeerUpdates(): Uint8Array[] {
    const taken = this.peerUpdates
    if (taken.length > 0) this.peerUpdates = []
    return taken
  }

  takeAwareness(): TurnAwareness | null {
    if (this.awareness.length === 0) return null
    let taken: TurnAwareness = {
      changes: this.awareness,
      from: this.awarenessFrom,
      echo: this.echo,
    }
    if (this.awareness.length > MAX_TURN_AWARENESS) taken = latestOnly(taken)
    this.awareness = []
    this.awarenessFrom = []
    if (this.echo.size > 0) this.echo = new Set()
    return taken
  }

  takeOwnAwareness(): Map<number, AwarenessChange> | null {
    if (this.ownAwareness.size === 0) return null
    const taken = this.ownAwareness
    this.ownAwareness = new Map()
    return taken
  }
}

function latestOnly(turn: TurnAwareness): TurnAwareness {
  const last = new Map<number, number>()
  turn.changes.forEach((c, i) => last.set(c.clientId, i))
  const keep = [...last.values()].sort((a, b) => a - b)
  return {
    changes: keep.map((i) => turn.changes[i]),
    from: keep.map((i) => turn.from[i]),
    echo: turn.echo,
  }
}

// What a room accepted since its last flush, waiting to be stored and relayed at the next one.
import type { AwarenessChange } from './awareness.js'
import type { Conn } from './conn.js'

export class Turn {
  /** this instance's accepted updates, to store, and who sent each (null: the server) */
  private updates: Uint8Array[] = []
  private senders: (Conn | null)[] = []
  /** updates other instances stored and relayed to us: relayed here, not stored again */
  private peerUpdates: Uint8Array[] = []
  /** the last seq other instances reported storing */
  peerSeq = 0
  private awareness = new Map<number, AwarenessChange>()
  /** the awareness changes of this instance's own connections (for the other instances) */
  private ownAwareness = new Map<number, AwarenessChange>()

  /** Accepted and not in the state yet: this turn's updates, and other instances' ones. */
  unstored(): readonly Uint8Array[] {
    return this.peerUpdates.length === 0 ? this.updates : [...this.updates, ...this.peerUpdates]
  }

  get pendingUpdates(): number {
    return this.updates.length
  }

  add(update: Uint8Array, sender: Conn | null): void {
    this.updates.push(update)
    this.senders.push(sender)
  }

  addPeer(update: Uint8Array): void {
    this.peerUpdates.push(update)
  }

  /** `own`: changes of this instance's connections, which other instances are told about. */
  addAwareness(changes: readonly AwarenessChange[], own: boolean): void {
    for (const c of changes) {
      this.awareness.set(c.clientId, c)
      if (own) this.ownAwareness.set(c.clientId, c)
    }
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

  takeAwareness(): Map<number, AwarenessChange> | null {
    if (this.awareness.size === 0) return null
    const taken = this.awareness
    this.awareness = new Map()
    return taken
  }

  takeOwnAwareness(): Map<number, AwarenessChange> | null {
    if (this.ownAwareness.size === 0) return null
    const taken = this.ownAwareness
    this.ownAwareness = new Map()
    return taken
  }
}

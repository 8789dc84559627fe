// A room's side of the cluster (cluster.ts): what the other server instances stored or heard
// (relayed here, never stored again), what they missed while Redis was away (read back from
// the store), and what this instance tells them after each flush.
import * as Y from 'yjs'
import { errorText } from '../log.js'
import { storedParts } from '../store/store.js'
import { encodeAwarenessUpdate } from './awareness.js'
import type { AwarenessChange, AwarenessOwner, RoomAwareness } from './awareness.js'
import type { PeerMessage } from './cluster.js'
import type { DocState } from './docState.js'
import type { RoomHost } from './host.js'
import type { Turn } from './turn.js'

/** What the peers need of their room. */
export interface PeerRoom {
  readonly ready: boolean
  readonly awareness: RoomAwareness
  queueAwareness(changes: AwarenessChange[], own: boolean): void
  scheduleFlush(): void
}

export class RoomPeers {
  /** what other instances sent while the roadmap was loading */
  private queue: PeerMessage[] | null = []
  /** a catch-up asked for while the roadmap was loading: its read may predate the subscription */
  private catchUpWhenLoaded = false
  /** the owner of awareness states announced through other instances */
  private readonly owner: AwarenessOwner = { open: true, linkId: null }

  constructor(
    private readonly id: string,
    private readonly host: RoomHost,
    private readonly state: DocState,
    private readonly turn: Turn,
    private readonly room: PeerRoom,
  ) {}

  /**
   * Subscribes; call before reading the store, so nothing stored after the read is missed. With
   * Redis away it returns at once: the subscription and a catch-up follow when Redis is back.
   */
  async join(): Promise<void> {
    await this.host.cluster?.join(this.id, (m) => this.receive(m))
  }

  /** The roadmap is loaded: takes what arrived meanwhile. */
  loaded(): void {
    const early = this.queue ?? []
    this.queue = null
    for (const m of early) this.receive(m)
    if (this.catchUpWhenLoaded) {
      this.catchUpWhenLoaded = false
      void this.catchUp()
    }
  }

  /**
   * Messages from other instances may have been lost (Redis was unreachable): takes from the
   * store what this instance lacks, and relays it.
   */
  async catchUp(): Promise<void> {
    if (!this.room.ready) {
      this.catchUpWhenLoaded = true
      return
    }
    try {
      const stored = await this.host.store.loadDoc(this.id)
      const parts = storedParts(stored)
      if (parts.length === 0) return
      const missing = Y.diffUpdate(Y.mergeUpdates(parts), this.state.stateVector())
      this.receive({ kind: 'updates', update: missing, lastSeq: stored.lastSeq })
    } catch (e) {
      this.host.log.error({ roadmapId: this.id, err: errorText(e) }, 'catching up failed')
    }
  }

  /** Another instance stored these updates, or its connections' awareness changed. */
  private receive(m: PeerMessage): void {
    if (this.queue !== null) {
      this.queue.push(m)
      return
    }
    if (!this.room.ready) return
    const { clock, log, metrics } = this.host
    metrics.peerMessages.inc({ kind: m.kind })
    if (m.kind === 'resync') {
      void this.catchUp()
      return
    }
    if (m.kind === 'awareness') {
      const r = this.room.awareness.apply(m.update, this.owner, null, clock.now())
      if (r.ok && r.changes.length > 0) this.room.queueAwareness(r.changes, false)
      return
    }
    this.turn.peerSeq = Math.max(this.turn.peerSeq, m.lastSeq)
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(m.update)
    } catch (e) {
      log.error({ roadmapId: this.id, err: errorText(e) }, 'unreadable peer update')
      return
    }
    // Already here (read from the store, or sent twice): nothing to do.
    if (!this.state.isNew(decoded, true)) return
    if (!this.state.integrate(m.update).ok) {
      log.error({ roadmapId: this.id }, 'a peer update does not integrate')
      return
    }
    this.state.note(decoded)
    this.turn.addPeer(m.update.slice())
    this.room.scheduleFlush()
  }

  /** After a flush: this instance's stored updates and its connections' awareness changes. */
  publish(
    updates: Uint8Array[],
    storedSeq: number,
    ownAwareness: ReadonlyMap<number, AwarenessChange> | null,
  ): void {
    const cluster = this.host.cluster
    if (!cluster) return
    if (updates.length > 0) {
      const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)
      cluster.publishUpdates(this.id, merged, storedSeq)
    }
    if (ownAwareness) {
      cluster.publishAwareness(
        this.id,
        encodeAwarenessUpdate(ownAwareness.values(), ownAwareness.size),
      )
    }
  }
}

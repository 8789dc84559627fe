// One roadmap, live: loading it, and its connections coming and going. Its parts: dispatch.ts
// (the frames a connection sends), connections.ts (sending, closing, relaying a turn),
// durableLog.ts (the store-then-relay flush, compaction, snapshots), peers.ts (the other
// server instances), turn.ts (what waits for the next flush). The document itself is a
// DocState (a Yjs update, with a Y.Doc built only when needed).
import * as Y from 'yjs'
import { errorText } from '../log.js'
import { StoreRefused } from '../store/storageFull.js'
import type { SnapshotKind } from '../store/store.js'
import { RoomAwareness } from './awareness.js'
import type { AwarenessChange } from './awareness.js'
import { awarenessMessage } from './awarenessChange.js'
import type { CloseKind } from './closeCodes.js'
import type { Conn } from './conn.js'
import { RoomConnections } from './connections.js'
import { Dispatch } from './dispatch.js'
import { DocState } from './docState.js'
import { DurableLog } from './durableLog.js'
import type { SnapshotInfo } from './durableLog.js'
import type { Flushable, RoomHost } from './host.js'
import type { FanoutPacer } from './pacer.js'
import type { Origin } from './origins.js'
import { RoomPeers } from './peers.js'
import { ORIGIN, SERVER_DOC } from './origins.js'
import { encodeSyncStep1 } from './protocol.js'
import { Turn } from './turn.js'

export const ROOM_STATUS = {
  loading: 'loading',
  ready: 'ready',
  failed: 'failed',
  unloaded: 'unloaded',
} as const
export type RoomStatus = (typeof ROOM_STATUS)[keyof typeof ROOM_STATUS]

export class Room implements Flushable {
  readonly awareness: RoomAwareness
  status: RoomStatus = ROOM_STATUS.loading
  readonly ready: Promise<void>
  emptySince: number
  private readonly state: DocState
  private readonly turn = new Turn()
  private readonly connections: RoomConnections
  private readonly log: DurableLog
  private readonly peers: RoomPeers
  private readonly dispatch: Dispatch

  constructor(
    readonly id: string,
    private readonly host: RoomHost,
  ) {
    const isReady = (): boolean => this.status === ROOM_STATUS.ready
    this.emptySince = host.clock.now()
    this.awareness = new RoomAwareness(host.options.awareness)
    this.connections = new RoomConnections(host)
    this.state = new DocState(
      id,
      host.log,
      host.metrics,
      () => this.turn.unstored(),
      () => host.clock.now(),
    )
    this.log = new DurableLog(id, host, this.state, this.turn, {
      get ready() {
        return isReady()
      },
      relay: (updates, senders, peer, storedSeq) => {
        this.connections.relay(
          peer.length === 0 ? updates : [...updates, ...peer],
          peer.length === 0 ? senders : [...senders, ...peer.map(() => null)],
          this.turn.takeAwareness(),
        )
        this.peers.publish(updates, storedSeq, this.turn.takeOwnAwareness())
      },
      failed: (e) => this.fail(e),
      again: () => host.scheduleFlush(this),
    })
    this.peers = new RoomPeers(id, host, this.state, this.turn, {
      get ready() {
        return isReady()
      },
      awareness: this.awareness,
      queueAwareness: (changes, own) => this.queueAwareness(changes, own),
      scheduleFlush: () => host.scheduleFlush(this),
    })
    this.dispatch = new Dispatch(id, host, this.state, this.awareness, this.connections, {
      update: (update, sender) => {
        this.turn.add(update, sender)
        host.scheduleFlush(this)
      },
      awareness: (changes, sender, echo) => this.queueAwareness(changes, true, sender, echo),
      correct: (edit) => {
        this.change(ORIGIN.attribution, edit).catch((e: unknown) =>
          host.log.error({ roadmapId: id, err: errorText(e) }, 'attribution failed'),
        )
      },
    })
    this.ready = this.load()
  }

  private async load(): Promise<void> {
    const { store, metrics, log } = this.host
    try {
      // Subscribe before reading: whatever another instance stores after the read, it
      // publishes after we listen.
      await this.peers.join()
      const t0 = performance.now()
      const stored = await store.loadDoc(this.id)
      metrics.storeLatency.observe({ op: 'load' }, (performance.now() - t0) / 1000)
      this.state.load(stored)
      this.log.loaded(stored)
      this.status = ROOM_STATUS.ready
      log.debug({ roadmapId: this.id, bytes: this.state.bytes }, 'roadmap loaded')
    } catch (e) {
      this.status = ROOM_STATUS.failed
      log.error({ roadmapId: this.id, err: errorText(e) }, 'loading a roadmap failed')
      this.connections.closeAll('internalError')
      return
    }
    this.peers.loaded()
    for (const c of [...this.conns]) this.start(c)
  }

  private fail(e: unknown): void {
    // Nothing of this batch was relayed; the clients still hold it and resend it on reconnect.
    this.host.log.error(
      { roadmapId: this.id, err: errorText(e) },
      'storing updates failed; closing the roadmap',
    )
    this.status = ROOM_STATUS.failed
    // The live document holds what was refused: drop it, so that nothing unstored is saved.
    this.state.dropDoc()
    // Out of space, clients are told so (4507) and back off instead of retrying at once.
    this.connections.closeAll(this.host.storage.failed(e) ? 'storageFull' : 'internalError')
  }

  // ---- connections ------------------------------------------------------------------

  get conns(): ReadonlySet<Conn> {
    return this.connections.all
  }

  get pacer(): FanoutPacer {
    return this.connections.pacer
  }

  attach(conn: Conn): void {
    this.connections.all.add(conn)
    this.host.metrics.connections.inc({ role: conn.role })
    if (this.status === ROOM_STATUS.ready) this.start(conn)
    else if (this.status === ROOM_STATUS.failed) this.close(conn, 'internalError')
  }

  /** The roadmap is loaded: greet the connection, then handle what it sent meanwhile. */
  private start(conn: Conn): void {
    if (!conn.open) return
    this.connections.send(conn, encodeSyncStep1(this.state.stateVector()))
    const aw = this.awareness.current(this.host.clock.now())
    if (aw.length > 0) this.connections.send(conn, awarenessMessage(aw).payloads[0])
    const queued = conn.queue
    conn.queue = null
    if (queued) for (const f of queued) this.receive(conn, f)
  }

  detach(conn: Conn): void {
    if (!this.connections.all.delete(conn)) return
    conn.open = false
    this.host.metrics.connections.dec({ role: conn.role })
    const removed = this.awareness.removeOwner(conn, this.host.clock.now())
    if (removed.length > 0) this.queueAwareness(removed, true)
    if (this.conns.size === 0) this.emptySince = this.host.clock.now()
  }

  close(conn: Conn, kind: CloseKind): void {
    this.connections.close(conn, kind)
  }

  closeWhere(pred: (c: Conn) => boolean, kind: CloseKind): number {
    return this.connections.closeWhere(pred, kind)
  }

  // ---- incoming ---------------------------------------------------------------------

  receive(conn: Conn, data: Uint8Array): void {
    if (!conn.open) return
    conn.alive = true
    if (conn.queue !== null) {
      conn.queue.push(data)
      return
    }
    this.dispatch.handle(conn, data)
  }

  /** `own`: changes of this instance's connections, which other instances are told about. */
  private queueAwareness(
    changes: AwarenessChange[],
    own: boolean,
    sender: Conn | null = null,
    echo = false,
  ): void {
    this.turn.addAwareness(changes, own && this.host.cluster !== null, sender, echo)
    this.host.scheduleFlush(this)
  }

  // ---- the stored log (durableLog.ts) and the other instances (peers.ts) -------------

  /** Stores this turn's updates, then relays them (see DurableLog.flush). */
  flush(): Promise<void> {
    return this.log.flush()
  }

  compact(gc: boolean): Promise<void> {
    return this.log.compact(gc)
  }

  snapshot(kind: SnapshotKind, name: string | null): Promise<SnapshotInfo> {
    return this.log.snapshot(kind, name)
  }

  catchUp(): Promise<void> {
    return this.peers.catchUp()
  }

  get presenceOnly(): boolean {
    return this.turn.presenceOnly
  }

  /** Updates accepted and waiting for the next flush (stored, then relayed). */
  get pendingUpdates(): number {
    return this.turn.pendingUpdates
  }

  get lastEditAt(): number {
    return this.log.lastEditAt
  }

  /** True once nothing is waiting to be stored. */
  get idle(): boolean {
    return this.log.idle
  }

  get needsCompaction(): boolean {
    return this.log.needsCompaction
  }

  get logIsLarge(): boolean {
    return this.log.logIsLarge
  }

  get editedSinceSnapshot(): boolean {
    return this.log.editedSinceSnapshot
  }

  // ---- the Y.Doc, for derivations and server-side edits -----------------------------

  /** The live document (built on demand; current with everything accepted). */
  doc(): Y.Doc {
    return this.state.doc()
  }

  dropDoc(): void {
    this.state.dropDoc()
  }

  dropDocIfUnused(now: number): void {
    this.state.dropDocIfUnused(now)
  }

  /**
   * Runs `edit` in one transaction with `origin`, then stores and relays the resulting update
   * like a client's. All or nothing: the change is built on a scratch copy of the document, so
   * an `edit` that throws leaves the live document untouched; if storing fails the room fails
   * (nothing relayed) and its document is dropped, so nothing unstored survives to be saved
   * later. Resolves once it is stored; rejects if `edit` threw or the store refused.
   */
  async change(origin: Origin, edit: (doc: Y.Doc) => void): Promise<void> {
    const live = this.state.doc()
    // The scratch copy writes under a client id of its own: Yjs gives a document that applies
    // an update under its own id a new one (with a warning), so borrowing the live one cannot work.
    const scratch = new Y.Doc(SERVER_DOC)
    const produced: Uint8Array[] = []
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live), ORIGIN.load)
      scratch.on('update', (u: Uint8Array, o: unknown) => {
        if (o === origin) produced.push(u)
      })
      scratch.transact(() => edit(scratch), origin)
    } finally {
      scratch.destroy()
    }
    const update = produced.length === 0 ? null : Y.mergeUpdates(produced)
    if (update === null) return
    if (!this.state.integrate(update, origin).ok)
      throw new Error('a server-side change did not integrate')
    this.state.note(Y.decodeUpdate(update))
    this.turn.add(update, null)
    this.host.scheduleFlush(this)
    await this.flush()
    if (this.status === ROOM_STATUS.failed)
      throw new StoreRefused(this.host.storage.fullSince !== null)
  }
}

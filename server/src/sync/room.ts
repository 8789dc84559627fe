// One roadmap, live: its connections, the sync protocol, and the rule that every update is
// stored before it is relayed. The document itself is a DocState (a Yjs update, with a Y.Doc
// built only when needed); what one turn sends is built in relay.ts.
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import { errorText } from '../log.js'
import type { Metrics } from '../metrics.js'
import type { Store } from '../store/store.js'
import { ROLE, SNAPSHOT_KIND, storedParts } from '../store/store.js'
import type { SnapshotKind } from '../store/store.js'
import { newId } from '../ids.js'
import { RoomAwareness, encodeAwarenessUpdate } from './awareness.js'
import type { AwarenessChange, AwarenessOwner } from './awareness.js'
import { CLOSE } from './closeCodes.js'
import type { Cluster, PeerMessage } from './cluster.js'
import type { CloseKind } from './closeCodes.js'
import type { Conn } from './conn.js'
import { DocState, mergeStates } from './docState.js'
import { FanoutPacer } from './pacer.js'
import type { Origin } from './origins.js'
import {
  decodeFrame,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
} from './protocol.js'
import { awarenessRelay, deliver, updateRelay } from './relay.js'
import { queuedBytes } from './wire.js'

export interface RoomOptions {
  slowConsumerBytes: number
  idleCompactMs: number
  autoSnapshotMs: number
  unloadGraceMs: number
  /** compact once the stored log exceeds max(this, twice the state) bytes */
  compactLogBytes: number
  compactLogCount: number
  heartbeatMs: number
  /**
   * Fan-out pacing: after a relay that took D ms of socket writes, the roadmap's next relay
   * waits until D × this has passed (0: relay every turn). See pacer.ts.
   */
  fanoutHold: number
}

export interface RoomHost {
  store: Store
  /** the other server instances (REDIS_URL); null when this one is alone */
  cluster: Cluster | null
  metrics: Metrics
  log: Logger
  options: RoomOptions
  scheduleFlush(room: Room): void
  closed(conn: Conn, kind: CloseKind): void
  /** the store was written (for housekeeping once writes are quiet) */
  wrote(): void
}

/** Below this state size, compaction also garbage-collects (through a Y.Doc). */
const GC_ON_COMPACT_BYTES = 1024 * 1024
/** A quiet roadmap's log is compacted once it holds this much (else at unload). */
const IDLE_COMPACT_MIN_BYTES = 64 * 1024
const IDLE_COMPACT_MIN_COUNT = 256
export const READ_ONLY_REASON = 'read-only'

export const ROOM_STATUS = {
  loading: 'loading',
  ready: 'ready',
  failed: 'failed',
  unloaded: 'unloaded',
} as const
export type RoomStatus = (typeof ROOM_STATUS)[keyof typeof ROOM_STATUS]

export interface SnapshotInfo {
  id: string
  createdAt: number
  name: string
  size: number
}

export class Room {
  readonly conns = new Set<Conn>()
  readonly awareness = new RoomAwareness()
  status: RoomStatus = ROOM_STATUS.loading
  readonly ready: Promise<void>
  private readonly state: DocState

  /** the stored log since the last compaction */
  private lastSeq = 0
  private logBytes = 0
  private logCount = 0
  /** the state is garbage-collected and the stored log is empty */
  private canonical = true
  private compacting = false
  private flushing = false
  private flushAgain = false

  /** accepted this turn, stored and relayed at the flush */
  private inUpdates: Uint8Array[] = []
  private inSenders: (Conn | null)[] = []
  private awChanges = new Map<number, AwarenessChange>()
  /** this turn's awareness changes of this instance's own connections (for the cluster) */
  private awOwn = new Map<number, AwarenessChange>()
  /** updates other instances stored and relayed to us: relayed here, not stored again */
  private peerUpdates: Uint8Array[] = []
  private peerSeq = 0
  /** what other instances sent while the roadmap was loading */
  private peerQueue: PeerMessage[] | null = []
  /** the owner of awareness states announced through other instances */
  private readonly peers: AwarenessOwner = { open: true }

  lastEditAt = 0
  /** when the next relay may go (fan-out pacing) */
  readonly pacer: FanoutPacer
  private editsSinceSnapshotAt: number | null = null
  emptySince: number

  constructor(
    readonly id: string,
    private readonly host: RoomHost,
  ) {
    this.emptySince = Date.now()
    this.pacer = new FanoutPacer(host.options.fanoutHold)
    // Accepted and not in the state yet: this turn's updates, and other instances' ones.
    this.state = new DocState(id, host.log, host.metrics, () =>
      this.peerUpdates.length === 0 ? this.inUpdates : [...this.inUpdates, ...this.peerUpdates],
    )
    this.ready = this.load()
  }

  private async load(): Promise<void> {
    const { store, metrics, log } = this.host
    try {
      // Subscribe before reading: whatever another instance stores after the read, it
      // publishes after we listen.
      await this.host.cluster?.join(this.id, (m) => this.fromPeer(m))
      const t0 = performance.now()
      const stored = await store.loadDoc(this.id)
      metrics.storeLatency.observe({ op: 'load' }, (performance.now() - t0) / 1000)
      this.state.load(stored)
      this.lastSeq = stored.lastSeq
      this.logBytes = stored.logBytes
      this.logCount = stored.updates.length
      this.canonical = stored.updates.length === 0
      this.status = ROOM_STATUS.ready
      log.debug({ roadmapId: this.id, bytes: this.state.bytes }, 'roadmap loaded')
    } catch (e) {
      this.status = ROOM_STATUS.failed
      log.error({ roadmapId: this.id, err: errorText(e) }, 'loading a roadmap failed')
      for (const c of [...this.conns]) this.close(c, 'internalError')
      return
    }
    const early = this.peerQueue ?? []
    this.peerQueue = null
    for (const m of early) this.fromPeer(m)
    for (const c of [...this.conns]) this.start(c)
  }

  /**
   * Messages from other instances may have been lost (Redis was unreachable): takes from the
   * store what this instance lacks, and relays it.
   */
  async catchUp(): Promise<void> {
    if (this.status !== ROOM_STATUS.ready) return
    try {
      const stored = await this.host.store.loadDoc(this.id)
      const parts = storedParts(stored)
      if (parts.length === 0) return
      const missing = Y.diffUpdate(Y.mergeUpdates(parts), this.state.stateVector())
      this.fromPeer({ kind: 'updates', update: missing, lastSeq: stored.lastSeq })
    } catch (e) {
      this.host.log.error({ roadmapId: this.id, err: errorText(e) }, 'catching up failed')
    }
  }

  /** Another instance stored these updates, or its connections' awareness changed. */
  private fromPeer(m: PeerMessage): void {
    if (this.peerQueue !== null) {
      this.peerQueue.push(m)
      return
    }
    if (this.status !== ROOM_STATUS.ready) return
    this.host.metrics.peerMessages.inc({ kind: m.kind })
    if (m.kind === 'resync') {
      void this.catchUp()
      return
    }
    if (m.kind === 'awareness') {
      const r = this.awareness.apply(m.update, this.peers, null, Date.now())
      if (r.ok && r.changes.length > 0) this.queueAwareness(r.changes, false)
      return
    }
    this.peerSeq = Math.max(this.peerSeq, m.lastSeq)
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(m.update)
    } catch (e) {
      this.host.log.error({ roadmapId: this.id, err: errorText(e) }, 'unreadable peer update')
      return
    }
    // Already here (read from the store, or sent twice): nothing to do.
    if (!this.state.isNew(decoded, true)) return
    if (!this.state.integrate(m.update)) {
      this.host.log.error({ roadmapId: this.id }, 'a peer update does not integrate')
      return
    }
    this.state.note(decoded)
    this.peerUpdates.push(m.update.slice())
    this.host.scheduleFlush(this)
  }

  // ---- connections ------------------------------------------------------------------

  attach(conn: Conn): void {
    this.conns.add(conn)
    this.host.metrics.connections.inc({ role: conn.role })
    if (this.status === ROOM_STATUS.ready) this.start(conn)
    else if (this.status === ROOM_STATUS.failed) this.close(conn, 'internalError')
  }

  /** The roadmap is loaded: greet the connection, then handle what it sent meanwhile. */
  private start(conn: Conn): void {
    if (!conn.open) return
    this.send(conn, encodeSyncStep1(this.state.stateVector()))
    const aw = this.awareness.current(Date.now())
    if (aw.length > 0) this.send(conn, encodeAwareness(encodeAwarenessUpdate(aw, aw.length)))
    const queued = conn.queue
    conn.queue = null
    if (queued) for (const f of queued) this.receive(conn, f)
  }

  detach(conn: Conn): void {
    if (!this.conns.delete(conn)) return
    conn.open = false
    this.host.metrics.connections.dec({ role: conn.role })
    const removed = this.awareness.removeOwner(conn)
    if (removed.length > 0) this.queueAwareness(removed, true)
    if (this.conns.size === 0) this.emptySince = Date.now()
  }

  close(conn: Conn, kind: CloseKind): void {
    if (!conn.open) return
    conn.open = false
    const { code, reason } = CLOSE[kind]
    this.host.closed(conn, kind)
    try {
      conn.ws.close(code, reason)
    } catch {
      conn.ws.terminate()
    }
    // A slow consumer's close frame waits behind its backlog, a dead peer never answers:
    // don't wait for either.
    if (kind === 'slowConsumer' || kind === 'noHeartbeat') conn.ws.terminate()
  }

  closeWhere(pred: (c: Conn) => boolean, kind: CloseKind): number {
    let n = 0
    for (const c of this.conns) {
      if (c.open && pred(c)) {
        this.close(c, kind)
        n++
      }
    }
    return n
  }

  private send(conn: Conn, frame: Uint8Array): void {
    if (!conn.open) return
    if (queuedBytes(conn.ws) > this.host.options.slowConsumerBytes) {
      this.close(conn, 'slowConsumer')
      return
    }
    conn.ws.send(frame)
  }

  // ---- incoming ---------------------------------------------------------------------

  receive(conn: Conn, data: Uint8Array): void {
    if (!conn.open) return
    conn.alive = true
    if (conn.queue !== null) {
      conn.queue.push(data)
      return
    }
    const decoded = decodeFrame(data)
    if (!decoded.ok) {
      this.refuse(conn, 'malformed', decoded.error)
      return
    }
    const m = decoded.message
    switch (m.kind) {
      case 'step1':
        this.answerStep1(conn, m.stateVector)
        return
      case 'step2':
      case 'update':
        this.receiveUpdate(conn, m.update, m.kind === 'step2')
        return
      case 'awareness': {
        const r = this.awareness.apply(m.update, conn, conn.role, Date.now())
        if (!r.ok) this.refuse(conn, 'malformed', r.error)
        else if (r.changes.length > 0) this.queueAwareness(r.changes, true)
        return
      }
      case 'queryAwareness': {
        const aw = this.awareness.current(Date.now())
        this.send(conn, encodeAwareness(encodeAwarenessUpdate(aw, aw.length)))
        return
      }
      case 'auth':
        // Clients have nothing to say here: the token was checked before the upgrade.
        return
      default: {
        const never: never = m
        return never
      }
    }
  }

  /** Bad input closes the socket that sent it, and nothing else. */
  private refuse(conn: Conn, reason: 'malformed' | 'unintegrable', detail: string): void {
    this.host.metrics.dropped.inc({ reason })
    this.host.log.debug({ roadmapId: this.id, reason, detail }, 'refused a message')
    this.close(conn, 'protocolError')
  }

  private answerStep1(conn: Conn, clientSv: Uint8Array): void {
    let reply: Uint8Array
    try {
      reply = this.state.diff(clientSv)
    } catch (e) {
      this.refuse(conn, 'malformed', errorText(e))
      return
    }
    this.send(conn, encodeSyncStep2(reply))
  }

  private receiveUpdate(conn: Conn, update: Uint8Array, syncReply: boolean): void {
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(update)
    } catch (e) {
      this.refuse(conn, 'malformed', errorText(e))
      return
    }
    // A live edit from an editor that only deletes is taken as news without comparing delete
    // sets (that costs a decode of the whole state); sync replies and viewers are compared.
    if (!this.state.isNew(decoded, syncReply || conn.role === ROLE.viewer)) return
    if (conn.role === ROLE.viewer) {
      this.host.metrics.dropped.inc({ reason: 'read-only' })
      this.send(conn, encodePermissionDenied(READ_ONLY_REASON))
      return
    }
    if (!this.state.integrate(update)) {
      this.refuse(conn, 'unintegrable', 'update does not integrate')
      return
    }
    // A reconnecting client's sync reply repeats much of what is stored: keep what is new.
    // (diffUpdate copies; a live update is copied because the frame may be a view into a
    // larger socket buffer.)
    const news = syncReply ? this.state.trim(update) : update.slice()
    this.state.note(decoded)
    this.enqueue(news, conn)
  }

  private enqueue(update: Uint8Array, sender: Conn | null): void {
    this.inUpdates.push(update)
    this.inSenders.push(sender)
    this.host.scheduleFlush(this)
  }

  /** `own`: changes of this instance's connections, which other instances are told about. */
  private queueAwareness(changes: AwarenessChange[], own: boolean): void {
    for (const c of changes) {
      this.awChanges.set(c.clientId, c)
      if (own && this.host.cluster) this.awOwn.set(c.clientId, c)
    }
    this.host.scheduleFlush(this)
  }

  // ---- flush: store, then relay -----------------------------------------------------

  /**
   * Stores this turn's updates in one transaction, then relays them (with what other
   * instances stored meanwhile) and the awareness changes, here and to the other instances.
   */
  async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true
      return
    }
    const updates = this.inUpdates
    const senders = this.inSenders
    const cluster = this.host.cluster
    let storedSeq = 0
    if (updates.length > 0) {
      this.inUpdates = []
      this.inSenders = []
      this.flushing = true
      const now = Date.now()
      try {
        const t0 = performance.now()
        const r = await this.host.store.appendUpdates(this.id, updates, now)
        this.host.metrics.storeLatency.observe({ op: 'append' }, (performance.now() - t0) / 1000)
        storedSeq = r.lastSeq
        this.host.wrote()
      } catch (e) {
        this.flushing = false
        this.fail(e)
        return
      }
      this.flushing = false
      this.accept(updates, now, true)
    }
    const peer = this.peerUpdates
    if (peer.length > 0) {
      this.peerUpdates = []
      this.accept(peer, Date.now(), false)
    }
    this.lastSeq = Math.max(this.lastSeq, storedSeq, this.peerSeq)
    const relayed = peer.length === 0 ? updates : [...updates, ...peer]
    const relay =
      relayed.length > 0
        ? updateRelay(
            this.conns,
            relayed,
            peer.length === 0 ? senders : [...senders, ...peer.map(() => null)],
          )
        : null
    let aw = null
    if (this.awChanges.size > 0) {
      aw = awarenessRelay(this.awChanges)
      this.awChanges = new Map()
    }
    if (relay || aw) {
      const t0 = performance.now()
      const writes = deliver(this.conns, relay, aw, this.host.options.slowConsumerBytes, (c) =>
        this.close(c, 'slowConsumer'),
      )
      this.pacer.relayed(t0, performance.now())
      this.host.metrics.relays.inc()
      this.host.metrics.relayWrites.inc(writes)
    }
    if (cluster) {
      if (updates.length > 0) {
        const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)
        cluster.publishUpdates(this.id, merged, storedSeq)
      }
      if (this.awOwn.size > 0) {
        cluster.publishAwareness(
          this.id,
          encodeAwarenessUpdate(this.awOwn.values(), this.awOwn.size),
        )
        this.awOwn = new Map()
      }
    }
    if (this.flushAgain) {
      this.flushAgain = false
      this.host.scheduleFlush(this)
    }
    if (updates.length > 0) await this.afterEdit()
  }

  /** Stored updates join the state; `own`: this instance stored them (they count as edits). */
  private accept(updates: Uint8Array[], now: number, own: boolean): void {
    let bytes = 0
    for (const u of updates) bytes += u.byteLength
    this.state.append(updates)
    this.logBytes += bytes
    this.logCount += updates.length
    this.canonical = false
    if (!own) return
    this.lastEditAt = now
    this.editsSinceSnapshotAt ??= now
    this.host.metrics.updates.inc(updates.length)
  }

  private fail(e: unknown): void {
    // Nothing of this batch was relayed; the clients still hold it and resend it on reconnect.
    this.host.log.error(
      { roadmapId: this.id, err: errorText(e) },
      'storing updates failed; closing the roadmap',
    )
    this.status = ROOM_STATUS.failed
    for (const c of [...this.conns]) this.close(c, 'internalError')
  }

  private async afterEdit(): Promise<void> {
    const { options } = this.host
    if (
      !this.compacting &&
      (this.logCount > options.compactLogCount ||
        this.logBytes > Math.max(options.compactLogBytes, 2 * this.state.bytes))
    ) {
      await this.compact(this.state.bytes < GC_ON_COMPACT_BYTES)
    }
    if (
      this.editsSinceSnapshotAt !== null &&
      this.lastEditAt - this.editsSinceSnapshotAt >= options.autoSnapshotMs
    ) {
      await this.snapshot(SNAPSHOT_KIND.auto, null)
    }
  }

  // ---- housekeeping -----------------------------------------------------------------

  /** Replaces the stored state and log by one state, in one store transaction. */
  async compact(gc: boolean): Promise<void> {
    if (this.compacting || this.status !== ROOM_STATUS.ready) return
    this.compacting = true
    try {
      const throughSeq = this.lastSeq
      const bytes = this.logBytes
      const count = this.logCount
      const { base, next } = this.state.compacted(gc)
      const t0 = performance.now()
      await this.host.store.compact(
        this.id,
        next.state,
        next.stateVector,
        throughSeq,
        this.host.cluster ? mergeStates : undefined,
      )
      this.host.metrics.storeLatency.observe({ op: 'compact' }, (performance.now() - t0) / 1000)
      this.host.wrote()
      this.logBytes -= bytes
      this.logCount -= count
      this.state.replaced(base, next)
      this.canonical = gc && this.logCount === 0 && this.state.merged
    } catch (e) {
      this.host.log.error({ roadmapId: this.id, err: errorText(e) }, 'compaction failed')
    } finally {
      this.compacting = false
    }
  }

  async snapshot(kind: SnapshotKind, name: string | null): Promise<SnapshotInfo> {
    const state = this.state.full()
    const createdAt = Date.now()
    const rec = {
      id: newId(),
      roadmapId: this.id,
      name: name ?? `Automatic ${new Date(createdAt).toISOString()}`,
      kind,
      createdAt,
      size: state.byteLength,
      state,
    }
    await this.host.store.createSnapshot(rec)
    this.editsSinceSnapshotAt = null
    return { id: rec.id, createdAt, name: rec.name, size: rec.size }
  }

  /** Updates accepted and waiting for the next flush (stored, then relayed). */
  get pendingUpdates(): number {
    return this.inUpdates.length
  }

  /** True once nothing is waiting to be stored. */
  get idle(): boolean {
    return !this.flushing && !this.compacting && this.inUpdates.length === 0
  }

  get needsCompaction(): boolean {
    return !this.canonical && this.status === ROOM_STATUS.ready
  }

  /** Worth compacting while quiet: a log this size slows loading and holds garbage. */
  get logIsLarge(): boolean {
    return this.logBytes >= IDLE_COMPACT_MIN_BYTES || this.logCount >= IDLE_COMPACT_MIN_COUNT
  }

  get editedSinceSnapshot(): boolean {
    return this.editsSinceSnapshotAt !== null
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
   * Runs `edit` on the document in one transaction with `origin`, then stores and relays
   * the resulting update like a client's. Resolves once it is stored.
   */
  async change(origin: Origin, edit: (doc: Y.Doc) => void): Promise<void> {
    const doc = this.state.doc()
    const produced: Uint8Array[] = []
    const onUpdate = (u: Uint8Array, o: unknown): void => {
      try {
        if (o === origin) produced.push(u)
      } catch (e) {
        this.host.log.error({ err: errorText(e) }, 'update handler failed')
      }
    }
    doc.on('update', onUpdate)
    try {
      doc.transact(() => edit(doc), origin)
    } finally {
      doc.off('update', onUpdate)
    }
    for (const u of produced) {
      this.state.note(Y.decodeUpdate(u))
      this.enqueue(u, null)
    }
    await this.flush()
  }
}

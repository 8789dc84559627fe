// One roadmap's live state. The document is held as a Yjs update (the merged state plus the
// updates since), not as a Y.Doc: sync answers are computed from it directly (a cold client
// gets the stored state as is), incoming updates are checked, stored, then relayed; a
// Y.Doc is built only for derivations and server-side edits, and dropped when unused.
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import type { Metrics } from '../metrics.js'
import type { Role, Store } from '../store/store.js'
import { ROLE, SNAPSHOT_KIND } from '../store/store.js'
import { RoomAwareness, encodeAwarenessUpdate } from './awareness.js'
import type { AwarenessChange } from './awareness.js'
import { CLOSE } from './closeCodes.js'
import type { CloseKind } from './closeCodes.js'
import type { Conn } from './conn.js'
import { ORIGIN, SERVER_DOC } from './origins.js'
import type { Origin } from './origins.js'
import {
  decodeFrame,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.js'
import { newId } from '../ids.js'
import { Outgoing, writeAll } from './wire.js'

export interface RoomOptions {
  slowConsumerBytes: number
  idleCompactMs: number
  autoSnapshotMs: number
  unloadGraceMs: number
  /** compact once the stored log exceeds max(this, state size) bytes */
  compactLogBytes: number
  compactLogCount: number
}

export interface RoomHost {
  store: Store
  metrics: Metrics
  log: Logger
  options: RoomOptions
  scheduleFlush(room: Room): void
  closed(conn: Conn, kind: CloseKind): void
  /** the store was written (for housekeeping once writes are quiet) */
  wrote(): void
}

type DeleteSet = ReturnType<typeof Y.mergeDeleteSets>

const EMPTY_UPDATE: Uint8Array = Uint8Array.of(0, 0)
const EMPTY_SV: Uint8Array = Uint8Array.of(0)
/** Up to this many distinct senders in one batch, each sender gets the batch minus its own updates. */
const MAX_ECHO_FREE_SENDERS = 4
/** Below this state size, compaction also garbage-collects (through a Y.Doc). */
const GC_ON_COMPACT_BYTES = 1024 * 1024
const DOC_CACHE_IDLE_MS = 60_000
const SMALL_DOC_IDLE_MS = 5_000
const SMALL_DOC_BYTES = 256 * 1024
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

/** This turn's update message: `all` for everyone, `own` for senders (null = nothing). */
interface Relay {
  all: Outgoing
  own: Map<Conn, Outgoing | null> | null
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Garbage-collected state of an update: deleted content reduced to its length. */
function gcState(update: Uint8Array): { state: Uint8Array; stateVector: Uint8Array } {
  const doc = new Y.Doc(SERVER_DOC)
  try {
    Y.applyUpdate(doc, update, ORIGIN.load)
    return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }
  } finally {
    doc.destroy()
  }
}

/** Merges stored parts, skipping (and reporting) any part that does not decode. */
function mergeStored(parts: Uint8Array[], log: Logger, id: string): Uint8Array {
  if (parts.length === 0) return EMPTY_UPDATE
  if (parts.length === 1) return parts[0]
  try {
    return Y.mergeUpdates(parts)
  } catch {
    let acc: Uint8Array = EMPTY_UPDATE
    for (const p of parts) {
      try {
        acc = Y.mergeUpdates([acc, p])
      } catch (e) {
        log.error(
          { roadmapId: id, err: errorText(e), bytes: p.byteLength },
          'skipping an unreadable stored update',
        )
      }
    }
    return acc
  }
}

export class Room {
  readonly conns = new Set<Conn>()
  readonly awareness = new RoomAwareness()
  status: RoomStatus = ROOM_STATUS.loading
  readonly ready: Promise<void>

  private state: Uint8Array = EMPTY_UPDATE
  private pending: Uint8Array[] = []
  private pendingBytes = 0
  private sv: Uint8Array | null = EMPTY_SV
  private svMap = new Map<number, number>()
  private ds: DeleteSet | null = null
  /** stored log since the last compaction */
  private lastSeq = 0
  private logBytes = 0
  private logCount = 0
  /** state is garbage-collected and the stored log is empty */
  private canonical = true
  private compacting = false
  private flushing = false
  private flushAgain = false

  private inUpdates: Uint8Array[] = []
  private inSenders: (Conn | null)[] = []
  private awChanges = new Map<number, AwarenessChange>()
  /** the one connection all of this turn's awareness changes came from, null if several */
  private awSender: Conn | null | undefined = undefined

  private docCache: Y.Doc | null = null
  private docUsedAt = 0
  lastEditAt = 0
  private editsSinceSnapshotAt: number | null = null
  emptySince: number

  constructor(
    readonly id: string,
    private readonly host: RoomHost,
  ) {
    this.emptySince = Date.now()
    this.ready = this.load()
  }

  private async load(): Promise<void> {
    const { store, metrics, log } = this.host
    try {
      const t0 = performance.now()
      const stored = await store.loadDoc(this.id)
      metrics.storeLatency.observe({ op: 'load' }, (performance.now() - t0) / 1000)
      const parts: Uint8Array[] = stored.state ? [stored.state, ...stored.updates] : stored.updates
      this.state = mergeStored(parts, log, this.id)
      this.sv =
        stored.updates.length === 0 && stored.stateVector
          ? stored.stateVector
          : Y.encodeStateVectorFromUpdate(this.state)
      this.svMap = Y.decodeStateVector(this.sv)
      this.lastSeq = stored.lastSeq
      this.logBytes = stored.logBytes
      this.logCount = stored.updates.length
      this.canonical = stored.updates.length === 0
      this.status = ROOM_STATUS.ready
      log.debug(
        { roadmapId: this.id, bytes: this.state.byteLength, ms: performance.now() - t0 },
        'roadmap loaded',
      )
    } catch (e) {
      this.status = ROOM_STATUS.failed
      log.error({ roadmapId: this.id, err: errorText(e) }, 'loading a roadmap failed')
      for (const c of [...this.conns]) this.close(c, 'internalError')
      return
    }
    for (const c of [...this.conns]) this.start(c)
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
    this.send(conn, encodeSyncStep1(this.stateVector()))
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
    if (removed.length > 0) this.queueAwareness(removed, null)
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
    // A slow consumer's close frame waits behind its backlog; don't wait for it.
    if (kind === 'slowConsumer') conn.ws.terminate()
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
    if (conn.ws.bufferedAmount > this.host.options.slowConsumerBytes) {
      this.close(conn, 'slowConsumer')
      return
    }
    conn.ws.send(frame)
  }

  // ---- incoming ---------------------------------------------------------------------

  receive(conn: Conn, data: Uint8Array): void {
    if (!conn.open) return
    if (conn.queue !== null) {
      conn.queue.push(data)
      return
    }
    const decoded = decodeFrame(data)
    if (!decoded.ok) {
      this.host.metrics.dropped.inc({ reason: 'malformed' })
      this.host.log.debug({ roadmapId: this.id, err: decoded.error }, 'malformed frame')
      this.close(conn, 'protocolError')
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
        if (!r.ok) {
          this.host.metrics.dropped.inc({ reason: 'malformed' })
          this.close(conn, 'protocolError')
          return
        }
        if (r.changes.length > 0) this.queueAwareness(r.changes, conn)
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

  private answerStep1(conn: Conn, clientSv: Uint8Array): void {
    let reply: Uint8Array
    try {
      const state = this.fullState()
      // A client with nothing (the cold load) gets the state as it is: no re-encoding.
      reply = clientSv.length === 1 && clientSv[0] === 0 ? state : Y.diffUpdate(state, clientSv)
    } catch (e) {
      this.host.metrics.dropped.inc({ reason: 'malformed' })
      this.host.log.debug({ roadmapId: this.id, err: errorText(e) }, 'bad state vector')
      this.close(conn, 'protocolError')
      return
    }
    this.send(conn, encodeSyncStep2(reply))
  }

  private receiveUpdate(conn: Conn, update: Uint8Array, syncReply: boolean): void {
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(update)
    } catch (e) {
      this.host.metrics.dropped.inc({ reason: 'malformed' })
      this.host.log.debug({ roadmapId: this.id, err: errorText(e) }, 'malformed update')
      this.close(conn, 'protocolError')
      return
    }
    // A live edit from an editor that only deletes is taken as news without comparing delete
    // sets (that costs a decode of the whole state); sync replies and viewers are compared.
    if (!this.isNew(decoded, syncReply || conn.role === ROLE.viewer)) return
    if (conn.role === ROLE.viewer) {
      this.host.metrics.dropped.inc({ reason: 'read-only' })
      this.send(conn, encodePermissionDenied(READ_ONLY_REASON))
      return
    }
    // An update can decode and still fail to integrate (it names a parent that is not a
    // type, …): it is tried on the server's document first and refused if it does not apply,
    // so it never reaches the store or another client.
    if (!this.integrate(update)) {
      this.host.metrics.dropped.inc({ reason: 'unintegrable' })
      this.close(conn, 'protocolError')
      return
    }
    this.noteStructs(decoded.structs)
    // Copy: the frame may be a view into a larger socket buffer.
    this.enqueue(update.slice(), conn)
  }

  /** Applies an update to the document; false if it does not integrate. */
  private integrate(update: Uint8Array): boolean {
    const doc = this.doc()
    let failed: unknown = null
    try {
      doc.transact(() => {
        try {
          Y.applyUpdate(doc, update, ORIGIN.remote)
        } catch (e) {
          failed = e
        }
      }, ORIGIN.remote)
    } catch (e) {
      // An observer threw after the update was applied: the update is fine, the document
      // may not be (its cleanup did not finish). Rebuild it from the state next time.
      this.host.log.error({ roadmapId: this.id, err: errorText(e) }, 'a document observer failed')
      this.dropDoc()
    }
    if (failed !== null) {
      this.host.log.debug(
        { roadmapId: this.id, err: errorText(failed) },
        'update does not integrate',
      )
      // Half applied: rebuild from the state, which never held this update.
      this.dropDoc()
      return false
    }
    return true
  }

  /** Does the update hold anything (structs or deletions) the document does not have? */
  private isNew(decoded: ReturnType<typeof Y.decodeUpdate>, compareDeletes: boolean): boolean {
    for (const s of decoded.structs) {
      if (s instanceof Y.Skip) continue
      if ((this.svMap.get(s.id.client) ?? 0) < s.id.clock + s.length) return true
    }
    if (decoded.ds.clients.size === 0) return false
    if (!compareDeletes) return true
    const ours = this.deleteSet()
    return !Y.equalDeleteSets(ours, Y.mergeDeleteSets([ours, decoded.ds]))
  }

  private noteStructs(structs: ReturnType<typeof Y.decodeUpdate>['structs']): void {
    for (const s of structs) {
      if (s instanceof Y.Skip) continue
      const end = s.id.clock + s.length
      if ((this.svMap.get(s.id.client) ?? 0) < end) this.svMap.set(s.id.client, end)
    }
    this.ds = null
  }

  private deleteSet(): DeleteSet {
    if (this.ds === null) this.ds = Y.mergeDeleteSets([Y.decodeUpdate(this.fullState()).ds])
    return this.ds
  }

  private enqueue(update: Uint8Array, sender: Conn | null): void {
    this.inUpdates.push(update)
    this.inSenders.push(sender)
    this.host.scheduleFlush(this)
  }

  private queueAwareness(changes: AwarenessChange[], sender: Conn | null): void {
    for (const c of changes) this.awChanges.set(c.clientId, c)
    this.awSender = this.awSender === undefined || this.awSender === sender ? sender : null
    this.host.scheduleFlush(this)
  }

  // ---- state ------------------------------------------------------------------------

  /** The whole document as one update. */
  fullState(): Uint8Array {
    if (this.pending.length > 0) {
      this.state = Y.mergeUpdates([this.state, ...this.pending])
      this.pending = []
      this.pendingBytes = 0
    }
    return this.state
  }

  stateVector(): Uint8Array {
    if (this.sv === null) this.sv = Y.encodeStateVectorFromUpdate(this.fullState())
    return this.sv
  }

  // ---- flush: store, then broadcast -------------------------------------------------

  /** Stores this turn's updates in one transaction, then relays them and the awareness changes. */
  async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true
      return
    }
    const updates = this.inUpdates
    const senders = this.inSenders
    if (updates.length > 0) {
      this.inUpdates = []
      this.inSenders = []
      this.flushing = true
      const now = Date.now()
      try {
        const t0 = performance.now()
        const r = await this.host.store.appendUpdates(this.id, updates, now)
        this.host.metrics.storeLatency.observe({ op: 'append' }, (performance.now() - t0) / 1000)
        this.lastSeq = r.lastSeq
        this.host.wrote()
      } catch (e) {
        this.flushing = false
        this.fail(e)
        return
      }
      this.flushing = false
      this.accept(updates, now)
    }
    const relay = updates.length > 0 ? this.updateMessages(updates, senders) : null
    const aw = this.awChanges.size > 0 ? this.awarenessMessage() : null
    if (relay || aw) this.deliver(relay, aw)
    if (this.flushAgain) {
      this.flushAgain = false
      this.host.scheduleFlush(this)
    }
    if (updates.length > 0) await this.afterEdit()
  }

  private accept(updates: Uint8Array[], now: number): void {
    let bytes = 0
    for (const u of updates) {
      bytes += u.byteLength
      this.pending.push(u)
    }
    this.pendingBytes += bytes
    this.logBytes += bytes
    this.logCount += updates.length
    this.sv = null
    this.canonical = false
    this.lastEditAt = now
    this.editsSinceSnapshotAt ??= now
    this.host.metrics.updates.inc(updates.length)
    // Keep memory bounded between compactions.
    if (
      this.pending.length > 16_384 ||
      this.pendingBytes > Math.max(this.state.byteLength, 4 << 20)
    )
      this.fullState()
  }

  /**
   * The update message each connection gets for this batch: everyone the merged batch, except
   * that a sender gets the batch without its own updates (no echo) while there are few senders.
   */
  private updateMessages(updates: Uint8Array[], senders: (Conn | null)[]): Relay | null {
    const distinct = new Set<Conn>()
    for (const s of senders) if (s) distinct.add(s)
    if (this.conns.size === 0) return null
    // A lone sender with nobody else connected (a bulk import, the cold-load push): no frame.
    if (this.conns.size === 1 && distinct.size === 1 && this.conns.has([...distinct][0]))
      return null
    const all = new Outgoing(
      encodeUpdate(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)),
    )
    if (distinct.size > MAX_ECHO_FREE_SENDERS) {
      // Many senders in one turn: an echo is cheaper than a merge per sender (Yjs ignores it).
      return { all, own: null }
    }
    const own = new Map<Conn, Outgoing | null>()
    for (const s of distinct) {
      const others = updates.filter((_, i) => senders[i] !== s)
      own.set(
        s,
        others.length === 0
          ? null
          : new Outgoing(encodeUpdate(others.length === 1 ? others[0] : Y.mergeUpdates(others))),
      )
    }
    return { all, own }
  }

  private awarenessMessage(): { message: Outgoing; skip: Conn | null } {
    const changes = this.awChanges
    const skip = this.awSender ?? null
    this.awChanges = new Map()
    this.awSender = undefined
    return {
      message: new Outgoing(encodeAwareness(encodeAwarenessUpdate(changes.values(), changes.size))),
      skip,
    }
  }

  /** One socket write per connection for everything of this turn. */
  private deliver(
    updates: Relay | null,
    aw: { message: Outgoing; skip: Conn | null } | null,
  ): void {
    const both: Outgoing[] = []
    const limit = this.host.options.slowConsumerBytes
    for (const c of this.conns) {
      if (!c.open) continue
      const u = updates ? (updates.own?.has(c) ? updates.own.get(c) : updates.all) : null
      const a = aw && aw.skip !== c ? aw.message : null
      if (!u && !a) continue
      if (c.ws.bufferedAmount > limit) {
        this.close(c, 'slowConsumer')
        continue
      }
      if (u && a) {
        both[0] = u
        both[1] = a
        writeAll(c.ws, both)
      } else writeAll(c.ws, [(u ?? a) as Outgoing])
    }
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
        this.logBytes >
          Math.max(options.compactLogBytes, 2 * (this.state.byteLength + this.pendingBytes)))
    ) {
      await this.compact(this.state.byteLength < GC_ON_COMPACT_BYTES)
    }
    if (
      this.editsSinceSnapshotAt !== null &&
      this.lastEditAt - this.editsSinceSnapshotAt >= options.autoSnapshotMs
    ) {
      await this.snapshot(SNAPSHOT_KIND.auto, null)
    }
  }

  /** Replaces the stored state and log by one state, in one store transaction. */
  async compact(gc: boolean): Promise<void> {
    if (this.compacting || this.status !== ROOM_STATUS.ready) return
    this.compacting = true
    try {
      const base = this.fullState()
      const throughSeq = this.lastSeq
      const bytes = this.logBytes
      const count = this.logCount
      // The live document, when there is one and it holds exactly what is stored, is
      // already garbage-collected: encode it rather than rebuild one.
      const live =
        gc && this.docCache !== null && this.inUpdates.length === 0 ? this.docCache : null
      const next = live
        ? { state: Y.encodeStateAsUpdate(live), stateVector: Y.encodeStateVector(live) }
        : gc
          ? gcState(base)
          : { state: base, stateVector: this.stateVector() }
      const t0 = performance.now()
      await this.host.store.compact(this.id, next.state, next.stateVector, throughSeq)
      this.host.metrics.storeLatency.observe({ op: 'compact' }, (performance.now() - t0) / 1000)
      this.host.wrote()
      this.logBytes -= bytes
      this.logCount -= count
      if (this.state === base) {
        this.state = next.state
        if (this.pending.length === 0) this.sv = next.stateVector
        this.ds = null
      }
      this.canonical = gc && this.logCount === 0 && this.pending.length === 0
    } catch (e) {
      this.host.log.error({ roadmapId: this.id, err: errorText(e) }, 'compaction failed')
    } finally {
      this.compacting = false
    }
  }

  async snapshot(
    kind: 'auto' | 'named',
    name: string | null,
  ): Promise<{ id: string; createdAt: number; name: string; size: number }> {
    const state = this.fullState()
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

  // ---- a Y.Doc, for derivations and server-side edits -------------------------------

  /**
   * The document: everything stored plus what this turn accepted and has yet to store.
   * Incoming updates are applied to it (to check them), so it is current.
   */
  doc(): Y.Doc {
    this.docUsedAt = Date.now()
    if (this.docCache === null) {
      const d = new Y.Doc(SERVER_DOC)
      try {
        Y.applyUpdate(d, this.fullState(), ORIGIN.load)
        for (const u of this.inUpdates) Y.applyUpdate(d, u, ORIGIN.load)
        this.docCache = d
      } catch (e) {
        // Stored data that does not integrate (written before updates were checked): keep
        // what does, part by part.
        d.destroy()
        this.host.log.error(
          { roadmapId: this.id, err: errorText(e) },
          'stored state does not integrate',
        )
        this.docCache = this.salvage()
      }
    }
    return this.docCache
  }

  private salvage(): Y.Doc {
    const d = new Y.Doc(SERVER_DOC)
    const parts = [this.state, ...this.pending, ...this.inUpdates]
    for (const part of parts) {
      try {
        Y.applyUpdate(d, part, ORIGIN.load)
      } catch {
        this.host.metrics.dropped.inc({ reason: 'unintegrable' })
      }
    }
    return d
  }

  dropDoc(): void {
    this.docCache?.destroy()
    this.docCache = null
  }

  /** A small document is cheap to rebuild: drop it soon; keep a large one longer. */
  dropDocIfUnused(now: number): void {
    if (!this.docCache) return
    const keep = this.stateBytes < SMALL_DOC_BYTES ? SMALL_DOC_IDLE_MS : DOC_CACHE_IDLE_MS
    if (now - this.docUsedAt > keep) this.dropDoc()
  }

  /**
   * Runs `edit` on the document in one transaction with `origin`, then stores and relays
   * the resulting update like a client's. Resolves once it is stored.
   */
  async change(origin: Origin, edit: (doc: Y.Doc) => void): Promise<void> {
    const doc = this.doc()
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
      this.noteStructs(Y.decodeUpdate(u).structs)
      this.enqueue(u, null)
    }
    await this.flush()
  }

  /** Memory held by the document's state, for diagnostics. */
  get stateBytes(): number {
    return this.state.byteLength + this.pendingBytes
  }

  isAllowed(role: Role, min: Role): boolean {
    const rank = { owner: 3, editor: 2, viewer: 1 } as const
    return rank[role] >= rank[min]
  }
}

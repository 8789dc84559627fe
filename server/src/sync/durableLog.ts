// A room's stored log: the flush that stores a turn's updates before anything of them is
// relayed, and the policy that keeps the log short (compaction) and the history kept
// (automatic snapshots).
import { exportRoadmap } from '@meridian/model'
import { errorText } from '../log.js'
import { SNAPSHOT_KIND } from '../store/store.js'
import type { Editor, SnapshotKind, StoredDoc } from '../store/store.js'
import { newId } from '../ids.js'
import type { Conn } from './conn.js'
import type { DocState } from './docState.js'
import { mergeStates } from './docState.js'
import type { RoomHost } from './host.js'
import type { Turn } from './turn.js'

/** Below this state size, compaction also garbage-collects (through a Y.Doc). */
const GC_ON_COMPACT_BYTES = 1024 * 1024
/** A quiet roadmap's log is compacted once it holds this much (else at unload). */
const IDLE_COMPACT_MIN_BYTES = 64 * 1024
const IDLE_COMPACT_MIN_COUNT = 256

export interface SnapshotInfo {
  id: string
  createdAt: number
  name: string
  size: number
}

/** What the room does with a stored turn. */
export interface FlushOutput {
  readonly ready: boolean
  /** Relays the turn here and to the other instances (`peer`: stored by those). */
  relay(
    updates: Uint8Array[],
    senders: (Conn | null)[],
    peer: Uint8Array[],
    storedSeq: number,
  ): void
  /** Storing failed: nothing of the batch was relayed. */
  failed(e: unknown): void
  /** More arrived while storing: flush again. */
  again(): void
}

/** The distinct people (link and connection name) who sent a turn's updates. */
export function editorsOf(senders: readonly (Conn | null)[]): Editor[] {
  const seen = new Map<string, Editor>()
  for (const c of senders) {
    if (c === null) continue
    const key = `${c.linkId}\n${c.name ?? ''}`
    if (!seen.has(key)) seen.set(key, { linkId: c.linkId, name: c.name })
  }
  return [...seen.values()]
}

export class DurableLog {
  /** the stored log since the last compaction */
  private lastSeq = 0
  private logBytes = 0
  private logCount = 0
  /** the state is garbage-collected and the stored log is empty */
  private canonical = true
  private compacting = false
  private flushing = false
  private flushAgain = false
  lastEditAt = 0
  private editsSinceSnapshotAt: number | null = null

  constructor(
    private readonly id: string,
    private readonly host: RoomHost,
    private readonly state: DocState,
    private readonly turn: Turn,
    private readonly out: FlushOutput,
  ) {}

  loaded(stored: StoredDoc): void {
    this.lastSeq = stored.lastSeq
    this.logBytes = stored.logBytes
    this.logCount = stored.updates.length
    this.canonical = stored.updates.length === 0
  }

  /**
   * Stores this turn's updates in one transaction, then has them relayed (with what other
   * instances stored meanwhile).
   */
  async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true
      return
    }
    const { clock, metrics, store } = this.host
    const { updates, senders } = this.turn.takeUpdates()
    let storedSeq = 0
    if (updates.length > 0) {
      this.flushing = true
      const now = clock.now()
      try {
        const t0 = performance.now()
        const r = await store.appendUpdates(this.id, updates, now, editorsOf(senders))
        metrics.storeLatency.observe({ op: 'append' }, (performance.now() - t0) / 1000)
        storedSeq = r.lastSeq
        this.host.wrote()
      } catch (e) {
        this.flushing = false
        this.out.failed(e)
        return
      }
      this.flushing = false
      this.accept(updates, now, true)
    }
    const peer = this.turn.takePeerUpdates()
    if (peer.length > 0) this.accept(peer, clock.now(), false)
    this.lastSeq = Math.max(this.lastSeq, storedSeq, this.turn.peerSeq)
    this.out.relay(updates, senders, peer, storedSeq)
    if (this.flushAgain) {
      this.flushAgain = false
      this.out.again()
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

  /** Replaces the stored state and log by one state, in one store transaction. */
  async compact(gc: boolean): Promise<void> {
    if (this.compacting || !this.out.ready) return
    this.compacting = true
    const { cluster, metrics, store } = this.host
    try {
      const throughSeq = this.lastSeq
      const bytes = this.logBytes
      const count = this.logCount
      const { base, next } = this.state.compacted(gc)
      const t0 = performance.now()
      await store.compact(
        this.id,
        next.state,
        next.stateVector,
        throughSeq,
        cluster ? mergeStates : undefined,
      )
      metrics.storeLatency.observe({ op: 'compact' }, (performance.now() - t0) / 1000)
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
    if (kind === SNAPSHOT_KIND.auto) await this.makeRoomForAuto()
    const state = this.state.full()
    const createdAt = this.host.clock.now()
    const rec = {
      id: newId(),
      roadmapId: this.id,
      name: name ?? `Automatic ${new Date(createdAt).toISOString()}`,
      kind,
      createdAt,
      size: state.byteLength,
      state,
      // What opening it answers with, read from the live doc now instead of decoded from
      // `state` by the store (store/snapshotExports.ts).
      exported: JSON.stringify(exportRoadmap(this.state.doc())),
    }
    await this.host.store.createSnapshot(rec)
    this.editsSinceSnapshotAt = null
    return { id: rec.id, createdAt, name: rec.name, size: rec.size }
  }

  /** At the roadmap's snapshot limit, the oldest automatic snapshots go (named ones stay). */
  private async makeRoomForAuto(): Promise<void> {
    const { store, options } = this.host
    const list = await store.listSnapshots(this.id)
    let excess = list.length - options.snapshotsPerRoadmap + 1
    for (const s of list) {
      if (excess <= 0) break
      if (s.kind !== SNAPSHOT_KIND.auto) continue
      await store.deleteSnapshot(this.id, s.id)
      excess--
    }
  }

  /** True once nothing is waiting to be stored. */
  get idle(): boolean {
    return !this.flushing && !this.compacting && this.turn.pendingUpdates === 0
  }

  get needsCompaction(): boolean {
    return !this.canonical && this.out.ready
  }

  /** Worth compacting while quiet: a log this size slows loading and holds garbage. */
  get logIsLarge(): boolean {
    return this.logBytes >= IDLE_COMPACT_MIN_BYTES || this.logCount >= IDLE_COMPACT_MIN_COUNT
  }

  get editedSinceSnapshot(): boolean {
    return this.editsSinceSnapshotAt !== null
  }
}

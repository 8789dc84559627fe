// A roadmap's document, held as a Yjs update (the merged state plus the updates since) rather
// than as a Y.Doc: sync answers are computed from it directly (a client with nothing gets the
// stored state as is). A Y.Doc is built when needed (checking that updates integrate,
// derivations, server-side edits) and dropped when unused.
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import { errorText } from '../log.js'
import type { Metrics } from '../metrics.js'
import type { StoredDoc } from '../store/store.js'
import { storedParts } from '../store/store.js'
import { nestsTooDeep } from './nesting.js'
import { ORIGIN, SERVER_DOC } from './origins.js'

type DeleteSet = ReturnType<typeof Y.mergeDeleteSets>
type Decoded = ReturnType<typeof Y.decodeUpdate>

const EMPTY_UPDATE: Uint8Array = Uint8Array.of(0, 0)
const DOC_IDLE_MS = 60_000
const SMALL_DOC_IDLE_MS = 5_000
const SMALL_DOC_BYTES = 256 * 1024

/** Why an update was not taken into the document: it does not integrate, or nests too deep. */
export const INTEGRATE_REFUSAL = { unintegrable: 'unintegrable', tooDeep: 'tooDeep' } as const
export type IntegrateRefusal = (typeof INTEGRATE_REFUSAL)[keyof typeof INTEGRATE_REFUSAL]
export type Integrated = { ok: true } | { ok: false; refusal: IntegrateRefusal }

export interface EncodedState {
  state: Uint8Array
  stateVector: Uint8Array
}

/** The stored parts of a document as one state (for a store shared by server instances). */
export function mergeStates(parts: readonly Uint8Array[]): EncodedState {
  const state = parts.length === 1 ? parts[0] : Y.mergeUpdates([...parts])
  return { state, stateVector: Y.encodeStateVectorFromUpdate(state) }
}

/** Garbage-collected state of an update: deleted content reduced to its length. */
function gcState(update: Uint8Array): EncodedState {
  const doc = new Y.Doc(SERVER_DOC)
  try {
    Y.applyUpdate(doc, update, ORIGIN.load)
    return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }
  } finally {
    doc.destroy()
  }
}

export class DocState {
  private state: Uint8Array = EMPTY_UPDATE
  private pending: Uint8Array[] = []
  private pendingBytes = 0
  private sv: Uint8Array | null = null
  private svMap = new Map<number, number>()
  private ds: DeleteSet | null = null
  private docCache: Y.Doc | null = null
  private docUsedAt = 0

  constructor(
    private readonly roadmapId: string,
    private readonly log: Logger,
    private readonly metrics: Metrics,
    /**
     * updates accepted but not in the state yet (this instance's before they are stored,
     * other instances' before the next flush): part of the Y.Doc, not of the state
     */
    private readonly unstored: () => readonly Uint8Array[],
    /** wall-clock ms (the room's clock) */
    private readonly now: () => number = Date.now,
  ) {}

  load(stored: StoredDoc): void {
    this.state = this.mergeStored(storedParts(stored))
    this.sv =
      stored.updates.length === 0 && stored.stateVector
        ? stored.stateVector
        : Y.encodeStateVectorFromUpdate(this.state)
    this.svMap = Y.decodeStateVector(this.sv)
  }

  /** Merges stored parts, skipping (and reporting) any part that does not decode. */
  private mergeStored(parts: Uint8Array[]): Uint8Array {
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
          this.log.error(
            { roadmapId: this.roadmapId, err: errorText(e), bytes: p.byteLength },
            'skipping an unreadable stored update',
          )
        }
      }
      return acc
    }
  }

  /** The whole stored document as one update. */
  full(): Uint8Array {
    if (this.pending.length > 0) {
      this.state = Y.mergeUpdates([this.state, ...this.pending])
      this.pending = []
      this.pendingBytes = 0
    }
    return this.state
  }

  /** What a client with state vector `sv` lacks (sync step 2). */
  diff(sv: Uint8Array): Uint8Array {
    // A client with nothing (the cold load) gets the stored state as it is: no re-encoding.
    if (sv.length === 1 && sv[0] === 0) return this.full()
    // The live document, when it holds only what is stored, answers without decoding the
    // whole state.
    if (this.docCache !== null && this.unstored().length === 0) {
      return Y.encodeStateAsUpdate(this.docCache, sv)
    }
    return Y.diffUpdate(this.full(), sv)
  }

  stateVector(): Uint8Array {
    this.sv ??= Y.encodeStateVectorFromUpdate(this.full())
    return this.sv
  }

  /** Bytes held: the state and the updates not merged into it yet. */
  get bytes(): number {
    return this.state.byteLength + this.pendingBytes
  }

  /** Does the update hold anything (structs or deletions) the document lacks? */
  isNew(decoded: Decoded, compareDeletes: boolean): boolean {
    for (const s of decoded.structs) {
      if (s instanceof Y.Skip) continue
      if ((this.svMap.get(s.id.client) ?? 0) < s.id.clock + s.length) return true
    }
    if (decoded.ds.clients.size === 0) return false
    if (!compareDeletes) return true
    const ours = this.deleteSet()
    return !Y.equalDeleteSets(ours, Y.mergeDeleteSets([ours, decoded.ds]))
  }

  /** What a client that sends `update` in sync step 2 adds: the structs we lack, all deletions. */
  trim(update: Uint8Array): Uint8Array {
    return Y.diffUpdate(update, Y.encodeStateVector(this.svMap))
  }

  /**
   * Records an accepted update (before it is stored: same-turn duplicates are then old). The
   * cached delete set, if any, absorbs the update's deletions rather than being recomputed:
   * reconnecting clients are compared against it.
   */
  note(decoded: Decoded): void {
    // Only contiguous structs advance the state vector: an update with a gap (its author's
    // earlier structs missing) must not make the missing ones look old when they arrive.
    for (const s of decoded.structs) {
      if (s instanceof Y.Skip) continue
      const have = this.svMap.get(s.id.client) ?? 0
      const end = s.id.clock + s.length
      if (s.id.clock <= have && have < end) this.svMap.set(s.id.client, end)
    }
    if (this.ds !== null && decoded.ds.clients.size > 0) {
      this.ds = Y.mergeDeleteSets([this.ds, decoded.ds])
    }
  }

  private deleteSet(): DeleteSet {
    this.ds ??= Y.mergeDeleteSets([Y.decodeUpdate(this.full()).ds])
    return this.ds
  }

  /** Stored updates join the state. */
  append(updates: readonly Uint8Array[]): void {
    for (const u of updates) {
      this.pending.push(u)
      this.pendingBytes += u.byteLength
    }
    this.sv = null
    // Keep memory bounded between compactions.
    if (
      this.pending.length > 16_384 ||
      this.pendingBytes > Math.max(this.state.byteLength, 4 << 20)
    ) {
      this.full()
    }
  }

  /** The state a compaction stores: garbage-collected when `gc`. */
  compacted(gc: boolean): { base: Uint8Array; next: EncodedState } {
    const base = this.full()
    // The live document, when it holds exactly what is stored, is already garbage-collected:
    // encode it rather than build another.
    const live = gc && this.docCache !== null && this.unstored().length === 0 ? this.docCache : null
    const next = live
      ? { state: Y.encodeStateAsUpdate(live), stateVector: Y.encodeStateVector(live) }
      : gc
        ? gcState(base)
        : { state: base, stateVector: this.stateVector() }
    return { base, next }
  }

  /** After the store took `next`: hold it instead of `base`, unless the state moved on. */
  replaced(base: Uint8Array, next: EncodedState): void {
    if (this.state !== base) return
    this.state = next.state
    if (this.pending.length === 0) this.sv = next.stateVector
  }

  get merged(): boolean {
    return this.pending.length === 0
  }

  // ---- the Y.Doc ----------------------------------------------------------------------

  /** The document: everything stored plus what was accepted and is not stored yet. */
  doc(): Y.Doc {
    this.docUsedAt = this.now()
    if (this.docCache === null) {
      const d = new Y.Doc(SERVER_DOC)
      try {
        Y.applyUpdate(d, this.full(), ORIGIN.load)
        for (const u of this.unstored()) Y.applyUpdate(d, u, ORIGIN.load)
        this.docCache = d
      } catch (e) {
        // Stored data that does not integrate (written before updates were checked): keep
        // what does, part by part.
        d.destroy()
        this.log.error(
          { roadmapId: this.roadmapId, err: errorText(e) },
          'stored state does not integrate',
        )
        this.docCache = this.salvage()
      }
    }
    return this.docCache
  }

  private salvage(): Y.Doc {
    const d = new Y.Doc(SERVER_DOC)
    for (const part of [this.state, ...this.pending, ...this.unstored()]) {
      try {
        Y.applyUpdate(d, part, ORIGIN.load)
      } catch {
        this.metrics.dropped.inc({ reason: 'unintegrable' })
      }
    }
    return d
  }

  /**
   * Applies an update to the document; refused if it does not integrate (it decodes but names
   * a parent that is not a type, …) or nests types deeper than MAX_NESTING (nesting.ts). Such
   * an update must reach neither store nor clients.
   */
  integrate(update: Uint8Array, origin: unknown = ORIGIN.remote): Integrated {
    const doc = this.doc()
    let failed: unknown = null
    let refusal: IntegrateRefusal = INTEGRATE_REFUSAL.unintegrable
    try {
      doc.transact((tr) => {
        try {
          Y.applyUpdate(doc, update, origin)
          if (nestsTooDeep(tr)) {
            failed = 'nested too deep'
            refusal = INTEGRATE_REFUSAL.tooDeep
          }
        } catch (e) {
          failed = e
        }
      }, origin)
    } catch (e) {
      // An observer threw after the update was applied: the update is fine, the document
      // may not be (its cleanup did not finish). Rebuild it from the state next time.
      this.log.error({ roadmapId: this.roadmapId, err: errorText(e) }, 'a document observer failed')
      this.dropDoc()
    }
    if (failed !== null) {
      this.log.debug(
        { roadmapId: this.roadmapId, err: errorText(failed) },
        'update does not integrate',
      )
      // Half applied: rebuild from the state, which never held this update.
      this.dropDoc()
      return { ok: false, refusal }
    }
    return { ok: true }
  }

  dropDoc(): void {
    this.docCache?.destroy()
    this.docCache = null
  }

  /** A small document is cheap to rebuild: drop it soon; keep a large one longer. */
  dropDocIfUnused(now: number): void {
    if (!this.docCache) return
    const keep = this.bytes < SMALL_DOC_BYTES ? SMALL_DOC_IDLE_MS : DOC_IDLE_MS
    if (now - this.docUsedAt > keep) this.dropDoc()
  }
}

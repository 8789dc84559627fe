// Over 300 lines: one class implementing every method of the Store interface, in memory.
// In-memory store: same contract as SQLite, for tests and ephemeral servers.
import type {
  AppendResult,
  Editor,
  LinkRecord,
  ListedSnapshot,
  NewRoadmap,
  RoadmapRecord,
  SnapshotMeta,
  SnapshotRecord,
  Store,
  StoredDoc,
} from './store.js'
import { MAX_EDITORS_PER_SNAPSHOT, storedDoc } from './store.js'
import { chainOf, encodeLink } from './snapshotChain.js'
import { DecodedStates } from './decodedStates.js'
import { DecodedExports, encodeExport, exportOfState } from './snapshotExports.js'
import type { ExportLink } from './snapshotExports.js'
import type { ChainHead, ChainLink } from './snapshotChain.js'

interface DocEntry {
  state: Uint8Array | null
  stateVector: Uint8Array | null
  updates: { seq: number; data: Uint8Array }[]
}

const copy = (u: Uint8Array): Uint8Array => u.slice()

type StoredSnapshot = SnapshotMeta &
  ChainLink & {
    editors: Editor[]
    /** the export's chain link (snapshotExports.ts); none when unreadable */
    exportLink?: ExportLink
  }

/** Adds to `into` the editors of `more` it lacks, up to the cap. */
function joinEditors(into: Editor[], more: readonly Editor[]): void {
  for (const e of more) {
    if (into.length >= MAX_EDITORS_PER_SNAPSHOT) return
    if (!into.some((x) => x.linkId === e.linkId && x.name === e.name)) into.push({ ...e })
  }
}

export class MemoryStore implements Store {
  private readonly roadmaps = new Map<string, RoadmapRecord>()
  private readonly docs = new Map<string, DocEntry>()
  /** Per roadmap, in the order created (the chain's order). */
  private readonly snapshots = new Map<string, StoredSnapshot[]>()
  /** Per roadmap, the editors since its newest snapshot. */
  private readonly pendingEditors = new Map<string, Editor[]>()
  private readonly decoded = new DecodedStates()
  private readonly exports = new DecodedExports()
  private readonly links = new Map<string, LinkRecord>()
  private readonly linksByHash = new Map<string, LinkRecord>()
  private seq = 0

  async createRoadmap(input: NewRoadmap): Promise<void> {
    const id = input.roadmap.id
    if (this.roadmaps.has(id)) throw new Error(`roadmap ${id} exists`)
    for (const l of input.links) this.checkLink(l)
    this.roadmaps.set(id, { ...input.roadmap })
    this.docs.set(id, {
      state: input.state && copy(input.state),
      stateVector: input.stateVector && copy(input.stateVector),
      updates: [],
    })
    for (const l of input.links) this.putLink(l)
  }

  async getRoadmap(id: string): Promise<RoadmapRecord | undefined> {
    const r = this.roadmaps.get(id)
    return r && { ...r }
  }

  async countRoadmaps(): Promise<number> {
    return this.roadmaps.size
  }

  private doc(id: string): DocEntry {
    let d = this.docs.get(id)
    if (!d) {
      d = { state: null, stateVector: null, updates: [] }
      this.docs.set(id, d)
    }
    return d
  }

  async touchRoadmap(id: string, at: number): Promise<void> {
    const r = this.roadmaps.get(id)
    if (r) r.updatedAt = at
  }

  async deleteUnusedRoadmaps(createdBefore: number, limit: number): Promise<string[]> {
    const ids: string[] = []
    for (const r of this.roadmaps.values()) {
      if (ids.length >= limit) break
      const updates = this.docs.get(r.id)?.updates.length ?? 0
      if (r.updatedAt === r.createdAt && r.createdAt < createdBefore && updates === 0)
        ids.push(r.id)
    }
    for (const id of ids) {
      this.roadmaps.delete(id)
      this.docs.delete(id)
      this.snapshots.delete(id)
      this.pendingEditors.delete(id)
      for (const l of [...this.links.values()]) {
        if (l.roadmapId !== id) continue
        this.links.delete(l.id)
        this.linksByHash.delete(l.tokenHash)
      }
    }
    return ids
  }

  async loadDoc(roadmapId: string): Promise<StoredDoc> {
    const d = this.docs.get(roadmapId)
    if (!d) return storedDoc(null, null, [])
    return storedDoc(
      d.state && copy(d.state),
      d.stateVector && copy(d.stateVector),
      d.updates.map((u) => ({ seq: u.seq, data: copy(u.data) })),
    )
  }

  async appendUpdates(
    roadmapId: string,
    updates: readonly Uint8Array[],
    at: number,
    editors: readonly Editor[] = [],
  ): Promise<AppendResult> {
    const d = this.doc(roadmapId)
    for (const u of updates) d.updates.push({ seq: ++this.seq, data: copy(u) })
    if (editors.length > 0) {
      const pending = this.pendingEditors.get(roadmapId) ?? []
      joinEditors(pending, editors)
      this.pendingEditors.set(roadmapId, pending)
    }
    const r = this.roadmaps.get(roadmapId)
    if (r) r.updatedAt = at
    return { lastSeq: this.seq }
  }

  async compact(
    roadmapId: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    throughSeq: number,
  ): Promise<void> {
    const d = this.doc(roadmapId)
    d.state = copy(state)
    d.stateVector = copy(stateVector)
    d.updates = d.updates.filter((u) => u.seq > throughSeq)
  }

  async createSnapshot(s: SnapshotRecord): Promise<void> {
    for (const list of this.snapshots.values()) {
      if (list.some((x) => x.id === s.id)) throw new Error(`snapshot ${s.id} exists`)
    }
    const list = this.snapshots.get(s.roadmapId) ?? []
    const last = list.at(-1)
    const head: ChainHead | null = last
      ? { id: last.id, depth: last.depth, state: this.stateOf(list, last.id)! }
      : null
    const { state, exported: given, ...meta } = s
    const exported = given ?? exportOfState(state)
    let exportLink: ExportLink | undefined
    if (exported !== undefined) {
      const exportHead = list.findLast((x) => x.exportLink)?.exportLink
      const headText = exportHead && this.exportOf(list, exportHead.id)
      const base = exportHead && headText !== undefined ? { ...exportHead, text: headText } : null
      exportLink = { id: s.id, ...encodeExport(base, exported) }
    }
    const editors = this.pendingEditors.get(s.roadmapId) ?? []
    this.pendingEditors.delete(s.roadmapId)
    list.push({ ...meta, size: state.byteLength, ...encodeLink(head, state), editors, exportLink })
    this.snapshots.set(s.roadmapId, list)
    this.decoded.keep(s.roadmapId, s.id, copy(state))
    if (exported !== undefined) this.exports.keep(s.roadmapId, s.id, exported)
  }

  private exportOf(list: readonly StoredSnapshot[], id: string): string | undefined {
    const links = list.flatMap((x) => (x.exportLink ? [x.exportLink] : []))
    return this.exports.decode(list[0]!.roadmapId, links, id)
  }

  async getSnapshotExport(
    roadmapId: string,
    snapshotId: string,
  ): Promise<{ snapshot: SnapshotMeta; exported: string } | undefined> {
    const list = this.snapshots.get(roadmapId) ?? []
    const s = list.find((x) => x.id === snapshotId)
    const exported = s?.exportLink && this.exportOf(list, s.id)
    if (!s || exported === undefined) return undefined
    const { id, name, kind, createdAt, size } = s
    return { snapshot: { id, roadmapId, name, kind, createdAt, size }, exported }
  }

  private stateOf(list: readonly StoredSnapshot[], id: string): Uint8Array | undefined {
    const chain = chainOf(new Map(list.map((x) => [x.id, x])), id)
    return chain && this.decoded.decode(list[0]!.roadmapId, chain)
  }

  async listSnapshots(roadmapId: string): Promise<ListedSnapshot[]> {
    const list = this.snapshots.get(roadmapId) ?? []
    return list
      .map((s, i) => ({ s, i }))
      .sort((a, b) => a.s.createdAt - b.s.createdAt || a.i - b.i)
      .map(({ s }) => ({
        id: s.id,
        roadmapId: s.roadmapId,
        name: s.name,
        kind: s.kind,
        createdAt: s.createdAt,
        size: s.size,
        editors: s.editors.map((e) => ({ ...e })),
      }))
  }

  async getSnapshot(roadmapId: string, snapshotId: string): Promise<SnapshotRecord | undefined> {
    const list = this.snapshots.get(roadmapId) ?? []
    const s = list.find((x) => x.id === snapshotId)
    const state = s && this.stateOf(list, s.id)
    if (!s || !state) return undefined
    const { id, name, kind, createdAt, size } = s
    return { id, roadmapId, name, kind, createdAt, size, state: copy(state) }
  }

  async historyBytes(roadmapId: string): Promise<number> {
    let n = 0
    for (const s of this.snapshots.get(roadmapId) ?? [])
      n += s.data.byteLength + (s.exportLink?.data.byteLength ?? 0)
    return n
  }

  async deleteSnapshot(roadmapId: string, snapshotId: string): Promise<boolean> {
    const list = this.snapshots.get(roadmapId) ?? []
    const i = list.findIndex((x) => x.id === snapshotId)
    if (i === -1) return false
    // Snapshots stored as deltas on this one are stored whole first: no chain breaks.
    list.forEach((x, j) => {
      if (x.baseId !== snapshotId) return
      const state = this.stateOf(list, x.id)
      if (state) list[j] = { ...x, ...encodeLink(null, state) }
    })
    list.forEach((x, j) => {
      if (x.exportLink?.baseId !== snapshotId) return
      const text = this.exportOf(list, x.id)
      // Unreadable already: the snapshot opens from its state.
      const exportLink = text === undefined ? undefined : { id: x.id, ...encodeExport(null, text) }
      list[j] = { ...list[j]!, exportLink }
    })
    const [gone] = list.splice(i, 1)
    this.decoded.forget(roadmapId, snapshotId)
    this.exports.forget(roadmapId, snapshotId)
    // The next snapshot now follows the previous one: it was edited by both sets.
    const next = list[i]
    if (next) joinEditors(next.editors, gone.editors)
    else {
      const pending = this.pendingEditors.get(roadmapId) ?? []
      joinEditors(pending, gone.editors)
      this.pendingEditors.set(roadmapId, pending)
    }
    return true
  }

  private checkLink(l: LinkRecord): void {
    if (this.links.has(l.id)) throw new Error(`link ${l.id} exists`)
    if (this.linksByHash.has(l.tokenHash)) throw new Error('token hash exists')
  }

  private putLink(l: LinkRecord): void {
    const rec = { ...l }
    this.links.set(l.id, rec)
    this.linksByHash.set(l.tokenHash, rec)
  }

  async createLink(link: LinkRecord): Promise<void> {
    this.checkLink(link)
    this.putLink(link)
  }

  async listLinks(roadmapId: string): Promise<LinkRecord[]> {
    return [...this.links.values()]
      .filter((l) => l.roadmapId === roadmapId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((l) => ({ ...l }))
  }

  async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined> {
    const l = this.linksByHash.get(tokenHash)
    return l && { ...l }
  }

  async revokeLink(roadmapId: string, linkId: string, at: number): Promise<boolean> {
    const l = this.links.get(linkId)
    if (!l || l.roadmapId !== roadmapId || l.revokedAt !== null) return false
    l.revokedAt = at
    return true
  }

  async reissueLink(roadmapId: string, linkId: string, tokenHash: string): Promise<boolean> {
    const l = this.links.get(linkId)
    if (!l || l.roadmapId !== roadmapId || l.revokedAt !== null) return false
    if (this.linksByHash.has(tokenHash)) throw new Error('token hash exists')
    this.linksByHash.delete(l.tokenHash)
    l.tokenHash = tokenHash
    this.linksByHash.set(tokenHash, l)
    return true
  }

  async bytesStored(): Promise<number> {
    let n = 0
    for (const d of this.docs.values()) {
      n += d.state?.byteLength ?? 0
      for (const u of d.updates) n += u.data.byteLength
    }
    for (const list of this.snapshots.values())
      for (const s of list) n += s.data.byteLength + (s.exportLink?.data.byteLength ?? 0)
    return n
  }

  async checkpoint(): Promise<void> {}

  async close(): Promise<void> {}
}

// Snapshots read as roadmaps, for comparing and opening versions: a snapshot never changes, so
// its `readRoadmap` (deeply frozen) and its export (the JSON a client opens it from) are kept
// for the next request. Comparing the same pair again, opening a snapshot again, or comparing
// one just opened then decodes nothing: one decode of the state (Yjs, the bulk of the time)
// serves both. Bounded: the most recently used `capacity` snapshots (a 2,000-feature roadmap
// reads to a few MB).
import { exportRoadmap, readRoadmap } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import * as Y from 'yjs'
import { ORIGIN, SERVER_DOC } from '../sync/origins.js'
import type { SnapshotMeta, Store } from './store.js'

export interface SnapshotVersion {
  snapshot: SnapshotMeta
  data: RoadmapData
  /** `JSON.stringify(exportRoadmap(doc))`, once asked for */
  exported?: string
}

export const SNAPSHOT_READER_CAPACITY = 8

export class SnapshotReader {
  private readonly cache = new Map<string, SnapshotVersion>()

  constructor(
    private readonly store: Store,
    private readonly capacity = SNAPSHOT_READER_CAPACITY,
  ) {}

  /** The snapshot and its roadmap; undefined when the roadmap has no such snapshot. */
  read(roadmapId: string, snapshotId: string): Promise<SnapshotVersion | undefined> {
    return this.version(roadmapId, snapshotId, false)
  }

  /**
   * The snapshot with its export as JSON text (what `GET …/snapshots/:sid` sends): the store's
   * kept export when it has one, otherwise decoded from the state (older snapshots).
   */
  async readExported(
    roadmapId: string,
    snapshotId: string,
  ): Promise<{ snapshot: SnapshotMeta; exported: string } | undefined> {
    const cached = this.cache.get(`${roadmapId}\n${snapshotId}`)
    if (cached?.exported === undefined) {
      // Kept when the snapshot was taken: opening it decodes no Yjs state.
      const kept = await this.store.getSnapshotExport(roadmapId, snapshotId)
      if (kept) return kept
    }
    const v = await this.version(roadmapId, snapshotId, true)
    return v?.exported === undefined ? undefined : { snapshot: v.snapshot, exported: v.exported }
  }

  private async version(
    roadmapId: string,
    snapshotId: string,
    withExport: boolean,
  ): Promise<SnapshotVersion | undefined> {
    const key = `${roadmapId}\n${snapshotId}`
    const cached = this.cache.get(key)
    if (cached && (!withExport || cached.exported !== undefined)) {
      // Most recently used last: Map keeps insertion order.
      this.cache.delete(key)
      this.cache.set(key, cached)
      return cached
    }
    const record = await this.store.getSnapshot(roadmapId, snapshotId)
    if (!record) return undefined
    const doc = new Y.Doc(SERVER_DOC)
    let version: SnapshotVersion
    try {
      Y.applyUpdate(doc, record.state, ORIGIN.load)
      const { state: _state, ...snapshot } = record
      version = {
        snapshot,
        data: cached?.data ?? readRoadmap(doc),
        exported: withExport ? JSON.stringify(exportRoadmap(doc)) : undefined,
      }
    } finally {
      doc.destroy()
    }
    this.cache.delete(key)
    this.cache.set(key, version)
    for (const old of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break
      this.cache.delete(old)
    }
    return version
  }
}

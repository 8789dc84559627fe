// Snapshots read as roadmaps, for comparing versions: a snapshot never changes, so its
// `readRoadmap` (deeply frozen) is kept for the next request. Comparing the same pair again,
// or one snapshot with several others, then decodes nothing. Bounded: the most recently used
// `capacity` snapshots (a 2,000-feature roadmap reads to a few MB).
import { readRoadmap } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import * as Y from 'yjs'
import { ORIGIN, SERVER_DOC } from '../sync/origins.js'
import type { SnapshotMeta, Store } from './store.js'

export interface SnapshotVersion {
  snapshot: SnapshotMeta
  data: RoadmapData
}

export const SNAPSHOT_READER_CAPACITY = 8

export class SnapshotReader {
  private readonly cache = new Map<string, SnapshotVersion>()

  constructor(
    private readonly store: Store,
    private readonly capacity = SNAPSHOT_READER_CAPACITY,
  ) {}

  /** The snapshot and its roadmap; undefined when the roadmap has no such snapshot. */
  async read(roadmapId: string, snapshotId: string): Promise<SnapshotVersion | undefined> {
    const key = `${roadmapId}\n${snapshotId}`
    const cached = this.cache.get(key)
    if (cached) {
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
      version = { snapshot, data: readRoadmap(doc) }
    } finally {
      doc.destroy()
    }
    this.cache.set(key, version)
    for (const old of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break
      this.cache.delete(old)
    }
    return version
  }
}

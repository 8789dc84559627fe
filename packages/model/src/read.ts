// `readRoadmap(doc)`: the plain, immutable snapshot every view and derivation works from.

import type * as Y from 'yjs'
import { entityEntries, metaMap } from './collections.js'
import { dateOrNull, NORMALIZE, numOrNull, str } from './normalize.js'
import { COMPARE } from './order.js'
import { ENTITY_KINDS, SCHEMA_VERSION } from './schema.js'
import type { EntityByKind, EntityKind, RoadmapData, RoadmapMeta } from './schema.js'

interface CacheEntry {
  data: RoadmapData | null
}

// One snapshot per doc, dropped on the next update: views re-render often, the doc
// changes far less often, and the snapshot is frozen, so sharing it is safe.
const cache = new WeakMap<Y.Doc, CacheEntry>()

export function readMeta(doc: Y.Doc): RoadmapMeta {
  const meta = metaMap(doc)
  return {
    schemaVersion: numOrNull(meta.get('schemaVersion')) ?? SCHEMA_VERSION,
    title: str(meta.get('title')),
    horizonStart: dateOrNull(meta.get('horizonStart')),
    horizonEnd: dateOrNull(meta.get('horizonEnd')),
  }
}

/** Every entity of one collection, normalized, in display order. */
export function readCollection<K extends EntityKind>(doc: Y.Doc, kind: K): Array<EntityByKind[K]> {
  const normalize = NORMALIZE[kind] as (id: string, m: Y.Map<unknown>) => EntityByKind[K]
  const compare = COMPARE[kind] as (a: EntityByKind[K], b: EntityByKind[K]) => number
  return entityEntries(doc, kind)
    .map(([id, m]) => normalize(id, m))
    .sort(compare)
}

/**
 * The whole roadmap as plain data: defaults filled for missing or ill-typed fields, every
 * array in display order (ranked collections by rank then id). The result is deeply
 * frozen; copy before changing it.
 */
export function readRoadmap(doc: Y.Doc): RoadmapData {
  // Inside a transaction the doc may be half-changed and the update event not yet fired.
  const inTransaction = doc._transaction !== null
  let entry = cache.get(doc)
  if (!inTransaction && entry?.data) return entry.data
  const data = deepFreeze(readUncached(doc))
  if (inTransaction) return data
  if (!entry) {
    const created: CacheEntry = { data: null }
    doc.on('update', () => {
      created.data = null
    })
    cache.set(doc, created)
    entry = created
  }
  entry.data = data
  return data
}

function readUncached(doc: Y.Doc): RoadmapData {
  const data = { meta: readMeta(doc) } as Record<string, unknown>
  for (const kind of ENTITY_KINDS) data[kind] = readCollection(doc, kind)
  return data as unknown as RoadmapData
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

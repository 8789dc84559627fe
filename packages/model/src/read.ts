// `readRoadmap(doc)`: the plain, immutable snapshot every view and derivation works from.
//
// Reads are cached per doc with structural sharing: an entity that did not change keeps
// its (frozen) object from one snapshot to the next, and a transaction that touched nothing
// the snapshot shows (typing in a description or the strategy) keeps the snapshot itself.
// Views can therefore compare by identity.

import * as Y from 'yjs'
import { collectionOf, entityEntries, metaMap } from './collections.js'
import { dateOrNull, NORMALIZE, numOrNull, str } from './normalize.js'
import { COMPARE } from './order.js'
import { DESCRIPTION } from './rich-text.js'
import { ENTITY_KINDS, SCHEMA_VERSION } from './schema.js'
import type { EntityByKind, EntityKind, RoadmapData, RoadmapMeta } from './schema.js'

interface DocCache {
  data: RoadmapData | null
  entities: WeakMap<Y.Map<unknown>, object>
  /** Transactions begun whose changes have not been applied to the cache yet. */
  pending: number
}

const caches = new WeakMap<Y.Doc, DocCache>()

export function readMeta(doc: Y.Doc): RoadmapMeta {
  const meta = metaMap(doc)
  return {
    schemaVersion: numOrNull(meta.get('schemaVersion')) ?? SCHEMA_VERSION,
    title: str(meta.get('title')),
    horizonStart: dateOrNull(meta.get('horizonStart')),
    horizonEnd: dateOrNull(meta.get('horizonEnd')),
  }
}

/** Every entity of one collection, normalized, in display order (not cached, not frozen). */
export function readCollection<K extends EntityKind>(doc: Y.Doc, kind: K): Array<EntityByKind[K]> {
  return readSorted(doc, kind, null)
}

/**
 * The whole roadmap as plain data: defaults filled for missing or ill-typed fields, every
 * array in display order (ranked collections by rank then id). The result is deeply
 * frozen; copy before changing it.
 */
export function readRoadmap(doc: Y.Doc): RoadmapData {
  // The cache counts transactions from its creation on, so it is only created when none
  // is in flight.
  const cache =
    caches.get(doc) ?? (doc._transactionCleanups.length === 0 ? cacheOf(doc) : undefined)
  // Inside a transaction (or before its changes reached the cache) read afresh.
  if (!cache || cache.pending > 0 || doc._transaction !== null)
    return deepFreeze(readAll(doc, null))
  cache.data ??= deepFreeze(readAll(doc, cache.entities))
  return cache.data
}

function readAll(doc: Y.Doc, entities: DocCache['entities'] | null): RoadmapData {
  return {
    meta: readMeta(doc),
    lanes: readSorted(doc, 'lanes', entities),
    features: readSorted(doc, 'features', entities),
    milestones: readSorted(doc, 'milestones', entities),
    goals: readSorted(doc, 'goals', entities),
    indicators: readSorted(doc, 'indicators', entities),
    risks: readSorted(doc, 'risks', entities),
    resources: readSorted(doc, 'resources', entities),
    items: readSorted(doc, 'items', entities),
  }
}

function readSorted<K extends EntityKind>(
  doc: Y.Doc,
  kind: K,
  entities: DocCache['entities'] | null,
): Array<EntityByKind[K]> {
  const normalize = NORMALIZE[kind] as (id: string, m: Y.Map<unknown>) => EntityByKind[K]
  const compare = COMPARE[kind] as (a: EntityByKind[K], b: EntityByKind[K]) => number
  return entityEntries(doc, kind)
    .map(([id, map]) => {
      const cached = entities?.get(map) as EntityByKind[K] | undefined
      // The key is the id: a cached object is only reused under the same key.
      if (cached && cached.id === id) return cached
      const entity = deepFreeze(normalize(id, map))
      entities?.set(map, entity)
      return entity
    })
    .sort(compare)
}

function cacheOf(doc: Y.Doc): DocCache {
  let cache = caches.get(doc)
  if (cache) return cache
  const created: DocCache = { data: null, entities: new WeakMap(), pending: 0 }
  const collections = new Set<object>(ENTITY_KINDS.map((kind) => collectionOf(doc, kind)))
  const meta = metaMap(doc)
  doc.on('beforeTransaction', () => {
    created.pending++
  })
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    created.pending--
    let stale = false
    for (const type of transaction.changed.keys()) {
      const effect = effectOf(type, collections, meta)
      if (effect instanceof Y.Map) created.entities.delete(effect)
      if (effect !== null) stale = true
    }
    if (stale) created.data = null
  })
  caches.set(doc, created)
  cache = created
  return cache
}

/**
 * What a change to `type` means for the snapshot: the entity map to re-read, `true` for a
 * change to meta or to a collection itself (entities added or removed), `null` for none
 * (rich text, unknown roots).
 */
function effectOf(
  type: TypeNode,
  collections: ReadonlySet<object>,
  meta: Y.Map<unknown>,
): Y.Map<unknown> | true | null {
  let node = type
  let keyUnderNode: string | null = null
  while (node._item !== null) {
    const parent: unknown = node._item.parent
    if (collections.has(parent as object)) {
      // `node` is an entity map; rich text under it is not part of the snapshot.
      return keyUnderNode === DESCRIPTION ? null : (node as unknown as Y.Map<unknown>)
    }
    if (!(parent instanceof Y.AbstractType)) return true
    keyUnderNode = node._item.parentSub
    node = parent as TypeNode
  }
  return node === meta || collections.has(node) ? true : null
}

/** The part of a Yjs type this walk needs (Yjs types its generic by event, not content). */
interface TypeNode {
  _item: Y.Item | null
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

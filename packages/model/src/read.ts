// `readRoadmap(doc)`: the plain, immutable snapshot every view and derivation works from.
//
// Reads are cached per doc with structural sharing: an entity that did not change keeps
// its (frozen) object, a collection with no change keeps its array, and a transaction that
// touched nothing the snapshot shows (typing in a description or the strategy) keeps the
// snapshot itself. Views can therefore compare by identity.

import * as Y from 'yjs'
import { collectionOf, entityEntries, metaMap } from './collections.js'
import { dateOrNull, NORMALIZE, numOrNull, str } from './normalize.js'
import { COMPARE } from './order.js'
import { DESCRIPTION } from './rich-text.js'
import { ENTITY_KINDS, SCHEMA_VERSION } from './schema.js'
import type { EntityByKind, EntityKind, RoadmapData, RoadmapMeta } from './schema.js'

type Lists = { -readonly [K in EntityKind]?: ReadonlyArray<EntityByKind[K]> }

interface DocCache {
  data: RoadmapData | null
  meta: RoadmapMeta | null
  lists: Lists
  /** Per collection, what changed since its list was read: some entities, or its entries. */
  dirty: { [K in EntityKind]?: Set<string> | 'entries' }
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
  if (!cache || cache.pending > 0 || doc._transaction !== null) {
    return deepFreeze(readAll(doc, null))
  }
  cache.data ??= deepFreeze(readAll(doc, cache))
  return cache.data
}

function readAll(doc: Y.Doc, cache: DocCache | null): RoadmapData {
  const list = <K extends EntityKind>(kind: K): Array<EntityByKind[K]> => {
    if (!cache) return readSorted(doc, kind, null)
    const lists = cache.lists as { [P in K]?: Array<EntityByKind[K]> }
    const previous = lists[kind]
    const dirty = cache.dirty[kind]
    if (previous && !dirty) return previous
    const next =
      (previous &&
        dirty instanceof Set &&
        patchSorted(doc, kind, previous, dirty, cache.entities)) ||
      readSorted(doc, kind, cache.entities)
    lists[kind] = next
    delete cache.dirty[kind]
    return next
  }
  return {
    meta: cache ? (cache.meta ??= readMeta(doc)) : readMeta(doc),
    lanes: list('lanes'),
    features: list('features'),
    milestones: list('milestones'),
    goals: list('goals'),
    indicators: list('indicators'),
    risks: list('risks'),
    resources: list('resources'),
    items: list('items'),
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

/**
 * The previous list with the changed entities re-read, or null when one of them is gone
 * (then the caller reads the whole collection). Re-sorted only when a change moved one.
 */
function patchSorted<K extends EntityKind>(
  doc: Y.Doc,
  kind: K,
  previous: ReadonlyArray<EntityByKind[K]>,
  changed: ReadonlySet<string>,
  entities: DocCache['entities'],
): Array<EntityByKind[K]> | null {
  const normalize = NORMALIZE[kind] as (id: string, m: Y.Map<unknown>) => EntityByKind[K]
  const compare = COMPARE[kind] as (a: EntityByKind[K], b: EntityByKind[K]) => number
  const collection = collectionOf(doc, kind)
  const next: Array<EntityByKind[K]> = []
  for (const entity of previous) {
    if (!changed.has(entity.id)) {
      next.push(entity)
      continue
    }
    const map = collection.get(entity.id)
    if (!(map instanceof Y.Map)) return null
    const fresh = deepFreeze(normalize(entity.id, map as Y.Map<unknown>))
    entities.set(map as Y.Map<unknown>, fresh)
    next.push(fresh)
  }
  for (let i = 1; i < next.length; i++) {
    if (compare(next[i - 1]!, next[i]!) > 0) return next.sort(compare)
  }
  return next
}

function cacheOf(doc: Y.Doc): DocCache {
  const cache: DocCache = {
    data: null,
    meta: null,
    lists: {},
    dirty: {},
    entities: new WeakMap(),
    pending: 0,
  }
  const kinds = new Map<object, EntityKind>(
    ENTITY_KINDS.map((kind) => [collectionOf(doc, kind), kind]),
  )
  const meta = metaMap(doc)
  doc.on('beforeTransaction', () => {
    cache.pending++
  })
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    cache.pending--
    for (const type of transaction.changed.keys()) {
      const effect = effectOf(type, kinds, meta)
      if (effect === null) continue
      cache.data = null
      if (effect === 'meta' || effect === 'all') cache.meta = null
      if (effect === 'all') for (const kind of ENTITY_KINDS) cache.dirty[kind] = 'entries'
      if (typeof effect !== 'object') continue
      const { kind, entity } = effect
      if (entity === null) {
        cache.dirty[kind] = 'entries'
        continue
      }
      cache.entities.delete(entity)
      const dirty = cache.dirty[kind]
      const id = entity._item?.parentSub
      if (dirty === 'entries' || typeof id !== 'string') cache.dirty[kind] = 'entries'
      else cache.dirty[kind] = (dirty ?? new Set<string>()).add(id)
    }
  })
  caches.set(doc, cache)
  return cache
}

/**
 * What a change to `type` means for the snapshot: an entity to re-read, a collection whose
 * entries changed, meta, everything (a type not in the doc, never expected), or nothing
 * (rich text, unknown roots).
 */
function effectOf(
  type: TypeNode,
  kinds: ReadonlyMap<object, EntityKind>,
  meta: Y.Map<unknown>,
): { kind: EntityKind; entity: Y.Map<unknown> | null } | 'meta' | 'all' | null {
  let node = type
  let keyUnderNode: string | null = null
  while (node._item !== null) {
    const parent: unknown = node._item.parent
    const kind = kinds.get(parent as object)
    if (kind !== undefined) {
      // `node` is an entity map; rich text under it is not part of the snapshot.
      return keyUnderNode === DESCRIPTION
        ? null
        : { kind, entity: node as unknown as Y.Map<unknown> }
    }
    if (!(parent instanceof Y.AbstractType)) return 'all' // not integrated: assume anything
    keyUnderNode = node._item.parentSub
    node = parent as TypeNode
  }
  if (node === meta) return 'meta'
  const kind = kinds.get(node)
  return kind === undefined ? null : { kind, entity: null }
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

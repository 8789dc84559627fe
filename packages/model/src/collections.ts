// Typed access to the root collections of a roadmap Y.Doc.

import * as Y from 'yjs'
import { ROOT } from './schema.js'
import type { EntityKind } from './schema.js'

/** A root collection: entity id → entity map (anything else a peer wrote is ignored). */
export function collectionOf(doc: Y.Doc, kind: EntityKind): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT[kind])
}

/** The entity map stored under `id`, or `undefined` when absent or not a map. */
export function entityMap(doc: Y.Doc, kind: EntityKind, id: string): Y.Map<unknown> | undefined {
  const value = collectionOf(doc, kind).get(id)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined
}

/** Every `[id, entity map]` of a collection, skipping entries that are not maps. */
export function entityEntries(doc: Y.Doc, kind: EntityKind): Array<[string, Y.Map<unknown>]> {
  const entries: Array<[string, Y.Map<unknown>]> = []
  collectionOf(doc, kind).forEach((value, id) => {
    if (value instanceof Y.Map) entries.push([id, value as Y.Map<unknown>])
  })
  return entries
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.roadmap)
}

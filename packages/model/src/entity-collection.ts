// Create / update / delete / get for one root collection. Subclasses add what a kind
// needs (ranks, rich text, cascades).

import * as Y from 'yjs'
import { collectionOf, entityMap } from './collections.js'
import type { WriteContext } from './context.js'
import { fieldsOf, NORMALIZE } from './normalize.js'
import type { EntityByKind, EntityKind } from './schema.js'

export type IdOf<K extends EntityKind> = EntityByKind[K]['id']

/** Keys a patch never writes: identity and structure owned by the collection itself. */
const RESERVED = new Set(['id', 'description', 'history'])

export class EntityCollection<K extends EntityKind, Input extends object, Patch extends object> {
  constructor(
    protected readonly ctx: WriteContext,
    readonly kind: K,
  ) {}

  /** Creates an entity with every schema field (defaults for what `input` leaves out). */
  create(input: Input): IdOf<K> {
    const id = this.ctx.createId() as IdOf<K>
    this.ctx.transact(() => {
      const defaults = NORMALIZE[this.kind](id, fieldsOf({})) as unknown as Record<string, unknown>
      const map = new Y.Map<unknown>()
      collectionOf(this.ctx.doc, this.kind).set(id, map)
      map.set('id', id)
      for (const [key, value] of Object.entries(defaults)) {
        if (!RESERVED.has(key)) writeField(map, key, value)
      }
      for (const [key, value] of Object.entries(this.fieldsOfInput(input))) {
        if (!RESERVED.has(key)) writeField(map, key, value)
      }
      this.initialize(id, map, input)
    })
    return id
  }

  /** Writes only the keys given (`undefined` values are skipped); false when `id` is gone. */
  update(id: IdOf<K>, patch: Patch): boolean {
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, this.kind, id)
      if (!map) return false
      for (const [key, value] of Object.entries(patch)) {
        if (!RESERVED.has(key) && key !== 'rank') writeField(map, key, value)
      }
      return true
    })
  }

  /** Deletes the entity (and what it owns, see subclasses); false when it was not there. */
  delete(id: IdOf<K>): boolean {
    return this.ctx.transact(() => {
      const collection = collectionOf(this.ctx.doc, this.kind)
      if (!collection.has(id)) return false
      this.deleteOwned(id)
      collection.delete(id)
      return true
    })
  }

  /** The entity as plain data with defaults filled, or `undefined`. */
  get(id: IdOf<K>): EntityByKind[K] | undefined {
    const map = entityMap(this.ctx.doc, this.kind, id)
    return map ? (NORMALIZE[this.kind](id, map) as EntityByKind[K]) : undefined
  }

  has(id: IdOf<K>): boolean {
    return entityMap(this.ctx.doc, this.kind, id) !== undefined
  }

  /** The fields of a create input to store (subclasses strip placement options). */
  protected fieldsOfInput(input: Input): Record<string, unknown> {
    return { ...input } as Record<string, unknown>
  }

  /** Called inside the create transaction, after the fields are written. */
  protected initialize(_id: IdOf<K>, _map: Y.Map<unknown>, _input: Input): void {}

  /** Called inside the delete transaction, before the entity itself is deleted. */
  protected deleteOwned(_id: IdOf<K>): void {}
}

/**
 * Stores a plain value; arrays are copied so later changes by the caller don't leak in.
 * A value equal to the stored one is not written again: no update, no undo step.
 */
export function writeField(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) return
  const current = map.get(key)
  if (Array.isArray(value)) {
    if (Array.isArray(current) && sameItems(current, value)) return
    map.set(key, [...(value as unknown[])])
  } else if (current !== value) {
    map.set(key, value)
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

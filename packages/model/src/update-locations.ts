// Where the structs of an encoded update would land in a doc, worked out without applying
// it (the doc is only read: no root is created, no item split). Yjs names an item's place
// in three ways — a root name, the id of a parent item, or (when it has neighbours) only
// the neighbour it was inserted next to — and this resolves all three, the neighbours
// being in the doc or earlier in the same update.

import * as Y from 'yjs'

/** The container an item lands in. */
export type Node =
  | { kind: 'root'; name: string }
  /** A type already in the doc. */
  | { kind: 'doc'; type: Y.AbstractType<unknown> }
  /** A type created by the update itself (the item whose content it is). */
  | { kind: 'new'; item: Y.Item }
  /** Removed content: Yjs turns whatever lands there into garbage-collected structs. */
  | { kind: 'inert' }

/** A container and the map key (`parentSub`), or null for a position in a sequence. */
export interface Location {
  node: Node
  key: string | null
}

export type Located = { ok: true; location: Location } | { ok: false; reason: LocateFailure }

export const LOCATE_FAILURE = {
  missing: 'refers to content the server does not have',
  notAType: 'has a parent that is not a shared type',
  neighbours: 'has neighbours in different places',
  cycle: 'has a cycle of references',
} as const
export type LocateFailure = (typeof LOCATE_FAILURE)[keyof typeof LOCATE_FAILURE]

type Struct = Y.Item | Y.GC | Y.Skip

const INERT: Location = { node: { kind: 'inert' }, key: null }

/**
 * The structs of an update that the doc does not have yet, by client, in clock order
 * (each list contiguous and starting at or before the doc's state for that client).
 */
export class FreshStructs {
  readonly byClient = new Map<number, Struct[]>()

  add(struct: Struct): void {
    const list = this.byClient.get(struct.id.client)
    if (list) list.push(struct)
    else this.byClient.set(struct.id.client, [struct])
  }

  /** The fresh struct holding `id`, if any. */
  find(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const struct = list[mid]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return struct
    }
    return undefined
  }
}

/** The struct of the doc holding `id`, or undefined when the doc has not seen it. */
export function docStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined
  const structs = doc.store.clients.get(id.client)!
  return structs[Y.findIndexSS(structs, id.clock)]
}

export function sameNode(a: Node, b: Node): boolean {
  switch (a.kind) {
    case 'root':
      return b.kind === 'root' && a.name === b.name
    case 'doc':
      return b.kind === 'doc' && a.type === b.type
    case 'new':
      return b.kind === 'new' && a.item === b.item
    case 'inert':
      return b.kind === 'inert'
    default: {
      const never: never = a
      return never
    }
  }
}

/** Resolves and remembers the location of every fresh item of one update. */
export class Locator {
  private readonly memo = new Map<Y.Item, Located>()
  private readonly visiting = new Set<Y.Item>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly fresh: FreshStructs,
  ) {}

  locate(item: Y.Item): Located {
    const known = this.memo.get(item)
    if (known) return known
    if (this.visiting.has(item)) return { ok: false, reason: LOCATE_FAILURE.cycle }
    this.visiting.add(item)
    const located = this.resolve(item)
    this.visiting.delete(item)
    this.memo.set(item, located)
    return located
  }

  /** The struct an id names: in the doc, else among the fresh structs of the update. */
  lookup(id: Y.ID, from: Y.Item): { struct: Struct; inDoc: boolean } | undefined {
    const inDoc = docStruct(this.doc, id)
    if (inDoc) return { struct: inDoc, inDoc: true }
    // Yjs integrates a client's structs in clock order: it can only refer back.
    if (id.client === from.id.client && id.clock >= from.id.clock) return undefined
    const fresh = this.fresh.find(id)
    return fresh ? { struct: fresh, inDoc: false } : undefined
  }

  private resolve(item: Y.Item): Located {
    const parent: unknown = item.parent
    if (typeof parent === 'string') {
      return { ok: true, location: { node: { kind: 'root', name: parent }, key: item.parentSub } }
    }
    if (parent instanceof Y.ID) {
      const node = this.typeAt(parent, item)
      return 'reason' in node ? node : { ok: true, location: { node, key: item.parentSub } }
    }
    // No parent given: the neighbours' place (garbage when either neighbour is).
    const left = item.origin ? this.neighbour(item.origin, item) : null
    const right = item.rightOrigin ? this.neighbour(item.rightOrigin, item) : null
    if (left === undefined || right === undefined)
      return { ok: false, reason: LOCATE_FAILURE.missing }
    if (left && !left.ok) return left
    if (right && !right.ok) return right
    const place = left?.location ?? right?.location
    if (!place) return { ok: false, reason: LOCATE_FAILURE.missing }
    if (place.node.kind === 'inert' || right?.location.node.kind === 'inert') {
      return { ok: true, location: INERT }
    }
    if (left && right) {
      const same =
        sameNode(left.location.node, right.location.node) &&
        left.location.key === right.location.key
      if (!same) return { ok: false, reason: LOCATE_FAILURE.neighbours }
    }
    return { ok: true, location: place }
  }

  /** The location of the neighbour an origin names (undefined: not known anywhere). */
  private neighbour(id: Y.ID, from: Y.Item): Located | undefined {
    const found = this.lookup(id, from)
    if (!found) return undefined
    const { struct, inDoc } = found
    if (!(struct instanceof Y.Item)) {
      return struct instanceof Y.GC ? { ok: true, location: INERT } : undefined
    }
    if (inDoc) return { ok: true, location: { node: docParent(struct), key: struct.parentSub } }
    return this.locate(struct)
  }

  /** The type an item id names as a parent. */
  private typeAt(id: Y.ID, from: Y.Item): Node | { ok: false; reason: LocateFailure } {
    const found = this.lookup(id, from)
    if (!found || found.struct instanceof Y.Skip)
      return { ok: false, reason: LOCATE_FAILURE.missing }
    const { struct, inDoc } = found
    if (struct instanceof Y.GC) return { kind: 'inert' }
    const content = struct.content
    if (content instanceof Y.ContentDeleted) return { kind: 'inert' }
    if (!(content instanceof Y.ContentType)) return { ok: false, reason: LOCATE_FAILURE.notAType }
    if (inDoc) return { kind: 'doc', type: content.type as Y.AbstractType<unknown> }
    return { kind: 'new', item: struct }
  }
}

/** The container of an item of the doc. */
export function docParent(item: Y.Item): Node {
  const parent: unknown = item.parent
  return parent instanceof Y.AbstractType ? { kind: 'doc', type: parent } : { kind: 'inert' }
}

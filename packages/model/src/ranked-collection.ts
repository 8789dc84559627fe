// Collections ordered by a fractional-indexing `rank` (lanes, features, goals, items).

import type * as Y from 'yjs'
import { entityEntries, entityMap } from './collections.js'
import { EntityCollection } from './entity-collection.js'
import type { IdOf } from './entity-collection.js'
import { str } from './normalize.js'
import { compareByRank } from './order.js'
import type { RankedKind } from './order.js'
import { isValidRank, placeAt } from './ranks.js'
import type { RankedEntry } from './ranks.js'

/**
 * Where an entity goes among its siblings, by its neighbours after the move:
 * `before` is the sibling that will come right before it, `after` the one right after it.
 * `{ before: null }` means first, `{ after: null }` last; omit both for last. When both are
 * given and concurrent edits put something between them, `before` wins.
 */
export interface Placement<Id extends string> {
  before?: Id | null
  after?: Id | null
}

export class RankedCollection<
  K extends RankedKind,
  Input extends object,
  Patch extends object,
> extends EntityCollection<K, Input & Placement<IdOf<K>>, Patch> {
  /**
   * Moves `id` between the given neighbours. False when `id` is gone, or when every named
   * neighbour is gone (or is not a sibling): nothing is written then.
   */
  reorder(id: IdOf<K>, placement: Placement<IdOf<K>>): boolean {
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, this.kind, id)
      if (!map) return false
      const all = this.siblings(map)
      const current = all.findIndex((entry) => entry.id === id)
      const siblings = all.filter((entry) => entry.id !== id)
      const index = indexFor(siblings, placement)
      if (index === null) return false
      // Already there with a rank strictly between its neighbours: nothing to write (a drop
      // in place makes no update and no undo step).
      if (
        index === current &&
        fitsBetween(siblings[index - 1], all[current]!.rank, siblings[index])
      ) {
        return true
      }
      this.writeRanks(placeAt(siblings, index, id))
      return true
    })
  }

  /** The entities ordered together with `map` (all of the collection by default), sorted. */
  protected siblings(_map: Y.Map<unknown>): RankedEntry[] {
    return this.rankedEntries(() => true)
  }

  protected rankedEntries(include: (map: Y.Map<unknown>) => boolean): RankedEntry[] {
    return entityEntries(this.ctx.doc, this.kind)
      .filter(([, map]) => include(map))
      .map(([id, map]) => ({ id, rank: str(map.get('rank')) }))
      .sort(compareByRank)
  }

  protected writeRanks(writes: Map<string, string>): void {
    for (const [sibling, rank] of writes)
      entityMap(this.ctx.doc, this.kind, sibling)?.set('rank', rank)
  }

  protected override fieldsOfInput(input: Input & Placement<IdOf<K>>): Record<string, unknown> {
    const { before: _before, after: _after, ...fields } = input
    return fields
  }

  protected override initialize(
    id: IdOf<K>,
    map: Y.Map<unknown>,
    input: Input & Placement<IdOf<K>>,
  ): void {
    const siblings = this.siblings(map).filter((entry) => entry.id !== id)
    const index = indexFor(siblings, input) ?? siblings.length
    this.writeRanks(placeAt(siblings, index, id))
  }
}

/** The insertion index for a placement among sorted siblings, or null if unresolvable. */
export function indexFor(
  siblings: readonly RankedEntry[],
  placement: Placement<string>,
): number | null {
  const { before, after } = placement
  if (before === undefined && after === undefined) return siblings.length
  if (before === null) return 0
  if (before !== undefined) {
    const at = siblings.findIndex((entry) => entry.id === before)
    if (at >= 0) return at + 1
  }
  if (after === null) return siblings.length
  if (after !== undefined) {
    const at = siblings.findIndex((entry) => entry.id === after)
    if (at >= 0) return at
  }
  return null
}

function fitsBetween(
  low: RankedEntry | undefined,
  rank: string,
  high: RankedEntry | undefined,
): boolean {
  return isValidRank(rank) && (!low || low.rank < rank) && (!high || rank < high.rank)
}

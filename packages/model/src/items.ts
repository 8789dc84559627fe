import type * as Y from 'yjs'
import { entityMap } from './collections.js'
import { RankedCollection, indexFor } from './ranked-collection.js'
import type { Placement } from './ranked-collection.js'
import { placeAt } from './ranks.js'
import type { RankedEntry } from './ranks.js'
import { ITEM_STATUS } from './schema.js'
import type { FeatureId, ItemId, ItemStatus } from './schema.js'
import type { ItemInput, ItemPatch } from './inputs.js'

/** Who accepted an item as done (the product owner) and when (ISO timestamp). */
export interface Acceptance {
  by: string
  at: string
}

/** Backlog items. Each is ranked among the items of its own feature. */
export class ItemCollection extends RankedCollection<'items', ItemInput, ItemPatch> {
  /** Moves the item to another feature, last there unless placed; false when gone. */
  move(id: ItemId, featureId: FeatureId, placement: Placement<ItemId> = {}): boolean {
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, 'items', id)
      if (!map) return false
      map.set('featureId', featureId)
      const siblings = this.siblings(map).filter((entry) => entry.id !== id)
      const index = indexFor(siblings, placement) ?? siblings.length
      this.writeRanks(placeAt(siblings, index, id))
      return true
    })
  }

  /**
   * Sets the status. `done` means reviewed and accepted: it records `acceptedAt` and
   * `acceptedBy` (kept as they were when the item is already done); any other status
   * clears them. False when the item is gone.
   */
  setStatus(id: ItemId, status: typeof ITEM_STATUS.done, acceptance: Acceptance): boolean
  setStatus(id: ItemId, status: Exclude<ItemStatus, typeof ITEM_STATUS.done>): boolean
  setStatus(id: ItemId, status: ItemStatus, acceptance?: Acceptance): boolean
  setStatus(id: ItemId, status: ItemStatus, acceptance?: Acceptance): boolean {
    if (status === ITEM_STATUS.done && !acceptance) {
      throw new TypeError('items.setStatus(…, "done") needs { by, at }: done means accepted')
    }
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, 'items', id)
      if (!map) return false
      const wasDone =
        map.get('status') === ITEM_STATUS.done && typeof map.get('acceptedAt') === 'string'
      map.set('status', status)
      if (status === ITEM_STATUS.done) {
        if (!wasDone && acceptance) {
          map.set('acceptedAt', acceptance.at)
          map.set('acceptedBy', acceptance.by)
        }
      } else {
        if (map.get('acceptedAt') !== null) map.set('acceptedAt', null)
        if (map.get('acceptedBy') !== null) map.set('acceptedBy', null)
      }
      return true
    })
  }

  protected override siblings(map: Y.Map<unknown>): RankedEntry[] {
    const featureId = map.get('featureId')
    return this.rankedEntries((other) => other.get('featureId') === featureId)
  }
}

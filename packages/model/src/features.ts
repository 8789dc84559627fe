import { entityEntries, entityMap, collectionOf } from './collections.js'
import { DescribedCollection } from './described-collection.js'
import { writeField } from './entity-collection.js'
import type { FeatureInput, FeaturePatch } from './inputs.js'
import type { FeatureId, IsoDate, LaneId } from './schema.js'

export interface FeatureMove {
  laneId?: LaneId
  start?: IsoDate | null
  end?: IsoDate | null
}

/**
 * Features, in one backlog order across lanes. Deleting a feature deletes its items;
 * features that depend on it and risks on it keep the (now dangling) reference.
 */
export class FeatureCollection extends DescribedCollection<'features', FeatureInput, FeaturePatch> {
  /** Moves to another lane and/or new dates in one transaction; false when gone. */
  move(id: FeatureId, to: FeatureMove): boolean {
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, 'features', id)
      if (!map) return false
      writeField(map, 'laneId', to.laneId)
      writeField(map, 'start', to.start)
      writeField(map, 'end', to.end)
      return true
    })
  }

  protected override deleteOwned(id: FeatureId): void {
    const items = collectionOf(this.ctx.doc, 'items')
    for (const [itemId, item] of entityEntries(this.ctx.doc, 'items')) {
      if (item.get('featureId') === id) items.delete(itemId)
    }
  }
}

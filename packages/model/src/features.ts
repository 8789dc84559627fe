import { entityEntries, entityMap, collectionOf } from './collections.js'
import { DescribedCollection } from './described-collection.js'
import { writeField } from './entity-collection.js'
import type { FeatureInput, FeaturePatch } from './inputs.js'
import { dateOrNull } from './normalize.js'
import type { FeatureId, IsoDate, LaneId } from './schema.js'
import { forgetDateChanges, recordDateChange } from './slipLedger.js'
import type { DateSpan } from './slipLedger.js'

export interface FeatureMove {
  laneId?: LaneId
  start?: IsoDate | null
  end?: IsoDate | null
}

/**
 * Features, in one backlog order across lanes. Deleting a feature deletes its items;
 * features that depend on it and risks on it keep the (now dangling) reference. Every
 * change of a feature's dates is recorded in the slip ledger.
 */
export class FeatureCollection extends DescribedCollection<'features', FeatureInput, FeaturePatch> {
  /** Moves to another lane and/or new dates in one transaction; false when gone. */
  move(id: FeatureId, to: FeatureMove): boolean {
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, 'features', id)
      if (!map) return false
      const before = this.span(id)!
      writeField(map, 'laneId', to.laneId)
      writeField(map, 'start', to.start)
      writeField(map, 'end', to.end)
      recordDateChange(this.ctx, 'features', id, before, this.span(id)!)
      return true
    })
  }

  override update(id: FeatureId, patch: FeaturePatch): boolean {
    return this.ctx.transact(() => {
      const before = this.span(id)
      if (!super.update(id, patch) || !before) return false
      recordDateChange(this.ctx, 'features', id, before, this.span(id)!)
      return true
    })
  }

  private span(id: FeatureId): DateSpan | null {
    const map = entityMap(this.ctx.doc, 'features', id)
    return map ? { start: dateOrNull(map.get('start')), end: dateOrNull(map.get('end')) } : null
  }

  protected override deleteOwned(id: FeatureId): void {
    forgetDateChanges(this.ctx.doc, 'features', id)
    const items = collectionOf(this.ctx.doc, 'items')
    for (const [itemId, item] of entityEntries(this.ctx.doc, 'items')) {
      if (item.get('featureId') === id) items.delete(itemId)
    }
  }
}

import { entityMap } from './collections.js'
import { EntityCollection } from './entity-collection.js'
import type { MilestoneInput, MilestonePatch } from './inputs.js'
import { dateOrNull } from './normalize.js'
import type { MilestoneId } from './schema.js'
import { forgetDateChanges, recordDateChange } from './slipLedger.js'
import type { DateSpan } from './slipLedger.js'

/** Milestones. A change of a milestone's date is recorded in the slip ledger. */
export class MilestoneCollection extends EntityCollection<
  'milestones',
  MilestoneInput,
  MilestonePatch
> {
  override update(id: MilestoneId, patch: MilestonePatch): boolean {
    return this.ctx.transact(() => {
      const before = this.span(id)
      if (!super.update(id, patch) || !before) return false
      recordDateChange(this.ctx, 'milestones', id, before, this.span(id)!)
      return true
    })
  }

  protected override deleteOwned(id: MilestoneId): void {
    forgetDateChanges(this.ctx.doc, 'milestones', id)
  }

  private span(id: MilestoneId): DateSpan | null {
    const map = entityMap(this.ctx.doc, 'milestones', id)
    return map ? { start: null, end: dateOrNull(map.get('date')) } : null
  }
}

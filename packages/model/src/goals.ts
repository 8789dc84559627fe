import * as Y from 'yjs'
import { entityMap } from './collections.js'
import { RankedCollection } from './ranked-collection.js'
import { DESCRIPTION, descriptionOf } from './rich-text.js'
import type { GoalInput, GoalPatch } from './inputs.js'
import type { Placement } from './ranked-collection.js'
import type { GoalId } from './schema.js'

export class GoalCollection extends RankedCollection<'goals', GoalInput, GoalPatch> {
  /** The goal's rich-text description; `undefined` when the goal does not exist. */
  description(id: GoalId): Y.XmlFragment | undefined {
    const map = entityMap(this.ctx.doc, 'goals', id)
    if (!map) return undefined
    const existing = map.get(DESCRIPTION)
    if (existing instanceof Y.XmlFragment) return existing
    return this.ctx.transact(() => descriptionOf(map))
  }

  protected override initialize(
    id: GoalId,
    map: Y.Map<unknown>,
    input: GoalInput & Placement<GoalId>,
  ): void {
    super.initialize(id, map, input)
    descriptionOf(map)
  }
}

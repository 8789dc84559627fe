// Ranked collections whose entities carry a rich-text description (features, goals).

import * as Y from 'yjs'
import { entityMap } from './collections.js'
import type { IdOf } from './entity-collection.js'
import { RankedCollection } from './ranked-collection.js'
import type { Placement } from './ranked-collection.js'
import { DESCRIPTION, descriptionOf } from './rich-text.js'

export class DescribedCollection<
  K extends 'features' | 'goals',
  Input extends object,
  Patch extends object,
> extends RankedCollection<K, Input, Patch> {
  /** The entity's rich-text description; `undefined` when the entity does not exist. */
  description(id: IdOf<K>): Y.XmlFragment | undefined {
    const map = entityMap(this.ctx.doc, this.kind, id)
    if (!map) return undefined
    const existing = map.get(DESCRIPTION)
    if (existing instanceof Y.XmlFragment) return existing
    return this.ctx.transact(() => descriptionOf(map))
  }

  protected override initialize(
    id: IdOf<K>,
    map: Y.Map<unknown>,
    input: Input & Placement<IdOf<K>>,
  ): void {
    super.initialize(id, map, input)
    descriptionOf(map)
  }
}

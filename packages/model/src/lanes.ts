import { RankedCollection } from './ranked-collection.js'
import type { LaneInput, LanePatch } from './inputs.js'

/** Lanes. Deleting one leaves its features in place: `problems()` reports them. */
export class LaneCollection extends RankedCollection<'lanes', LaneInput, LanePatch> {}

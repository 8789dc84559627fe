import * as Y from 'yjs'
import { entityMap } from './collections.js'
import { EntityCollection } from './entity-collection.js'
import { historyOf } from './normalize.js'
import type { IndicatorInput, IndicatorPatch } from './inputs.js'
import type { IndicatorId, IndicatorPoint } from './schema.js'

/** Key indicators. `history` is a Y.Array of `{ date, value }`, so concurrent records merge. */
export class IndicatorCollection extends EntityCollection<
  'indicators',
  IndicatorInput,
  IndicatorPatch
> {
  /**
   * Records a dated value: inserted into `history` in date order (after points of the same
   * date) and, when it is the latest point, made `current`. False when the indicator is gone.
   */
  record(id: IndicatorId, point: IndicatorPoint): boolean {
    return this.ctx.transact(() => {
      const map = entityMap(this.ctx.doc, 'indicators', id)
      if (!map) return false
      const history = historyArray(map)
      const entries = history.toArray()
      let at = entries.length
      while (at > 0 && laterThan(entries[at - 1], point.date)) at--
      history.insert(at, [{ date: point.date, value: point.value }])
      if (at === entries.length) map.set('current', point.value)
      return true
    })
  }

  protected override initialize(
    _id: IndicatorId,
    map: Y.Map<unknown>,
    input: IndicatorInput,
  ): void {
    const history = new Y.Array<unknown>()
    map.set('history', history)
    const points = historyOf(input.history ?? [])
    if (points.length > 0) {
      history.push(points.map((p) => ({ date: p.date, value: p.value })))
      if (input.current === undefined) map.set('current', points[points.length - 1]!.value)
    }
  }
}

function laterThan(entry: unknown, date: string): boolean {
  if (typeof entry !== 'object' || entry === null) return false
  const other = (entry as { date?: unknown }).date
  return typeof other === 'string' && other > date
}

/** The history Y.Array; a plain or missing history (foreign data) is converted once. */
function historyArray(map: Y.Map<unknown>): Y.Array<unknown> {
  const existing = map.get('history')
  if (existing instanceof Y.Array) return existing as Y.Array<unknown>
  const history = new Y.Array<unknown>()
  map.set('history', history)
  history.push(historyOf(existing).map((p) => ({ date: p.date, value: p.value })))
  return history
}

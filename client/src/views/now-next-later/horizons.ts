// Which column a feature sits in: its `horizon` when set, else one inferred from its
// dates and status (so a dated roadmap opens sensibly before anyone sorts it).
import type { Feature, IsoDate } from '@meridian/model'
import { addDays } from '../../lib/dates.js'

export const HORIZONS = [
  { id: 'now', label: 'Now', hint: 'In flight this cycle' },
  { id: 'next', label: 'Next', hint: 'Up after the current work' },
  { id: 'later', label: 'Later', hint: 'On the radar, not committed' },
] as const
export type Horizon = (typeof HORIZONS)[number]['id']

export function horizonOf(feature: Feature, today: IsoDate): Horizon {
  if (feature.horizon === 'now' || feature.horizon === 'next' || feature.horizon === 'later')
    return feature.horizon
  if (feature.status === 'in-progress') return 'now'
  if (feature.start && feature.start <= today) return 'now'
  if (feature.start && feature.start <= addDays(today, 90)) return 'next'
  return 'later'
}

/** Columns in backlog order; shipped (done) features only when `showDone`. */
export function groupByHorizon(
  features: readonly Feature[],
  today: IsoDate,
  showDone: boolean,
): { columns: Record<Horizon, Feature[]>; done: number } {
  const columns: Record<Horizon, Feature[]> = { now: [], next: [], later: [] }
  let done = 0
  for (const f of features) {
    if (f.status === 'cancelled') continue
    if (f.status === 'done') {
      done++
      if (!showDone) continue
    }
    columns[horizonOf(f, today)].push(f)
  }
  return { columns, done }
}

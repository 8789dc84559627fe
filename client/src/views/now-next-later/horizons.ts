// Which column a feature sits in: its `horizon` when set, else one inferred from its
// dates and status (so a dated roadmap opens sensibly before anyone sorts it).
import type { Feature, IsoDate } from '@meridian/model'
import { addDays } from '../../app/dates.js'

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

export function groupByHorizon(
  features: readonly Feature[],
  today: IsoDate,
): Record<Horizon, Feature[]> {
  const groups: Record<Horizon, Feature[]> = { now: [], next: [], later: [] }
  for (const f of features) {
    if (f.status === 'cancelled') continue
    groups[horizonOf(f, today)].push(f)
  }
  return groups
}

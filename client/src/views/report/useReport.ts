// The stakeholder report: the model's progress report plus what changed recently. The
// model keeps no change log, so "recent" is what carries its own date: items accepted
// (acceptedAt) and indicator values recorded (history dates) in the last 7 days.
import { useMemo } from 'react'
import { addDays, dayOfTimestamp, deriveReport } from '@meridian/model'
import type { FeatureId, IndicatorId, IsoDate, ItemId, RoadmapData } from '@meridian/model'
import { useStatusHints } from '../planning/useStatusHints.js'

export const RECENT_DAYS = 7

export interface RecentAcceptance {
  kind: 'accepted'
  id: ItemId
  date: IsoDate
  title: string
  featureId: FeatureId
  featureTitle: string
  by: string | null
}

export interface RecentRecord {
  kind: 'recorded'
  id: string
  date: IsoDate
  indicatorId: IndicatorId
  name: string
  unit: string
  value: number
}

export type RecentChange = RecentAcceptance | RecentRecord

function recentChanges(data: RoadmapData, today: IsoDate): RecentChange[] {
  const since = addDays(today, -RECENT_DAYS)
  const features = new Map(data.features.map((f) => [f.id as string, f.title]))
  const changes: RecentChange[] = []
  for (const item of data.items) {
    const date = dayOfTimestamp(item.acceptedAt)
    if (item.status !== 'done' || !date || date < since || date > today) continue
    changes.push({
      kind: 'accepted',
      id: item.id,
      date,
      title: item.title,
      featureId: item.featureId,
      featureTitle: features.get(item.featureId) ?? 'Deleted feature',
      by: item.acceptedBy,
    })
  }
  for (const indicator of data.indicators) {
    indicator.history.forEach((point, i) => {
      if (point.date < since || point.date > today) return
      changes.push({
        kind: 'recorded',
        id: `${indicator.id}:${i}`,
        date: point.date,
        indicatorId: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        value: point.value,
      })
    })
  }
  return changes.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
}

export function useReport(data: RoadmapData, today: IsoDate) {
  const report = useMemo(() => deriveReport(data, today), [data, today])
  const recent = useMemo(() => recentChanges(data, today), [data, today])
  const hints = useStatusHints(data, today)
  return { report, recent, hints }
}

// What the timeline shows on each bar beyond the feature itself: progress (from the
// derived backlog), late, dependency conflicts, open risks. Pure, from the snapshot.
import { checkSchedule, deriveBacklog } from '@meridian/model'
import type { FeatureId, IsoDate, RoadmapData } from '@meridian/model'

export interface FeatureFacts {
  progress: number
  late: boolean
  daysLate: number
  blocked: boolean
  openRisks: number
}

export interface Facts {
  byFeature: Map<FeatureId, FeatureFacts>
  /** `${featureId}>${dependsOnId}` for dependencies drawn in conflict. */
  conflicts: Set<string>
}

const EMPTY: FeatureFacts = { progress: 0, late: false, daysLate: 0, blocked: false, openRisks: 0 }

export function featureFacts(facts: Facts, id: FeatureId): FeatureFacts {
  return facts.byFeature.get(id) ?? EMPTY
}

export function computeFacts(data: RoadmapData, today: IsoDate): Facts {
  const backlog = deriveBacklog(data, today)
  const schedule = checkSchedule(data, today)
  const byFeature = new Map<FeatureId, FeatureFacts>()
  for (const entry of backlog.entries) {
    byFeature.set(entry.featureId, { progress: entry.progress, late: entry.flags.late, daysLate: 0, blocked: entry.flags.blocked, openRisks: 0 })
  }
  for (const late of schedule.late) {
    const f = byFeature.get(late.featureId)
    if (f) {
      f.late = true
      f.daysLate = late.daysLate
    }
  }
  for (const risk of data.risks) {
    if (risk.status === 'closed') continue
    for (const id of risk.featureIds) {
      const f = byFeature.get(id)
      if (f) f.openRisks++
    }
  }
  const conflicts = new Set(schedule.conflicts.map((c) => `${c.featureId}>${c.dependsOnId}`))
  return { byFeature, conflicts }
}

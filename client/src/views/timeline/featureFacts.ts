// What the timeline shows on each bar beyond the feature itself: progress, late,
// dependency conflicts, open risks. Pure, from the snapshot, cached per snapshot.
//
// These follow the model's documented rules (progress is `progressOf`, the same function
// deriveBacklog uses; late and conflicts as in checkSchedule: live features only, dates
// inclusive) but skip the resource-load tables the full derivations also build: on the
// 2,000-feature roadmap deriveBacklog + checkSchedule take ~0.5 s, this takes a few ms.
import { progressOf, statusHintOf } from '@meridian/model'
import type { Feature, FeatureId, IsoDate, Item, RoadmapData, StatusHint } from '@meridian/model'
import { diffDays } from '../../lib/dates.js'

export interface FeatureFacts {
  progress: number
  /** The model's status prompt (`statusHintOf`), as the backlog shows it. */
  statusHint: StatusHint | null
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

const EMPTY: FeatureFacts = {
  progress: 0,
  statusHint: null,
  late: false,
  daysLate: 0,
  blocked: false,
  openRisks: 0,
}

export function featureFacts(facts: Facts, id: FeatureId): FeatureFacts {
  return facts.byFeature.get(id) ?? EMPTY
}

const live = (f: Feature) => f.status === 'planned' || f.status === 'in-progress'
const dated = (f: Feature): f is Feature & { start: string; end: string } =>
  Boolean(f.start && f.end && f.start <= f.end)

const cache = new WeakMap<RoadmapData, { today: IsoDate; facts: Facts }>()

export function computeFacts(data: RoadmapData, today: IsoDate): Facts {
  const hit = cache.get(data)
  if (hit && hit.today === today) return hit.facts
  const itemsByFeature = new Map<FeatureId, Item[]>()
  for (const item of data.items) {
    let list = itemsByFeature.get(item.featureId)
    if (!list) itemsByFeature.set(item.featureId, (list = []))
    list.push(item)
  }
  const byId = new Map(data.features.map((f) => [f.id, f]))
  const byFeature = new Map<FeatureId, FeatureFacts>()
  const conflicts = new Set<string>()
  for (const f of data.features) {
    const late = live(f) && dated(f) && f.end < today
    let blocked = false
    if (live(f) && dated(f)) {
      for (const depId of f.dependsOn) {
        const dep = byId.get(depId)
        if (!dep || dep.id === f.id || !live(dep) || !dated(dep)) continue
        if (dep.end >= f.start) {
          blocked = true
          conflicts.add(`${f.id}>${dep.id}`)
        }
      }
    }
    byFeature.set(f.id, {
      progress: progressOf(f.status, itemsByFeature.get(f.id) ?? []).progress,
      statusHint: statusHintOf(f.status, itemsByFeature.get(f.id) ?? []),
      late,
      daysLate: late && f.end ? diffDays(today, f.end) : 0,
      blocked,
      openRisks: 0,
    })
  }
  for (const risk of data.risks) {
    if (risk.status === 'closed') continue
    for (const id of risk.featureIds) {
      const facts = byFeature.get(id)
      if (facts) facts.openRisks++
    }
  }
  const facts = { byFeature, conflicts }
  cache.set(data, { today, facts })
  return facts
}

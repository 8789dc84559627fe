// Schedule checks: dependency conflicts and cycles, late features, resource load per week.
//
// Rules (the contract the backlog flags and the report build on; DERIVATIONS.md):
// - Dates are inclusive: a feature runs from the first moment of `start` to the last of
//   `end`. A feature with a missing, invalid or inverted date is undated and takes no
//   part in conflicts, lateness or load.
// - Only live features (planned, in-progress) conflict or run late: a done dependency no
//   longer blocks anything, a cancelled one is out of the plan.
// - A conflict: a live feature starts on or before the last day of a live dependency.
//   `overlapDays` counts the days it starts too early (dependency ends the day the
//   feature starts: 1).
// - Cycles: see dependencyCycles.ts. Load: see load.ts.

import { diffDays, parseIsoDate } from './dates.js'
import { dependsOnIds, findCycles } from './dependencyCycles.js'
import type { RoadmapSource } from './deriveCommon.js'
import { compareStrings, dataOf, orderFeatures, windowOf } from './deriveCommon.js'
import { computeLoad, resourceLoads } from './load.js'
import type { ResourceLoad } from './load.js'
import type { Feature, FeatureId, IsoDate, ResourceId } from './schema.js'

export interface ScheduleConflict {
  featureId: FeatureId
  dependsOnId: FeatureId
  /** Days the feature starts before its dependency is over (≥ 1). */
  overlapDays: number
}

export interface LateFeature {
  featureId: FeatureId
  title: string
  end: IsoDate
  /** Days since `end` (≥ 1). */
  daysLate: number
}

export interface Overload {
  resourceId: ResourceId
  name: string
  week: IsoDate
  load: number
  capacity: number
  featureIds: FeatureId[]
}

export interface ScheduleCheck {
  today: IsoDate
  /** In backlog order of the dependent feature, then of the dependency. */
  conflicts: ScheduleConflict[]
  /** Sorted by their first id, then length. */
  cycles: FeatureId[][]
  /** Most overdue first. */
  late: LateFeature[]
  /** Every resource, in the roadmap's resource order. */
  load: ResourceLoad[]
  /** By week, then resource order. */
  overloaded: Overload[]
}

export function checkSchedule(source: RoadmapSource, today: IsoDate): ScheduleCheck {
  assertToday(today)
  const data = dataOf(source)
  const ordered = orderFeatures(data.features, data.lanes)
  const table = computeLoad(data, ordered)
  const load = resourceLoads(data, table)
  const overloaded: Overload[] = []
  for (const resource of load) {
    for (const week of resource.weeks) {
      if (week.overloaded && resource.capacity !== null) {
        overloaded.push({
          resourceId: resource.resourceId,
          name: resource.name,
          week: week.week,
          load: week.load,
          capacity: resource.capacity,
          featureIds: week.featureIds,
        })
      }
    }
  }
  // Stable sort keeps the resource order within a week.
  overloaded.sort((a, b) => compareStrings(a.week, b.week))
  return {
    today,
    conflicts: findConflicts(ordered),
    cycles: findCycles(data.features),
    late: findLate(ordered, today),
    load,
    overloaded,
  }
}

export function assertToday(today: IsoDate): void {
  if (parseIsoDate(today) === null) {
    throw new RangeError(`today must be an ISO date (YYYY-MM-DD): ${JSON.stringify(today)}`)
  }
}

/** Planned or in progress: the features a schedule still has to deliver. */
export function isLiveFeature(feature: Feature): boolean {
  return feature.status === 'planned' || feature.status === 'in-progress'
}

export function findConflicts(ordered: readonly Feature[]): ScheduleConflict[] {
  const position = new Map(ordered.map((feature, index) => [feature.id, index]))
  const conflicts: ScheduleConflict[] = []
  for (const feature of ordered) {
    const window = windowOf(feature)
    if (!isLiveFeature(feature) || window === null) continue
    const dependencies = [...dependsOnIds(feature)]
      .filter((id) => id !== feature.id && position.has(id))
      .sort((a, b) => position.get(a)! - position.get(b)!)
      .map((id) => ordered[position.get(id)!])
    for (const dependency of dependencies) {
      const depWindow = windowOf(dependency)
      if (!isLiveFeature(dependency) || depWindow === null) continue
      if (depWindow.end >= window.start) {
        conflicts.push({
          featureId: feature.id,
          dependsOnId: dependency.id,
          overlapDays: diffDays(depWindow.end, window.start) + 1,
        })
      }
    }
  }
  return conflicts
}

export function findLate(ordered: readonly Feature[], today: IsoDate): LateFeature[] {
  const late: LateFeature[] = []
  for (const feature of ordered) {
    const window = windowOf(feature)
    if (!isLiveFeature(feature) || window === null || window.end >= today) continue
    late.push({
      featureId: feature.id,
      title: feature.title,
      end: window.end,
      daysLate: diffDays(today, window.end),
    })
  }
  // Stable: equally late features keep backlog order.
  return late.sort((a, b) => b.daysLate - a.daysLate)
}

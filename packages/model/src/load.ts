// Resource load per ISO week (named by its Monday), in estimate units:
// - every dated feature that is not cancelled counts (the plan, done work included, so
//   past weeks keep their history);
// - an item's estimate goes to its assignee;
// - what a feature's own `estimate` exceeds the sum of its items' estimates goes, in
//   equal shares, to the feature's `resourceIds` (work planned but not yet broken down
//   into items still occupies the people and teams on it);
// - each is spread over the working days (Mon–Fri) of the feature's window, so a week
//   carries load in proportion to the working days the feature has in it.
// A week is overloaded when its load exceeds the resource's capacity. A resource without
// a capacity never is; an unknown assignee id carries no load (it is reported as a
// dangling reference).

import {
  compareStrings,
  orderFeatures,
  quantity,
  round,
  windowOf,
  workingDaysByWeek,
} from './deriveCommon.js'
import type {
  Feature,
  FeatureId,
  IsoDate,
  ResourceId,
  ResourceKind,
  RoadmapData,
} from './schema.js'

export interface WeekLoad {
  /** Monday of the ISO week. */
  week: IsoDate
  load: number
  capacity: number | null
  overloaded: boolean
  /** Features that put load on this week, in backlog order. */
  featureIds: FeatureId[]
}

export interface ResourceLoad {
  resourceId: ResourceId
  name: string
  kind: ResourceKind
  capacity: number | null
  /** Weeks with load, in date order. */
  weeks: WeekLoad[]
}

interface LoadCell {
  load: number
  featureIds: Set<FeatureId>
}

/** resource id → week → load. Only known resources appear. */
export type LoadTable = Map<ResourceId, Map<IsoDate, LoadCell>>

/** The load model described at the top of this file. `ordered` is in backlog order. */
export function computeLoad(data: RoadmapData, ordered: readonly Feature[]): LoadTable {
  const resources = new Set(data.resources.map((resource) => resource.id))
  const itemsByFeature = new Map<FeatureId, RoadmapData['items']>()
  for (const item of data.items) {
    const list = itemsByFeature.get(item.featureId)
    if (list) list.push(item)
    else itemsByFeature.set(item.featureId, [item])
  }
  const table: LoadTable = new Map()
  const add = (
    resourceId: ResourceId,
    feature: Feature,
    days: Map<IsoDate, number>,
    total: number,
    amount: number,
  ) => {
    if (!resources.has(resourceId) || amount <= 0) return
    let weeks = table.get(resourceId)
    if (!weeks) {
      weeks = new Map()
      table.set(resourceId, weeks)
    }
    for (const [week, count] of days) {
      let cell = weeks.get(week)
      if (!cell) {
        cell = { load: 0, featureIds: new Set() }
        weeks.set(week, cell)
      }
      cell.load += (amount * count) / total
      cell.featureIds.add(feature.id)
    }
  }
  for (const feature of ordered) {
    const window = windowOf(feature)
    if (feature.status === 'cancelled' || window === null) continue
    const days = workingDaysByWeek(window)
    let total = 0
    for (const count of days.values()) total += count
    let itemTotal = 0
    for (const item of itemsByFeature.get(feature.id) ?? []) {
      const estimate = quantity(item.estimate) ?? 0
      itemTotal += estimate
      if (item.assigneeId) add(item.assigneeId, feature, days, total, estimate)
    }
    const remainder = (quantity(feature.estimate) ?? 0) - itemTotal
    const owners = [...new Set(Array.isArray(feature.resourceIds) ? feature.resourceIds : [])]
    if (remainder > 0 && owners.length > 0) {
      for (const owner of owners) add(owner, feature, days, total, remainder / owners.length)
    }
  }
  return table
}

/** Whether `resourceId` carries more than its capacity in any of `weeks`. */
export function overloadedIn(
  table: LoadTable,
  capacity: number | null,
  resourceId: ResourceId,
  weeks: Iterable<IsoDate>,
): boolean {
  if (capacity === null) return false
  const row = table.get(resourceId)
  if (!row) return false
  for (const week of weeks) {
    const cell = row.get(week)
    if (cell && round(cell.load) > capacity) return true
  }
  return false
}

export function resourceLoads(data: RoadmapData, table: LoadTable): ResourceLoad[] {
  const featureRank = new Map(
    orderFeatures(data.features, data.lanes).map((feature, index) => [feature.id, index]),
  )
  return data.resources.map((resource) => {
    const capacity = quantity(resource.capacity)
    const row = table.get(resource.id) ?? new Map<IsoDate, LoadCell>()
    const weeks = [...row.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([week, cell]): WeekLoad => {
        const load = round(cell.load)
        return {
          week,
          load,
          capacity,
          overloaded: capacity !== null && load > capacity,
          featureIds: [...cell.featureIds].sort(
            (a, b) => (featureRank.get(a) ?? 0) - (featureRank.get(b) ?? 0),
          ),
        }
      })
    return {
      resourceId: resource.id,
      name: resource.name,
      kind: resource.kind,
      capacity,
      weeks,
    }
  })
}

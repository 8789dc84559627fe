// Schedule checks: dependency conflicts and cycles, late features, resource load per week.
//
// Rules (the contract the backlog flags and the report build on):
// - Dates are inclusive: a feature runs from the first moment of `start` to the last of
//   `end`. A feature with a missing, invalid or inverted date is undated and takes no
//   part in conflicts, lateness or load.
// - Only live features (planned, in-progress) conflict or run late: a done dependency no
//   longer blocks anything, a cancelled one is out of the plan.
// - A conflict: a live feature starts on or before the last day of a live dependency.
//   `overlapDays` counts the days it starts too early (dependency ends the day the
//   feature starts: 1).
// - A cycle: features that (transitively) depend on themselves, whatever their status.
//   Each elementary cycle is listed once, rotated to start at its smallest id and
//   following `dependsOn` (`[a, b]`: a depends on b, b depends on a).
// - Load, in estimate units per ISO week (Monday date), from every dated feature that
//   is not cancelled (the plan, done work included, so past weeks keep their history):
//   - an item's estimate goes to its assignee;
//   - what a feature's own `estimate` exceeds the sum of its items' estimates goes, in
//     equal shares, to the feature's `resourceIds` (work planned but not yet broken
//     down into items still occupies the people and teams on it);
//   - each is spread over the working days (Mon–Fri) of the feature's window, so a week
//     carries load in proportion to the working days the feature has in it.
// - Overloaded: a week whose load exceeds the resource's capacity. A resource without a
//   capacity is never overloaded; an unknown assignee id carries no load (it is
//   reported as a dangling reference).

import { diffDays, parseIsoDate } from './dates.js'
import type { RoadmapSource } from './deriveCommon.js'
import {
  compareStrings,
  dataOf,
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

/** The distinct ids a feature depends on (tolerant of a non-array field). */
export function dependsOnIds(feature: Feature): Set<FeatureId> {
  return new Set(Array.isArray(feature.dependsOn) ? feature.dependsOn : [])
}

/** Most elementary cycles listed; beyond that a pathological graph is cut short. */
export const MAX_CYCLES = 100
const CYCLE_SEARCH_BUDGET = 200_000

/**
 * Elementary cycles of the `dependsOn` graph (dangling ids ignored). Searches only inside
 * strongly connected components, starting each search from the component's ids in order
 * and visiting only larger ids, so each cycle is found once, already in canonical
 * rotation.
 */
export function findCycles(features: readonly Feature[]): FeatureId[][] {
  const graph = dependencyGraph(features)
  const cycles: FeatureId[][] = []
  let budget = CYCLE_SEARCH_BUDGET
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component)
    const sorted = [...component].sort(compareStrings)
    for (const origin of sorted) {
      // Depth-first over explicit frames: a long chain must not overflow the stack.
      const path: FeatureId[] = [origin]
      const onPath = new Set<FeatureId>([origin])
      const frames: { edges: FeatureId[]; next: number }[] = [
        { edges: graph.get(origin) ?? [], next: 0 },
      ]
      while (frames.length > 0 && cycles.length < MAX_CYCLES && budget > 0) {
        const frame = frames[frames.length - 1]
        if (frame.next >= frame.edges.length) {
          frames.pop()
          onPath.delete(path.pop()!)
          continue
        }
        const next = frame.edges[frame.next]
        frame.next += 1
        budget -= 1
        if (next === origin) {
          cycles.push([...path])
        } else if (members.has(next) && next > origin && !onPath.has(next)) {
          path.push(next)
          onPath.add(next)
          frames.push({ edges: graph.get(next) ?? [], next: 0 })
        }
      }
    }
  }
  return cycles.sort(
    (a, b) =>
      compareStrings(a[0], b[0]) || a.length - b.length || compareStrings(a.join(), b.join()),
  )
}

/** Ids of every feature on some dependency cycle (self-dependency included). */
export function featuresInCycles(features: readonly Feature[]): Set<FeatureId> {
  const graph = dependencyGraph(features)
  const inCycle = new Set<FeatureId>()
  for (const component of stronglyConnected(graph)) for (const id of component) inCycle.add(id)
  return inCycle
}

function dependencyGraph(features: readonly Feature[]): Map<FeatureId, FeatureId[]> {
  const known = new Set(features.map((feature) => feature.id))
  const graph = new Map<FeatureId, FeatureId[]>()
  const sorted = [...features].sort((a, b) => compareStrings(a.id, b.id))
  for (const feature of sorted) {
    const targets = [...dependsOnIds(feature)].filter((id) => known.has(id)).sort(compareStrings)
    graph.set(feature.id, targets)
  }
  return graph
}

/**
 * Tarjan's strongly connected components, iterative (a long dependency chain must not
 * overflow the stack). Returns only components that hold a cycle: more than one node,
 * or one node that depends on itself.
 */
function stronglyConnected(graph: Map<FeatureId, FeatureId[]>): FeatureId[][] {
  const index = new Map<FeatureId, number>()
  const low = new Map<FeatureId, number>()
  const stack: FeatureId[] = []
  const onStack = new Set<FeatureId>()
  const components: FeatureId[][] = []
  let counter = 0
  for (const root of graph.keys()) {
    if (index.has(root)) continue
    const work: { node: FeatureId; next: number }[] = [{ node: root, next: 0 }]
    index.set(root, counter)
    low.set(root, counter)
    counter += 1
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      const edges = graph.get(frame.node) ?? []
      if (frame.next < edges.length) {
        const target = edges[frame.next]
        frame.next += 1
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter)
          counter += 1
          stack.push(target)
          onStack.add(target)
          work.push({ node: target, next: 0 })
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!))
        }
        continue
      }
      work.pop()
      if (work.length > 0) {
        const parent = work[work.length - 1].node
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!))
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: FeatureId[] = []
        let member: FeatureId
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfLoop = component.length === 1 && edges.includes(frame.node)
        if (component.length > 1 || selfLoop) components.push(component)
      }
    }
  }
  return components
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

function resourceLoads(data: RoadmapData, table: LoadTable): ResourceLoad[] {
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

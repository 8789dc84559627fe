// Dependency cycles of the `dependsOn` graph. A feature on a cycle can never start after
// all its dependencies end: the backlog flags it blocked and the schedule lists the cycle.

import { compareStrings } from './deriveCommon.js'
import type { Feature, FeatureId } from './schema.js'

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

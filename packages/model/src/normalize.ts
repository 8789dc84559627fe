// Tolerant reads of one entity map: whatever a peer wrote (a missing field, a number where
// a string belongs, a newer client's value outside the vocabulary), the result is a
// well-typed entity with defaults filled in. Never throws.

import * as Y from 'yjs'
import { isIsoDate } from './dates.js'
import {
  DIRECTION,
  FEATURE_STATUS,
  GOAL_STATUS,
  HEALTH,
  ITEM_STATUS,
  MILESTONE_STATUS,
  RESOURCE_KIND,
  RISK_STATUS,
} from './schema.js'
import type {
  EntityByKind,
  EntityKind,
  Feature,
  FeatureId,
  Goal,
  GoalId,
  Indicator,
  IndicatorId,
  IndicatorPoint,
  IsoDate,
  Item,
  ItemId,
  Lane,
  LaneId,
  Milestone,
  MilestoneId,
  Resource,
  ResourceId,
  Risk,
  RiskId,
} from './schema.js'

/** Something with a `get(key)`: a `Y.Map` entity, or a plain object wrapped by `fieldsOf`. */
export interface FieldSource {
  get(key: string): unknown
}

export const DEFAULT_LANE_COLOR = '#64748b'
export const DEFAULT_RISK_SCORE = 3
const HORIZONS = ['now', 'next', 'later'] as const

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

export function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

export function idOrNull<T extends string>(value: unknown): T | null {
  return typeof value === 'string' && value !== '' ? (value as T) : null
}

export function numOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function dateOrNull(value: unknown): IsoDate | null {
  return isIsoDate(value) ? value : null
}

export function oneOf<T extends string>(
  vocabulary: Record<string, T>,
  value: unknown,
  fallback: T,
): T {
  const values: readonly string[] = Object.values(vocabulary)
  return typeof value === 'string' && values.includes(value) ? (value as T) : fallback
}

/** A list of ids from a plain array or a `Y.Array`: strings only, first occurrence kept. */
export function idList<T extends string>(value: unknown): T[] {
  const raw = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : []
  const seen = new Set<string>()
  const ids: T[] = []
  for (const entry of raw) {
    if (typeof entry === 'string' && entry !== '' && !seen.has(entry)) {
      seen.add(entry)
      ids.push(entry as T)
    }
  }
  return ids
}

function score(value: unknown): number {
  const n = numOrNull(value)
  if (n === null) return DEFAULT_RISK_SCORE
  return Math.min(5, Math.max(1, Math.round(n)))
}

/** Indicator history: valid `{ date, value }` points in date order (stable for equal dates). */
export function historyOf(value: unknown): IndicatorPoint[] {
  const raw: unknown[] =
    value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : []
  const points: IndicatorPoint[] = []
  for (const entry of raw) {
    const plain = entry instanceof Y.Map ? entry.toJSON() : entry
    if (typeof plain !== 'object' || plain === null) continue
    const { date, value: v } = plain as { date?: unknown; value?: unknown }
    const n = numOrNull(v)
    if (isIsoDate(date) && n !== null) points.push({ date, value: n })
  }
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) =>
      a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index,
    )
    .map(({ point }) => point)
}

export function normalizeLane(id: string, m: FieldSource): Lane {
  const lane: Lane = {
    id: id as LaneId,
    name: str(m.get('name')),
    color: str(m.get('color'), DEFAULT_LANE_COLOR) || DEFAULT_LANE_COLOR,
    rank: str(m.get('rank')),
  }
  const collapsed = m.get('collapsed')
  if (typeof collapsed === 'boolean') lane.collapsed = collapsed
  return lane
}

export function normalizeFeature(id: string, m: FieldSource): Feature {
  const feature: Feature = {
    id: id as FeatureId,
    laneId: str(m.get('laneId')) as LaneId,
    title: str(m.get('title')),
    start: dateOrNull(m.get('start')),
    end: dateOrNull(m.get('end')),
    status: oneOf(FEATURE_STATUS, m.get('status'), FEATURE_STATUS.planned),
    health: oneOf(HEALTH, m.get('health'), HEALTH.onTrack),
    rank: str(m.get('rank')),
    goalIds: idList<GoalId>(m.get('goalIds')),
    resourceIds: idList<ResourceId>(m.get('resourceIds')),
    dependsOn: idList<FeatureId>(m.get('dependsOn')),
    estimate: numOrNull(m.get('estimate')),
    reach: numOrNull(m.get('reach')),
    impact: numOrNull(m.get('impact')),
    confidence: numOrNull(m.get('confidence')),
    effort: numOrNull(m.get('effort')),
  }
  const horizon = m.get('horizon')
  if (
    horizon === null ||
    (typeof horizon === 'string' && (HORIZONS as readonly string[]).includes(horizon))
  ) {
    feature.horizon = horizon as Feature['horizon']
  }
  return feature
}

export function normalizeMilestone(id: string, m: FieldSource): Milestone {
  return {
    id: id as MilestoneId,
    title: str(m.get('title')),
    date: dateOrNull(m.get('date')),
    laneId: idOrNull<LaneId>(m.get('laneId')),
    status: oneOf(MILESTONE_STATUS, m.get('status'), MILESTONE_STATUS.upcoming),
  }
}

export function normalizeGoal(id: string, m: FieldSource): Goal {
  return {
    id: id as GoalId,
    title: str(m.get('title')),
    rank: str(m.get('rank')),
    status: oneOf(GOAL_STATUS, m.get('status'), GOAL_STATUS.active),
  }
}

export function normalizeIndicator(id: string, m: FieldSource): Indicator {
  return {
    id: id as IndicatorId,
    name: str(m.get('name')),
    unit: str(m.get('unit')),
    baseline: numOrNull(m.get('baseline')),
    target: numOrNull(m.get('target')),
    current: numOrNull(m.get('current')),
    direction: oneOf(DIRECTION, m.get('direction'), DIRECTION.increase),
    goalId: idOrNull<GoalId>(m.get('goalId')),
    history: historyOf(m.get('history')),
  }
}

export function normalizeRisk(id: string, m: FieldSource): Risk {
  return {
    id: id as RiskId,
    title: str(m.get('title')),
    likelihood: score(m.get('likelihood')),
    impact: score(m.get('impact')),
    status: oneOf(RISK_STATUS, m.get('status'), RISK_STATUS.open),
    ownerId: idOrNull<ResourceId>(m.get('ownerId')),
    mitigation: str(m.get('mitigation')),
    featureIds: idList<FeatureId>(m.get('featureIds')),
  }
}

export function normalizeResource(id: string, m: FieldSource): Resource {
  return {
    id: id as ResourceId,
    name: str(m.get('name')),
    kind: oneOf(RESOURCE_KIND, m.get('kind'), RESOURCE_KIND.person),
    role: str(m.get('role')),
    capacity: numOrNull(m.get('capacity')),
  }
}

export function normalizeItem(id: string, m: FieldSource): Item {
  return {
    id: id as ItemId,
    featureId: str(m.get('featureId')) as FeatureId,
    title: str(m.get('title')),
    status: oneOf(ITEM_STATUS, m.get('status'), ITEM_STATUS.todo),
    assigneeId: idOrNull<ResourceId>(m.get('assigneeId')),
    estimate: numOrNull(m.get('estimate')),
    rank: str(m.get('rank')),
    acceptedAt: strOrNull(m.get('acceptedAt')),
    acceptedBy: strOrNull(m.get('acceptedBy')),
  }
}

type Normalizers = { [K in EntityKind]: (id: string, m: FieldSource) => EntityByKind[K] }

export const NORMALIZE: Normalizers = {
  lanes: normalizeLane,
  features: normalizeFeature,
  milestones: normalizeMilestone,
  goals: normalizeGoal,
  indicators: normalizeIndicator,
  risks: normalizeRisk,
  resources: normalizeResource,
  items: normalizeItem,
}

/** Wraps a plain object so a normalizer can read it like a `Y.Map`. */
export function fieldsOf(record: Record<string, unknown>): FieldSource {
  return {
    get: (key) => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined),
  }
}

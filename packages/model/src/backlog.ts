// The derived product backlog (DERIVATIONS.md): one entry per feature
// that is not cancelled, in backlog order, with its items, progress, risk and schedule
// flags. Pure: the client's backlog view and the server's /backlog answer are this.

import type { RoadmapSource } from './deriveCommon.js'
import {
  compareStrings,
  dataOf,
  isLiveRisk,
  orderFeatures,
  quantity,
  riskScore,
  RISK_SEVERITY_MIN_SCORE,
  round,
  windowOf,
  workingDaysByWeek,
} from './deriveCommon.js'
import { dependsOnIds, featuresInCycles } from './dependencyCycles.js'
import { computeLoad, overloadedIn } from './load.js'
import { assertToday, findConflicts, isLiveFeature } from './schedule.js'
import { statusHintOf } from './featureStatus.js'
import type { StatusHint } from './featureStatus.js'
import type {
  Feature,
  FeatureId,
  FeatureStatus,
  GoalId,
  Health,
  IsoDate,
  Item,
  ItemId,
  ItemStatus,
  LaneId,
  ResourceId,
  RiskId,
} from './schema.js'

export interface BacklogItem {
  id: ItemId
  title: string
  status: ItemStatus
  assigneeId: ResourceId | null
  /** The assignee's name; `null` when unassigned or the resource is gone. */
  assigneeName: string | null
  /** `null` when missing, negative or not a number. */
  estimate: number | null
  rank: string
  acceptedAt: string | null
  acceptedBy: string | null
}

export interface BacklogRisk {
  riskId: RiskId
  title: string
  /** likelihood × impact, 1–25. */
  score: number
}

export interface BacklogFlags {
  /** The end date has passed and the feature is not done. */
  late: boolean
  /** A dependency (planned or in progress) ends on or after this feature's start, or the feature is on a dependency cycle. */
  blocked: boolean
  /** A resource on it carries more than its capacity in a week of its window. */
  overloaded: boolean
  /** Its worst open or mitigating risk is high or critical (score ≥ 10). */
  risky: boolean
  /** It refers to something that no longer exists (see `danglingRefs`). */
  dangling: boolean
}

export interface DanglingRef {
  field: 'laneId' | 'goalIds' | 'resourceIds' | 'dependsOn' | 'items.assigneeId'
  missingId: string
}

export interface Rice {
  reach: number | null
  impact: number | null
  confidence: number | null
  effort: number | null
  /**
   * reach × impact × confidence ÷ effort, to 2 decimals; `null` unless all four are set
   * and effort > 0. A confidence above 1 is read as a percentage (80 = 0.8).
   */
  score: number | null
}

export interface BacklogEntry {
  featureId: FeatureId
  title: string
  laneId: LaneId
  /** `null` when the lane is gone (a dangling reference). */
  laneName: string | null
  start: IsoDate | null
  end: IsoDate | null
  status: FeatureStatus
  health: Health
  goalIds: GoalId[]
  goals: { id: GoalId; title: string | null }[]
  rank: string
  /** The feature's own estimate (work not yet broken into items counts in the load). */
  estimate: number | null
  items: BacklogItem[]
  /** Sum of the items' estimates. */
  totalEstimate: number
  /** Sum of the done items' estimates. */
  doneEstimate: number
  /**
   * 0..1. Done feature: 1. Else done estimate ÷ total estimate when the items carry
   * estimates (items without one then do not count), else done items ÷ items, else 0.
   */
  progress: number
  /** When the items say something the status does not: the prompt every view shows (`statusHintOf`). */
  statusHint: StatusHint | null
  /** Item assignees in item order, then the feature's own resources. */
  assigneeIds: ResourceId[]
  assignees: { id: ResourceId; name: string | null }[]
  worstRisk: BacklogRisk | null
  flags: BacklogFlags
  danglingRefs: DanglingRef[]
  rice: Rice
}

export interface Backlog {
  title: string
  today: IsoDate
  entries: BacklogEntry[]
  /** Items whose feature no longer exists: kept visible so they can be re-homed. */
  orphanItems: (BacklogItem & { featureId: FeatureId })[]
}

export function deriveBacklog(source: RoadmapSource, today: IsoDate): Backlog {
  assertToday(today)
  const data = dataOf(source)
  const ordered = orderFeatures(data.features, data.lanes)
  const lanes = new Map(data.lanes.map((lane) => [lane.id, lane]))
  const goals = new Map(data.goals.map((goal) => [goal.id, goal]))
  const resources = new Map(data.resources.map((resource) => [resource.id, resource]))
  const featureIds = new Set(data.features.map((feature) => feature.id))

  const itemsByFeature = new Map<FeatureId, Item[]>()
  const orphans: Item[] = []
  for (const item of data.items) {
    if (!featureIds.has(item.featureId)) {
      orphans.push(item)
      continue
    }
    const list = itemsByFeature.get(item.featureId)
    if (list) list.push(item)
    else itemsByFeature.set(item.featureId, [item])
  }

  const risksByFeature = new Map<FeatureId, BacklogRisk[]>()
  for (const risk of data.risks) {
    if (!isLiveRisk(risk)) continue
    const entry = { riskId: risk.id, title: risk.title, score: riskScore(risk) }
    for (const featureId of new Set(risk.featureIds)) {
      const list = risksByFeature.get(featureId)
      if (list) list.push(entry)
      else risksByFeature.set(featureId, [entry])
    }
  }

  const blockedBy = new Set(findConflicts(ordered).map((conflict) => conflict.featureId))
  const inCycle = featuresInCycles(data.features)
  const load = computeLoad(data, ordered)

  const toItem = (item: Item): BacklogItem => ({
    id: item.id,
    title: item.title,
    status: item.status,
    assigneeId: item.assigneeId,
    assigneeName: item.assigneeId ? (resources.get(item.assigneeId)?.name ?? null) : null,
    estimate: quantity(item.estimate),
    rank: item.rank,
    acceptedAt: item.acceptedAt,
    acceptedBy: item.acceptedBy,
  })

  const entries = ordered
    .filter((feature) => feature.status !== 'cancelled')
    .map((feature): BacklogEntry => {
      const items = sortItems(itemsByFeature.get(feature.id) ?? []).map(toItem)
      const { totalEstimate, doneEstimate, progress } = progressOf(feature.status, items)

      const assigneeIds = distinct([
        ...items.flatMap((item) => (item.assigneeId ? [item.assigneeId] : [])),
        ...feature.resourceIds,
      ])

      const danglingRefs: DanglingRef[] = []
      if (!lanes.has(feature.laneId))
        danglingRefs.push({ field: 'laneId', missingId: feature.laneId })
      for (const id of feature.goalIds)
        if (!goals.has(id)) danglingRefs.push({ field: 'goalIds', missingId: id })
      for (const id of feature.resourceIds) {
        if (!resources.has(id)) danglingRefs.push({ field: 'resourceIds', missingId: id })
      }
      for (const id of dependsOnIds(feature)) {
        if (!featureIds.has(id)) danglingRefs.push({ field: 'dependsOn', missingId: id })
      }
      for (const id of distinct(
        items.flatMap((item) => (item.assigneeId ? [item.assigneeId] : [])),
      )) {
        if (!resources.has(id)) danglingRefs.push({ field: 'items.assigneeId', missingId: id })
      }

      const worstRisk = worst(risksByFeature.get(feature.id) ?? [])
      const window = windowOf(feature)
      const live = isLiveFeature(feature)
      const weeks = featureWeeks(feature)
      const overloaded =
        live &&
        assigneeIds.some((id) =>
          overloadedIn(load, quantity(resources.get(id)?.capacity), id, weeks),
        )

      return {
        featureId: feature.id,
        title: feature.title,
        laneId: feature.laneId,
        laneName: lanes.get(feature.laneId)?.name ?? null,
        start: feature.start,
        end: feature.end,
        status: feature.status,
        health: feature.health,
        goalIds: [...feature.goalIds],
        goals: feature.goalIds.map((id) => ({ id, title: goals.get(id)?.title ?? null })),
        rank: feature.rank,
        estimate: quantity(feature.estimate),
        items,
        totalEstimate,
        doneEstimate,
        progress,
        statusHint: statusHintOf(feature.status, items),
        assigneeIds,
        assignees: assigneeIds.map((id) => ({ id, name: resources.get(id)?.name ?? null })),
        worstRisk,
        flags: {
          late: live && window !== null && window.end < today,
          blocked: live && (blockedBy.has(feature.id) || inCycle.has(feature.id)),
          overloaded,
          risky: worstRisk !== null && worstRisk.score >= RISK_SEVERITY_MIN_SCORE.high,
          dangling: danglingRefs.length > 0,
        },
        danglingRefs,
        rice: riceOf(feature),
      }
    })

  return {
    title: data.meta.title,
    today,
    entries,
    orphanItems: sortItems(orphans).map((item) => ({ ...toItem(item), featureId: item.featureId })),
  }
}

/** The progress rule documented on `BacklogEntry.progress`. */
export function progressOf(
  status: FeatureStatus,
  items: readonly { status: ItemStatus; estimate: number | null }[],
): { totalEstimate: number; doneEstimate: number; progress: number } {
  let totalEstimate = 0
  let doneEstimate = 0
  let doneItems = 0
  for (const item of items) {
    const estimate = quantity(item.estimate) ?? 0
    totalEstimate += estimate
    if (item.status === 'done') {
      doneEstimate += estimate
      doneItems += 1
    }
  }
  totalEstimate = round(totalEstimate)
  doneEstimate = round(doneEstimate)
  let progress = 0
  if (status === 'done') progress = 1
  else if (totalEstimate > 0) progress = doneEstimate / totalEstimate
  else if (items.length > 0) progress = doneItems / items.length
  return { totalEstimate, doneEstimate, progress }
}

export function riceOf(feature: Pick<Feature, 'reach' | 'impact' | 'confidence' | 'effort'>): Rice {
  const reach = finite(feature.reach)
  const impact = finite(feature.impact)
  const confidence = finite(feature.confidence)
  const effort = finite(feature.effort)
  let score: number | null = null
  if (reach !== null && impact !== null && confidence !== null && effort !== null && effort > 0) {
    const fraction = confidence > 1 ? confidence / 100 : confidence
    score = round((reach * impact * fraction) / effort, 2)
  }
  return { reach, impact, confidence, effort, score }
}

/** The week (Monday) of every working day of a feature's window; empty when undated. */
export function featureWeeks(feature: Pick<Feature, 'start' | 'end'>): IsoDate[] {
  const window = windowOf(feature)
  return window ? [...workingDaysByWeek(window).keys()] : []
}

function sortItems(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => compareStrings(a.rank, b.rank) || compareStrings(a.id, b.id))
}

/** Highest score; ties by title, then id. */
function worst(risks: readonly BacklogRisk[]): BacklogRisk | null {
  let best: BacklogRisk | null = null
  for (const risk of risks) {
    if (
      best === null ||
      risk.score > best.score ||
      (risk.score === best.score &&
        (compareStrings(risk.title, best.title) || compareStrings(risk.riskId, best.riskId)) < 0)
    ) {
      best = risk
    }
  }
  return best ? { ...best } : null
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

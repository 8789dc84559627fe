// The progress report (GET /api/roadmaps/:id/report and the report view): progress per
// goal, lane and key indicator, open risks by severity, upcoming milestones, late and
// blocked features. Built from the backlog and the schedule checks, so every number
// here agrees with what those views show.

import { deriveBacklog } from './backlog.js'
import type { BacklogEntry } from './backlog.js'
import { addDays, diffDays, parseIsoDate } from './dates.js'
import type { RiskSeverity, RoadmapSource } from './deriveCommon.js'
import {
  compareStrings,
  dataOf,
  isLiveRisk,
  laneOrder,
  quantity,
  riskScore,
  riskSeverity,
  round,
} from './deriveCommon.js'
import { featuresInCycles } from './dependencyCycles.js'
import { horizonOf, indicatorProgress } from './indicatorProgress.js'
import type { IndicatorProgress, ReportHorizon } from './indicatorProgress.js'
import { MILESTONE_STATE, milestoneState } from './milestoneState.js'
import type { MilestoneState } from './milestoneState.js'
import { assertToday, checkSchedule } from './schedule.js'
import type {
  Feature,
  FeatureId,
  FeatureStatus,
  GoalId,
  GoalStatus,
  IndicatorId,
  IsoDate,
  LaneId,
  MilestoneId,
  MilestoneStatus,
  ResourceId,
  RiskId,
  RiskStatus,
} from './schema.js'

/** Milestones this many days ahead (today included) are "upcoming". */
export const UPCOMING_MILESTONE_DAYS = 60

export interface ReportSummary {
  /** Features not cancelled. */
  features: number
  byStatus: Record<FeatureStatus, number>
  /** Estimate-weighted progress of the features not cancelled (see `featureWeight`). */
  progress: number
  late: number
  blocked: number
}

export interface GoalProgress {
  goalId: GoalId
  title: string
  status: GoalStatus
  /** Linked features (not cancelled), in backlog order. */
  featureIds: FeatureId[]
  doneFeatures: number
  progress: number
  indicatorIds: IndicatorId[]
  /** `null` when no indicator of the goal can tell; else every one that can is on track. */
  onTrack: boolean | null
}

export interface LaneProgress {
  laneId: LaneId
  /** `null` for a lane that is gone but still referenced by features. */
  name: string | null
  color: string | null
  /** Every feature of the lane, cancelled included. */
  byStatus: Record<FeatureStatus, number>
  /** Estimate-weighted progress of its features not cancelled. */
  progress: number
}

export interface ReportRisk {
  riskId: RiskId
  title: string
  likelihood: number
  impact: number
  score: number
  severity: RiskSeverity
  status: RiskStatus
  ownerId: ResourceId | null
  featureIds: FeatureId[]
}

export interface ReportMilestone {
  milestoneId: MilestoneId
  title: string
  date: IsoDate
  laneId: LaneId | null
  status: MilestoneStatus
  /** `milestoneState` at `today`: the word every view shows. */
  state: MilestoneState
  /** Negative for overdue milestones. */
  daysUntil: number
}

export interface ProgressReport {
  title: string
  today: IsoDate
  horizon: ReportHorizon | null
  summary: ReportSummary
  /** In goal order. */
  goals: GoalProgress[]
  /** In lane order, then lanes that are gone but referenced. */
  lanes: LaneProgress[]
  /** In the roadmap's indicator order. */
  indicators: IndicatorProgress[]
  /** Open and mitigating risks, worst first. */
  risks: { open: number; bySeverity: Record<RiskSeverity, ReportRisk[]> }
  milestones: {
    /** Not reached, dated within the next `UPCOMING_MILESTONE_DAYS` days, by date. */
    upcoming: ReportMilestone[]
    /** Still `upcoming` although their date has passed, by date. */
    overdue: ReportMilestone[]
  }
  /** Most overdue first. */
  late: { featureId: FeatureId; title: string; laneId: LaneId; end: IsoDate; daysLate: number }[]
  /** In backlog order. */
  blocked: { featureId: FeatureId; title: string; blockedBy: FeatureId[]; inCycle: boolean }[]
}

export function deriveReport(source: RoadmapSource, today: IsoDate): ProgressReport {
  assertToday(today)
  const data = dataOf(source)
  const backlog = deriveBacklog(data, today)
  const schedule = checkSchedule(data, today)
  const features = new Map(data.features.map((feature) => [feature.id, feature]))
  const entries = backlog.entries
  const weighted = (list: readonly BacklogEntry[]) => weightedProgress(list, features)
  const horizon = horizonOf(data.meta.horizonStart, data.meta.horizonEnd, data.features)

  const goals = data.goals.map((goal): GoalProgress => {
    const linked = entries.filter((entry) => entry.goalIds.includes(goal.id))
    const indicators = data.indicators.filter((indicator) => indicator.goalId === goal.id)
    const verdicts = indicators
      .map((indicator) => indicatorProgress(indicator, horizon, today).onTrack)
      .filter((verdict): verdict is boolean => verdict !== null)
    return {
      goalId: goal.id,
      title: goal.title,
      status: goal.status,
      featureIds: linked.map((entry) => entry.featureId),
      doneFeatures: linked.filter((entry) => entry.status === 'done').length,
      progress: weighted(linked),
      indicatorIds: indicators.map((indicator) => indicator.id),
      onTrack: verdicts.length === 0 ? null : verdicts.every(Boolean),
    }
  })

  const laneIndex = laneOrder(data.lanes)
  const lanesSorted = [...data.lanes].sort(
    (a, b) => (laneIndex.get(a.id) ?? 0) - (laneIndex.get(b.id) ?? 0),
  )
  const missingLaneIds = [
    ...new Set(data.features.map((f) => f.laneId).filter((id) => !laneIndex.has(id))),
  ].sort(compareStrings)
  const laneProgress = (
    laneId: LaneId,
    name: string | null,
    color: string | null,
  ): LaneProgress => ({
    laneId,
    name,
    color,
    byStatus: countByStatus(data.features.filter((feature) => feature.laneId === laneId)),
    progress: weighted(entries.filter((entry) => entry.laneId === laneId)),
  })
  const lanes = [
    ...lanesSorted.map((lane) => laneProgress(lane.id, lane.name, lane.color)),
    ...missingLaneIds.map((id) => laneProgress(id, null, null)),
  ]

  const bySeverity: Record<RiskSeverity, ReportRisk[]> = {
    critical: [],
    high: [],
    medium: [],
    low: [],
  }
  const openRisks = data.risks
    .filter(isLiveRisk)
    .map((risk): ReportRisk => {
      const score = riskScore(risk)
      return {
        riskId: risk.id,
        title: risk.title,
        likelihood: risk.likelihood,
        impact: risk.impact,
        score,
        severity: riskSeverity(score),
        status: risk.status,
        ownerId: risk.ownerId,
        featureIds: [...risk.featureIds],
      }
    })
    .sort(
      (a, b) =>
        b.score - a.score || compareStrings(a.title, b.title) || compareStrings(a.riskId, b.riskId),
    )
  for (const risk of openRisks) bySeverity[risk.severity].push(risk)

  const lastUpcoming = addDays(today, UPCOMING_MILESTONE_DAYS)
  const dated = data.milestones
    .filter((milestone) => parseIsoDate(milestone.date) !== null)
    .map((milestone): ReportMilestone => ({
      milestoneId: milestone.id,
      title: milestone.title,
      date: milestone.date as IsoDate,
      laneId: milestone.laneId,
      status: milestone.status,
      state: milestoneState(milestone, today),
      daysUntil: diffDays(milestone.date as IsoDate, today),
    }))
    .sort(
      (a, b) =>
        compareStrings(a.date, b.date) ||
        compareStrings(a.title, b.title) ||
        compareStrings(a.milestoneId, b.milestoneId),
    )

  const conflictsOf = new Map<FeatureId, FeatureId[]>()
  for (const conflict of schedule.conflicts) {
    conflictsOf.set(conflict.featureId, [
      ...(conflictsOf.get(conflict.featureId) ?? []),
      conflict.dependsOnId,
    ])
  }
  const inCycle = featuresInCycles(data.features)
  const byId = new Map(entries.map((entry) => [entry.featureId, entry]))

  return {
    title: data.meta.title,
    today,
    horizon,
    summary: {
      features: entries.length,
      byStatus: countByStatus(data.features),
      progress: weighted(entries),
      late: entries.filter((entry) => entry.flags.late).length,
      blocked: entries.filter((entry) => entry.flags.blocked).length,
    },
    goals,
    lanes,
    indicators: data.indicators.map((indicator) => indicatorProgress(indicator, horizon, today)),
    risks: { open: openRisks.length, bySeverity },
    milestones: {
      upcoming: dated.filter(
        (m) => m.status !== 'reached' && m.date >= today && m.date <= lastUpcoming,
      ),
      overdue: dated.filter((m) => m.state === MILESTONE_STATE.overdue),
    },
    late: schedule.late.map((late) => ({
      featureId: late.featureId,
      title: late.title,
      laneId: byId.get(late.featureId)?.laneId ?? features.get(late.featureId)!.laneId,
      end: late.end,
      daysLate: late.daysLate,
    })),
    blocked: entries
      .filter((entry) => entry.flags.blocked)
      .map((entry) => ({
        featureId: entry.featureId,
        title: entry.title,
        blockedBy: conflictsOf.get(entry.featureId) ?? [],
        inCycle: inCycle.has(entry.featureId),
      })),
  }
}

/**
 * How much a feature counts in a goal's or lane's progress: its items' total estimate,
 * else its own estimate, else 1 (an unestimated feature still counts, as one unit).
 */
export function featureWeight(entry: BacklogEntry, feature: Feature | undefined): number {
  if (entry.totalEstimate > 0) return entry.totalEstimate
  const own = quantity(feature?.estimate)
  return own !== null && own > 0 ? own : 1
}

function weightedProgress(
  entries: readonly BacklogEntry[],
  features: Map<FeatureId, Feature>,
): number {
  let total = 0
  let done = 0
  for (const entry of entries) {
    const weight = featureWeight(entry, features.get(entry.featureId))
    total += weight
    done += weight * entry.progress
  }
  return total > 0 ? round(done / total, 4) : 0
}

function countByStatus(features: readonly Feature[]): Record<FeatureStatus, number> {
  const counts: Record<FeatureStatus, number> = {
    planned: 0,
    'in-progress': 0,
    done: 0,
    cancelled: 0,
  }
  for (const feature of features) counts[feature.status] += 1
  return counts
}

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
  windowOf,
} from './deriveCommon.js'
import { assertToday, checkSchedule, featuresInCycles } from './schedule.js'
import type {
  Direction,
  Feature,
  FeatureId,
  FeatureStatus,
  GoalId,
  GoalStatus,
  Indicator,
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
/** An indicator is on track when it is at most this far (0..1) behind its expected progress. */
export const ON_TRACK_TOLERANCE = 0.05

export interface ReportHorizon {
  start: IsoDate
  end: IsoDate
  /** The roadmap's own horizon, or (when unset) the span of its dated features. */
  source: 'roadmap' | 'features'
}

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

export interface IndicatorProgress {
  indicatorId: IndicatorId
  name: string
  unit: string
  goalId: GoalId | null
  direction: Direction
  /** The indicator's baseline, else its first history value. */
  baseline: number | null
  /** The indicator's current value, else its last history value. */
  current: number | null
  target: number | null
  /** 0..1 of the way from baseline to target in the indicator's direction. */
  progressToTarget: number | null
  /** 0..1: share of the horizon elapsed at `today`, the progress a straight line to the target expects. */
  expectedProgress: number | null
  /**
   * Reached the target, or `progressToTarget ≥ expectedProgress − ON_TRACK_TOLERANCE`.
   * `null` when values or the horizon are missing.
   */
  onTrack: boolean | null
  /** Least-squares slope of the history, per week; `null` with fewer than two dates. */
  trendPerWeek: number | null
  /** That trend line's value at the horizon end. */
  projected: number | null
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
      overdue: dated.filter((m) => m.status === 'upcoming' && m.date < today),
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

/** The roadmap's horizon when set and ordered, else the span of the dated features. */
export function horizonOf(
  start: IsoDate | null,
  end: IsoDate | null,
  features: readonly Feature[],
): ReportHorizon | null {
  const own = start !== null && end !== null ? windowOf({ start, end }) : null
  if (own !== null && own.start < own.end) return { ...own, source: 'roadmap' }
  let first: IsoDate | null = null
  let last: IsoDate | null = null
  for (const feature of features) {
    const window = feature.status === 'cancelled' ? null : windowOf(feature)
    if (window === null) continue
    if (first === null || window.start < first) first = window.start
    if (last === null || window.end > last) last = window.end
  }
  return first !== null && last !== null && first < last
    ? { start: first, end: last, source: 'features' }
    : null
}

export function indicatorProgress(
  indicator: Indicator,
  horizon: ReportHorizon | null,
  today: IsoDate,
): IndicatorProgress {
  // Valid points in date order (a snapshot built by hand may be neither).
  const history = (Array.isArray(indicator.history) ? indicator.history : [])
    .filter((point) => parseIsoDate(point.date) !== null && finite(point.value) !== null)
    .sort((a, b) => compareStrings(a.date, b.date))
  const baseline = finite(indicator.baseline) ?? (history.length > 0 ? history[0].value : null)
  const current =
    finite(indicator.current) ?? (history.length > 0 ? history[history.length - 1].value : null)
  const target = finite(indicator.target)
  const progressToTarget =
    baseline !== null && current !== null && target !== null
      ? progressBetween(baseline, current, target, indicator.direction)
      : null
  let expectedProgress: number | null = null
  if (horizon !== null) {
    const span = diffDays(horizon.end, horizon.start)
    expectedProgress = round(Math.min(1, Math.max(0, diffDays(today, horizon.start) / span)), 4)
  }
  let onTrack: boolean | null = null
  if (progressToTarget !== null) {
    if (progressToTarget >= 1) onTrack = true
    else if (expectedProgress !== null)
      onTrack = progressToTarget >= expectedProgress - ON_TRACK_TOLERANCE
  }
  const trend = linearTrend(history)
  return {
    indicatorId: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    goalId: indicator.goalId,
    direction: indicator.direction,
    baseline,
    current,
    target,
    progressToTarget,
    expectedProgress,
    onTrack,
    trendPerWeek: trend === null ? null : round(trend.slope * 7),
    projected:
      trend === null || horizon === null
        ? null
        : round(trend.intercept + trend.slope * diffDays(horizon.end, trend.origin)),
  }
}

/** Share of the way from baseline to target, 0..1, in the indicator's direction. */
export function progressBetween(
  baseline: number,
  current: number,
  target: number,
  direction: Direction,
): number {
  const sign = direction === 'decrease' ? -1 : 1
  const span = sign * (target - baseline)
  // A target at or behind the baseline: reached or not, nothing in between.
  if (span <= 0) return sign * (current - target) >= 0 ? 1 : 0
  return round(Math.min(1, Math.max(0, (sign * (current - baseline)) / span)), 4)
}

/** Least squares over (days since the first point, value). */
function linearTrend(
  history: readonly { date: IsoDate; value: number }[],
): { origin: IsoDate; slope: number; intercept: number } | null {
  if (history.length < 2) return null
  const origin = history[0].date
  const xs = history.map((point) => diffDays(point.date, origin))
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length
  const meanY = history.reduce((sum, point) => sum + point.value, 0) / history.length
  let covariance = 0
  let variance = 0
  for (let i = 0; i < xs.length; i += 1) {
    covariance += (xs[i] - meanX) * (history[i].value - meanY)
    variance += (xs[i] - meanX) ** 2
  }
  if (variance === 0) return null
  const slope = covariance / variance
  return { origin, slope, intercept: meanY - slope * meanX }
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

// Key indicators against their targets: how far along, how far the calendar expects
// them to be, and where their trend leads. The rule (DERIVATIONS.md): on track when the
// target is reached, or when progress to target is at most ON_TRACK_TOLERANCE behind the
// share of the roadmap horizon elapsed at `today`.

import { diffDays, parseIsoDate } from './dates.js'
import { compareStrings, round, windowOf } from './deriveCommon.js'
import type { Direction, Feature, GoalId, Indicator, IndicatorId, IsoDate } from './schema.js'

/** An indicator is on track when it is at most this far (0..1) behind its expected progress. */
export const ON_TRACK_TOLERANCE = 0.05

/** What every view says about an indicator (one word for `onTrack` and why it may be open). */
export const INDICATOR_VERDICT = {
  onTrack: 'on-track',
  offTrack: 'off-track',
  /** No value recorded yet: no current value and no history point. */
  noData: 'no-data',
  /** Values, but no target, baseline or horizon to judge them against. */
  noVerdict: 'no-verdict',
} as const
export type IndicatorVerdict = (typeof INDICATOR_VERDICT)[keyof typeof INDICATOR_VERDICT]

export interface ReportHorizon {
  start: IsoDate
  end: IsoDate
  /** The roadmap's own horizon, or (when unset) the span of its dated features. */
  source: 'roadmap' | 'features'
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
  /** `onTrack` in one word; `no-data` when nothing was recorded (never "on track"). */
  verdict: IndicatorVerdict
  /** Least-squares slope of the history, per week; `null` with fewer than two dates. */
  trendPerWeek: number | null
  /** That trend line's value at the horizon end. */
  projected: number | null
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
    verdict: verdictOf(current, onTrack),
    trendPerWeek: trend === null ? null : round(trend.slope * 7),
    projected:
      trend === null || horizon === null
        ? null
        : round(trend.intercept + trend.slope * diffDays(horizon.end, trend.origin)),
  }
}

function verdictOf(current: number | null, onTrack: boolean | null): IndicatorVerdict {
  if (current === null) return INDICATOR_VERDICT.noData
  if (onTrack === null) return INDICATOR_VERDICT.noVerdict
  return onTrack ? INDICATOR_VERDICT.onTrack : INDICATOR_VERDICT.offTrack
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

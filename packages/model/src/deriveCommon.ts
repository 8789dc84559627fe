// Shared ground for the pure derivations (backlog, schedule, report): how their input
// is read, how features are ordered, and what a feature's date window is.

import * as Y from 'yjs'
import { addDays, featureWindowProblem, formatIsoDate, parseIsoDate } from './dates.js'
import { readRoadmap } from './read.js'
import type { Feature, IsoDate, Lane, RoadmapData } from './schema.js'

/** What every derivation accepts: a live document or a snapshot already read from one. */
export type RoadmapSource = Y.Doc | RoadmapData

export function dataOf(source: RoadmapSource): RoadmapData {
  return source instanceof Y.Doc ? readRoadmap(source) : source
}

/**
 * Plain code-unit comparison. Fractional-indexing ranks are ordered this way (not by
 * locale), and ids compare the same on every machine.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A finite, non-negative number, else `null` (missing, NaN, negative or not a number). */
export function quantity(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

/** Rounds away float noise (0.1 + 0.2) so derived numbers compare and print cleanly. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export interface DateWindow {
  start: IsoDate
  end: IsoDate
}

/**
 * A feature's dates as an inclusive window (`end` is its last day), or `null` when either
 * date is missing, invalid or outside `DATE_RANGE`, the window is inverted, or it runs
 * longer than `MAX_FEATURE_DAYS`: such a feature is "undated" and takes no part in
 * date-based checks (late, conflicts, load), so no document can make them slow.
 */
export function windowOf(feature: Pick<Feature, 'start' | 'end'>): DateWindow | null {
  if (feature.start == null || feature.end == null) return null
  if (featureWindowProblem(feature.start, feature.end) !== null) return null
  return { start: feature.start, end: feature.end }
}

/** The Monday of the ISO week that holds `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const parsed = parseIsoDate(date)
  if (parsed === null) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`)
  const isoWeekday = (parsed.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(date, -isoWeekday)
}

/**
 * Working days (Monday–Friday) of an inclusive window, grouped by ISO week (Monday date),
 * in date order. A window that holds only weekend days counts as one working day in the
 * week of its start, so every dated feature has at least one week to carry its load.
 */
export function workingDaysByWeek(window: DateWindow): Map<IsoDate, number> {
  const cached = weeksCache.get(window.start)?.get(window.end)
  if (cached) return new Map(cached)
  const first = mustParse(window.start).getTime()
  const last = mustParse(window.end).getTime()
  const weeks = new Map<IsoDate, number>()
  // Week by week: the working days of a week are its Monday to Friday inside the window.
  for (
    let monday = mustParse(weekStart(window.start)).getTime();
    monday <= last;
    monday += 7 * DAY_MS
  ) {
    const from = Math.max(first, monday)
    const to = Math.min(last, monday + 4 * DAY_MS)
    if (to >= from) weeks.set(formatIsoDate(new Date(monday)), Math.round((to - from) / DAY_MS) + 1)
  }
  if (weeks.size === 0) weeks.set(weekStart(window.start), 1)
  let byEnd = weeksCache.get(window.start)
  if (!byEnd) {
    byEnd = new Map()
    weeksCache.set(window.start, byEnd)
  }
  byEnd.set(window.end, weeks)
  if (weeksCache.size > WEEKS_CACHE_LIMIT) weeksCache.clear()
  return new Map(weeks)
}

const DAY_MS = 86_400_000
// Windows repeat across features and renders; a bounded memo keeps derivations of large
// roadmaps fast. Keyed by value, so it cannot change an answer.
const WEEKS_CACHE_LIMIT = 5_000
const weeksCache = new Map<IsoDate, Map<IsoDate, Map<IsoDate, number>>>()

function mustParse(date: IsoDate): Date {
  const parsed = parseIsoDate(date)
  if (parsed === null) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`)
  return parsed
}

/**
 * Backlog order. Features with a `rank` come first, by rank; features without one (older
 * or imported data) follow in lane order, then start date (undated last), then title and
 * id. Equal ranks (two peers inserting at the same spot) fall back to the same keys, so
 * the order is total and identical on every machine.
 */
export function orderFeatures(features: readonly Feature[], lanes: readonly Lane[]): Feature[] {
  const laneIndex = laneOrder(lanes)
  const missingLane = lanes.length
  return [...features].sort((a, b) => {
    const rankA = typeof a.rank === 'string' ? a.rank : ''
    const rankB = typeof b.rank === 'string' ? b.rank : ''
    if (rankA !== '' || rankB !== '') {
      if (rankA === '') return 1
      if (rankB === '') return -1
      const byRank = compareStrings(rankA, rankB)
      if (byRank !== 0) return byRank
    }
    const byLane =
      (laneIndex.get(a.laneId) ?? missingLane) - (laneIndex.get(b.laneId) ?? missingLane)
    if (byLane !== 0) return byLane
    const startA = windowStart(a)
    const startB = windowStart(b)
    if (startA !== startB) {
      if (startA === null) return 1
      if (startB === null) return -1
      return compareStrings(startA, startB)
    }
    return compareStrings(a.title, b.title) || compareStrings(a.id, b.id)
  })
}

/** Lanes by rank (then id), as index by lane id. */
export function laneOrder(lanes: readonly Lane[]): Map<string, number> {
  const sorted = [...lanes].sort(
    (a, b) => compareStrings(a.rank ?? '', b.rank ?? '') || compareStrings(a.id, b.id),
  )
  return new Map(sorted.map((lane, index) => [lane.id, index]))
}

function windowStart(feature: Feature): IsoDate | null {
  return parseIsoDate(feature.start) === null ? null : feature.start
}

/** Risk severity bands on the 5 × 5 matrix, by score = likelihood × impact (1–25). */
export const RISK_SEVERITY = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
} as const
export type RiskSeverity = (typeof RISK_SEVERITY)[keyof typeof RISK_SEVERITY]

/** Lowest score of each band: critical 16–25, high 10–15, medium 5–9, low 1–4. */
export const RISK_SEVERITY_MIN_SCORE: Readonly<Record<RiskSeverity, number>> = {
  critical: 16,
  high: 10,
  medium: 5,
  low: 0,
}

/** likelihood × impact, each clamped to 1–5 (a peer may have written anything). */
export function riskScore(risk: { likelihood: unknown; impact: unknown }): number {
  return riskFactor(risk.likelihood) * riskFactor(risk.impact)
}

export function riskSeverity(score: number): RiskSeverity {
  if (score >= RISK_SEVERITY_MIN_SCORE.critical) return RISK_SEVERITY.critical
  if (score >= RISK_SEVERITY_MIN_SCORE.high) return RISK_SEVERITY.high
  if (score >= RISK_SEVERITY_MIN_SCORE.medium) return RISK_SEVERITY.medium
  return RISK_SEVERITY.low
}

/** Open and mitigating risks count; closed ones are history. */
export function isLiveRisk(risk: { status: string }): boolean {
  return risk.status === 'open' || risk.status === 'mitigating'
}

function riskFactor(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 1
  return Math.min(5, Math.max(1, Math.round(value)))
}

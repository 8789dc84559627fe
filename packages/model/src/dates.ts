// Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC so every machine (client in
// any time zone, server) agrees on them. Pure: no clock is read here.

import { formatDayLong } from './dateDisplay.js'
import type { IsoDate } from './schema.js'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** The UTC midnight of an ISO date, or `null` when it is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  // An impossible day (2026-02-30) rolls over into the next month: the round trip rejects it.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null
  }
  return date
}

/** Whether `value` is a real ISO calendar date (`2026-02-29` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== null
}

/** The UTC calendar date of `date` as `YYYY-MM-DD`. */
export function formatIsoDate(date: Date): IsoDate {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + 1
  const day = date.getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The dates a plan may hold, and the longest a feature may run. A date or a window outside
 * them is refused by validation (import, the UI's date fields) and, when a peer writes one
 * anyway, treated as missing by every derivation: per-week work (load, overload checks) is
 * then bounded by `MAX_FEATURE_DAYS` per feature, whatever a document holds.
 */
export const DATE_RANGE = { min: '2000-01-01', max: '2099-12-31' } as const satisfies Record<
  string,
  IsoDate
>
/** Ten years, inclusive of both ends (leap days included). */
export const MAX_FEATURE_DAYS = 3653

/** An ISO date within `DATE_RANGE`. */
export function isPlanDate(value: unknown): value is IsoDate {
  return isIsoDate(value) && value >= DATE_RANGE.min && value <= DATE_RANGE.max
}

/** Why `value` cannot be a plan date, or `null` when it can; for validation messages. */
export function planDateProblem(value: unknown): string | null {
  if (!isIsoDate(value)) return 'Expected an ISO date (YYYY-MM-DD)'
  if (!isPlanDate(value))
    return `Dates run from ${formatDayLong(DATE_RANGE.min)} to ${formatDayLong(DATE_RANGE.max)}`
  return null
}

/**
 * Why `start`…`end` cannot be a feature's window, or `null` when it can (or when a date is
 * missing: an unscheduled feature is fine). Checks each date, the order and the length.
 */
export function featureWindowProblem(start: unknown, end: unknown): string | null {
  const startProblem = start == null ? null : planDateProblem(start)
  if (startProblem) return `Start: ${startProblem}`
  const endProblem = end == null ? null : planDateProblem(end)
  if (endProblem) return `End: ${endProblem}`
  if (start == null || end == null) return null
  const days = diffDays(end as IsoDate, start as IsoDate) + 1
  if (days < 1) return 'The end is before the start'
  if (days > MAX_FEATURE_DAYS) return `A feature runs at most ${MAX_FEATURE_DAYS} days (10 years)`
  return null
}

/** `date` plus `days` calendar days (negative goes back). Throws on an invalid date (a bug). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parsed = mustParse(date)
  return formatIsoDate(new Date(parsed.getTime() + Math.trunc(days) * DAY_MS))
}

/** Whole days from `from` to `to`: `diffDays('2026-01-10', '2026-01-01') === 9`. */
export function diffDays(to: IsoDate, from: IsoDate): number {
  return Math.round((mustParse(to).getTime() - mustParse(from).getTime()) / DAY_MS)
}

/** Compares ISO dates (or any strings) chronologically; for `Array.prototype.sort`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function mustParse(date: IsoDate): Date {
  const parsed = parseIsoDate(date)
  if (parsed === null) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  return parsed
}

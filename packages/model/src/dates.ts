// Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC so every machine (client in
// any time zone, server) agrees on them. Pure: no clock is read here.

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

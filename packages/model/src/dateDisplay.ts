// How a calendar day reads wherever the product shows one: the timeline, the panels, the
// report, the recap, and the server's PDFs, slides and Markdown. One rule, fixed to en-US and
// UTC, so a page rendered by the server and a browser set to any locale or time zone say the
// same "Nov 16, 2026" for the same plan day. Machine formats (ICS, CSV, JSON, API fields,
// URLs, date inputs) stay ISO and do not come here.

import type { IsoDate } from './schema.js'

// Created once: a formatter per call costs more than the formatting itself.
const SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const LONG = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
})
const TIME = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})

/** What a missing day reads as (an unscheduled end, a deleted date). */
export const NO_DAY = '—'

/**
 * The UTC midnight of a real `YYYY-MM-DD` day, else `null` (the round trip refuses
 * 2026-02-30). dates.ts has the same check in `parseIsoDate`; it is not imported because
 * dates.ts words its validation messages with this file's rule.
 */
function dayStart(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
    ? parsed
    : null
}

/** A day outside the calendar (a peer wrote garbage) shows as written rather than as "Invalid Date". */
function format(formatter: Intl.DateTimeFormat, date: string | null | undefined): string {
  if (!date) return NO_DAY
  const parsed = dayStart(date)
  return parsed ? formatter.format(parsed) : date
}

/** `2026-11-16` → `Nov 16`; missing → `—`. */
export function formatDay(date: IsoDate | null | undefined): string {
  return format(SHORT, date)
}

/** `2026-11-16` → `Nov 16, 2026`; missing → `—`. */
export function formatDayLong(date: IsoDate | null | undefined): string {
  return format(LONG, date)
}

/**
 * `Nov 16 – Dec 4` (`long`: `Nov 16, 2026 – Dec 4, 2026`); a missing end reads `—`, and
 * both missing read `Unscheduled`.
 */
export function formatDayRange(
  start: IsoDate | null | undefined,
  end: IsoDate | null | undefined,
  options: { long?: boolean } = {},
): string {
  if (!start && !end) return 'Unscheduled'
  const day = options.long ? formatDayLong : formatDay
  return `${day(start)} – ${day(end)}`
}

/** The UTC calendar day of a moment (Unix ms or an ISO timestamp), or `null` when it is none. */
export function dayOfTimestamp(at: number | string | null | undefined): IsoDate | null {
  if (at === null || at === undefined) return null
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) return null
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

/** A moment's day, as `formatDayLong` says it: `Nov 16, 2026` (UTC); `—` when it is none. */
export function formatTimestampDay(at: number | string | null | undefined): string {
  return formatDayLong(dayOfTimestamp(at))
}

/**
 * A moment to the minute, `Nov 16, 2026, 09:05 UTC`, for version times and tooltips. The zone
 * is named because it is UTC for everyone: the day it shows is the one the comparisons use.
 */
export function formatTimestamp(at: number | string | null | undefined): string {
  const day = dayOfTimestamp(at)
  if (day === null) return NO_DAY
  const ms = typeof at === 'number' ? at : Date.parse(at as string)
  return `${formatDayLong(day)}, ${TIME.format(ms)} UTC`
}

// Calendar arithmetic on ISO dates in UTC, for the timeline (pixels ↔ days). How a day reads
// is not here: packages/model dateDisplay.ts (`formatDay`, `formatDayLong`) is the one rule.
import type { IsoDate } from '@meridian/model'

export const DAY_MS = 86_400_000

export function toMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`)
}

export function fromMs(ms: number): IsoDate {
  return new Date(Math.round(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromMs(toMs(date) + days * DAY_MS)
}

export function diffDays(to: IsoDate, from: IsoDate): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS)
}

/** Monday of the week containing `date`. */
export function startOfWeek(date: IsoDate): IsoDate {
  const day = new Date(toMs(date)).getUTCDay()
  return addDays(date, -((day + 6) % 7))
}

import type { IsoDate } from '@meridian/model'

/** Today's calendar date (UTC, like every date in the model). */
export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10)
}

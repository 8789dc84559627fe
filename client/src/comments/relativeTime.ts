// "just now", "5 min ago", "3 h ago", then the day by the model's one rule (dateDisplay.ts):
// how comment times read.
import { dayOfTimestamp, formatDay, formatDayLong, formatTimestamp } from '@meridian/model'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function relativeTime(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return ''
  const ago = now - at
  if (ago < MINUTE) return 'just now'
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} d ago`
  const day = dayOfTimestamp(at)
  return day?.slice(0, 4) === dayOfTimestamp(now)?.slice(0, 4) ? formatDay(day) : formatDayLong(day)
}

/** The full time, for a tooltip. */
export function fullTime(iso: string): string {
  const at = Date.parse(iso)
  return Number.isNaN(at) ? '' : formatTimestamp(at)
}

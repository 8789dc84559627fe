// Axis ticks for a time window, two tiers (major above, minor below), chosen by how many
// pixels a day gets: the timeline view's axis and the exported images use this one rule.
import { dayOfTimestamp, formatDay } from '@meridian/model'

const DAY = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['S', 'M', 'T', 'W', 'T', 'F', 'S']

export interface Tick {
  ms: number
  endMs: number
  label: string
  weekend?: boolean
}

export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year'

function floor(ms: number, unit: Unit): number {
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  switch (unit) {
    case 'day':
      return Date.UTC(y, m, d.getUTCDate())
    case 'week':
      return Date.UTC(y, m, d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
    case 'month':
      return Date.UTC(y, m, 1)
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1)
    case 'year':
      return Date.UTC(y, 0, 1)
    default: {
      const never: never = unit
      return never
    }
  }
}

function next(ms: number, unit: Unit): number {
  const d = new Date(ms)
  switch (unit) {
    case 'day':
      return ms + DAY
    case 'week':
      return ms + 7 * DAY
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1)
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1)
    default: {
      const never: never = unit
      return never
    }
  }
}

function label(ms: number, unit: Unit, tier: 'major' | 'minor'): string {
  const d = new Date(ms)
  const month = MONTHS[d.getUTCMonth()]
  switch (unit) {
    case 'day':
      return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()}`
    case 'week':
      // A week tick names its Monday as every other place names a day.
      return formatDay(dayOfTimestamp(ms))
    case 'month':
      return tier === 'major' ? `${month} ${d.getUTCFullYear()}` : month
    case 'quarter':
      return tier === 'major'
        ? `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`
        : `Q${Math.floor(d.getUTCMonth() / 3) + 1}`
    case 'year':
      return String(d.getUTCFullYear())
    default: {
      const never: never = unit
      return never
    }
  }
}

export function unitsFor(pxPerDay: number): { major: Unit; minor: Unit } {
  if (pxPerDay >= 20) return { major: 'month', minor: 'day' }
  if (pxPerDay >= 6.5) return { major: 'month', minor: 'week' }
  if (pxPerDay >= 1.2) return { major: 'quarter', minor: 'month' }
  return { major: 'year', minor: 'quarter' }
}

export function ticks(fromMs: number, toMs: number, unit: Unit, tier: 'major' | 'minor'): Tick[] {
  const out: Tick[] = []
  for (let ms = floor(fromMs, unit); ms < toMs && out.length < 2000;) {
    const end = next(ms, unit)
    const day = new Date(ms).getUTCDay()
    out.push({
      ms,
      endMs: end,
      label: label(ms, unit, tier),
      weekend: unit === 'day' && (day === 0 || day === 6),
    })
    ms = end
  }
  return out
}

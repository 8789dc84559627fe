// Dates as spreadsheets and trackers write them: ISO (`2026-03-12`, `2026-03-12T09:41:00Z`),
// Jira's `12/Mar/24 9:41 AM`, `12 Mar 2024`, `Mar 12, 2024`, and numeric `3/12/2024`
// (month first or day first, as the mapping step says).
import { isIsoDate } from '@meridian/model'
import type { IsoDate } from '@meridian/model'

export const DATE_ORDER = { monthFirst: 'mdy', dayFirst: 'dmy' } as const
export type DateOrder = (typeof DATE_ORDER)[keyof typeof DATE_ORDER]

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`)
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(\d{1,2})[/ -]([A-Za-z]{3,9})\.?[/ -](\d{2}|\d{4})${TIME}$`,
)
const MONTH_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`)
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})${TIME}$`)

const pad = (n: number) => String(n).padStart(2, '0')
const yearOf = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y))
const monthOf = (name: string) => {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  return i === -1 ? null : i + 1
}

function iso(year: number, month: number | null, day: number): IsoDate | undefined {
  if (month === null) return undefined
  const d = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
  return isIsoDate(d) ? d : undefined
}

/** The calendar date in `value`: null for an empty cell, undefined when it is not a date. */
export function parseCsvDate(value: string, order: DateOrder): IsoDate | null | undefined {
  const v = value.trim()
  if (v === '') return null
  let m = ISO.exec(v)
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]))
  m = DAY_MONTH_YEAR.exec(v)
  if (m) return iso(yearOf(m[3]), monthOf(m[2]), Number(m[1]))
  m = MONTH_DAY_YEAR.exec(v)
  if (m) return iso(Number(m[3]), monthOf(m[1]), Number(m[2]))
  m = NUMERIC.exec(v)
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])]
    return order === 'mdy' ? iso(yearOf(m[3]), a, b) : iso(yearOf(m[3]), b, a)
  }
  return undefined
}

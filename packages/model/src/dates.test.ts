import { describe, expect, test } from 'vitest'
import {
  addDays,
  compareIsoDates,
  diffDays,
  formatIsoDate,
  isIsoDate,
  parseIsoDate,
} from './dates.js'

describe('dates', () => {
  test('parseIsoDate accepts real calendar dates only', () => {
    expect(parseIsoDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(parseIsoDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z')
    expect(parseIsoDate('2026-02-29')).toBeNull()
    expect(parseIsoDate('2026-13-01')).toBeNull()
    expect(parseIsoDate('2026-1-01')).toBeNull()
    expect(parseIsoDate('2026-01-01T00:00:00Z')).toBeNull()
    expect(parseIsoDate(20260101)).toBeNull()
    expect(parseIsoDate('0042-03-04')?.getUTCFullYear()).toBe(42)
    expect(isIsoDate('2026-12-31')).toBe(true)
    expect(isIsoDate(null)).toBe(false)
  })

  test('formatIsoDate is UTC', () => {
    expect(formatIsoDate(new Date(Date.UTC(2026, 0, 5, 23, 59)))).toBe('2026-01-05')
    expect(formatIsoDate(parseIsoDate('0042-03-04')!)).toBe('0042-03-04')
  })

  test('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29')
    expect(() => addDays('soon', 1)).toThrow(RangeError)
  })

  test('diffDays is to − from in whole days', () => {
    expect(diffDays('2026-01-10', '2026-01-01')).toBe(9)
    expect(diffDays('2026-01-01', '2026-01-10')).toBe(-9)
    expect(diffDays('2027-01-01', '2026-01-01')).toBe(365)
    expect(diffDays('2026-03-30', '2026-03-28')).toBe(2) // a DST weekend elsewhere: still 2
  })

  test('compareIsoDates sorts chronologically', () => {
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareIsoDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ])
  })
})

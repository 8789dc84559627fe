import { describe, expect, test } from 'vitest'
import {
  dayOfTimestamp,
  formatDay,
  formatDayLong,
  formatDayRange,
  formatTimestamp,
  formatTimestampDay,
} from './dateDisplay.js'

describe('dateDisplay', () => {
  test('a plan day reads short and long, the same in every locale and zone', () => {
    expect(formatDay('2026-11-16')).toBe('Nov 16')
    expect(formatDayLong('2026-11-16')).toBe('Nov 16, 2026')
    // UTC midnight: a formatter in the machine's zone would say Dec 31 west of Greenwich.
    expect(formatDayLong('2027-01-01')).toBe('Jan 1, 2027')
    expect(formatDayLong('2028-02-29')).toBe('Feb 29, 2028')
  })

  test('a missing day is a dash; a day off the calendar shows as written', () => {
    expect(formatDay(null)).toBe('—')
    expect(formatDayLong(undefined)).toBe('—')
    expect(formatDay('')).toBe('—')
    expect(formatDayLong('2026-02-30')).toBe('2026-02-30')
    expect(formatDay('soon')).toBe('soon')
  })

  test('a range joins its ends with an en dash', () => {
    expect(formatDayRange('2026-11-16', '2026-12-04')).toBe('Nov 16 – Dec 4')
    expect(formatDayRange('2026-11-16', '2027-01-08', { long: true })).toBe(
      'Nov 16, 2026 – Jan 8, 2027',
    )
    expect(formatDayRange('2026-11-16', null)).toBe('Nov 16 – —')
    expect(formatDayRange(null, null)).toBe('Unscheduled')
  })

  test('a moment has the UTC day the comparisons use', () => {
    const lateEvening = Date.UTC(2026, 10, 16, 23, 30)
    expect(dayOfTimestamp(lateEvening)).toBe('2026-11-16')
    expect(dayOfTimestamp('2026-11-16T23:30:00-05:00')).toBe('2026-11-17')
    expect(dayOfTimestamp('not a time')).toBeNull()
    expect(dayOfTimestamp(Number.NaN)).toBeNull()
    expect(dayOfTimestamp(null)).toBeNull()
    expect(formatTimestampDay('2026-11-16T10:40:00.000Z')).toBe('Nov 16, 2026')
    expect(formatTimestampDay('')).toBe('—')
    expect(formatTimestamp(Date.UTC(2026, 10, 16, 9, 5))).toBe('Nov 16, 2026, 09:05 UTC')
    expect(formatTimestamp('2026-11-16T00:00:00Z')).toBe('Nov 16, 2026, 00:00 UTC')
    expect(formatTimestamp(undefined)).toBe('—')
  })
})

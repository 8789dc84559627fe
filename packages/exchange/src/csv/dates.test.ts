import { describe, expect, it } from 'vitest'
import { parseCsvDate } from './dates.js'

describe('parseCsvDate', () => {
  it.each([
    ['2026-03-12', '2026-03-12'],
    ['2026-03-12T09:41:00.000Z', '2026-03-12'],
    ['12/Mar/24 9:41 AM', '2024-03-12'],
    ['30/Sep/26 12:00 AM', '2026-09-30'],
    ['12 Mar 2024', '2024-03-12'],
    ['Mar 12, 2024', '2024-03-12'],
    ['', null],
    ['31/Feb/26 12:00 AM', undefined],
    ['soon', undefined],
  ])('%s → %s', (raw, want) => {
    expect(parseCsvDate(raw, 'mdy')).toBe(want)
  })

  it('reads numeric dates in the order the mapping says', () => {
    expect(parseCsvDate('3/12/2024', 'mdy')).toBe('2024-03-12')
    expect(parseCsvDate('3/12/2024', 'dmy')).toBe('2024-12-03')
    expect(parseCsvDate('13/12/2024', 'mdy')).toBeUndefined()
  })
})

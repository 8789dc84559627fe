import { describe, expect, it } from 'vitest'
import { ticks, unitsFor } from './ticks.js'

describe('ticks', () => {
  it('chooses units by pixels per day', () => {
    expect(unitsFor(32)).toEqual({ major: 'month', minor: 'day' })
    expect(unitsFor(7)).toEqual({ major: 'month', minor: 'week' })
    expect(unitsFor(2.4)).toEqual({ major: 'quarter', minor: 'month' })
    expect(unitsFor(0.7)).toEqual({ major: 'year', minor: 'quarter' })
  })

  it('cuts weeks on Mondays and months on the 1st, covering the window', () => {
    const from = Date.UTC(2026, 0, 7)
    const to = Date.UTC(2026, 1, 3)
    const weeks = ticks(from, to, 'week', 'minor')
    expect(new Date(weeks[0].ms).getUTCDay()).toBe(1)
    expect(weeks[0].ms).toBeLessThanOrEqual(from)
    expect(weeks.at(-1)!.endMs).toBeGreaterThanOrEqual(to)
    const months = ticks(from, to, 'month', 'major')
    expect(months.map((m) => m.label)).toEqual(['Jan 2026', 'Feb 2026'])
    expect(ticks(from, to, 'quarter', 'major')[0].label).toBe('Q1 2026')
    const days = ticks(Date.UTC(2026, 0, 3), Date.UTC(2026, 0, 5), 'day', 'minor')
    expect(days.map((d) => d.weekend)).toEqual([true, true])
  })
})

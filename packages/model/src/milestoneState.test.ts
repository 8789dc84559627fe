import { describe, expect, it } from 'vitest'
import { milestoneState } from './milestoneState.js'
import { deriveReport } from './report.js'
import { milestone, roadmapData, TODAY } from './testing/fixture.js'

describe('milestoneState', () => {
  it('is overdue once the date has passed and the milestone is still upcoming', () => {
    expect(milestoneState({ date: '2026-03-10', status: 'upcoming' }, TODAY)).toBe('overdue')
    expect(milestoneState({ date: TODAY, status: 'upcoming' }, TODAY)).toBe('upcoming')
    expect(milestoneState({ date: '2026-03-10', status: 'reached' }, TODAY)).toBe('reached')
    expect(milestoneState({ date: '2026-03-10', status: 'missed' }, TODAY)).toBe('missed')
    expect(milestoneState({ date: null, status: 'upcoming' }, TODAY)).toBe('undated')
  })
  it('is what the report lists as overdue', () => {
    const report = deriveReport(smallMilestones(), TODAY)
    expect(report.milestones.overdue.map((m) => [m.milestoneId, m.state])).toEqual([
      ['late', 'overdue'],
    ])
  })
})

function smallMilestones() {
  return roadmapData({
    milestones: [
      milestone('late', { title: 'Late', date: '2026-03-01' }),
      milestone('soon', { title: 'Soon', date: '2026-03-20' }),
    ],
  })
}

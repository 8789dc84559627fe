import { describe, expect, it } from 'vitest'
import { deriveBacklog } from './backlog.js'
import { countStatusHints, statusHintOf } from './featureStatus.js'
import { deriveReport } from './report.js'
import type { FeatureId } from './schema.js'
import { feature, item, roadmapData, TODAY } from './testing/fixture.js'

describe('statusHintOf: status is set by hand, the items prompt', () => {
  const done = { status: 'done' as const }
  const todo = { status: 'todo' as const }
  const review = { status: 'in-review' as const }

  it('prompts "mark done" when every item is accepted and the feature is not done', () => {
    expect(statusHintOf('planned', [done, done])).toBe('mark-done')
    expect(statusHintOf('in-progress', [done])).toBe('mark-done')
  })

  it('prompts "mark in progress" when a planned feature has work under way', () => {
    expect(statusHintOf('planned', [todo, review])).toBe('mark-in-progress')
    expect(statusHintOf('planned', [todo, done])).toBe('mark-in-progress')
    expect(statusHintOf('in-progress', [todo, done])).toBeNull()
  })

  it('says nothing without items, for done and cancelled features, or before work starts', () => {
    expect(statusHintOf('planned', [])).toBeNull()
    expect(statusHintOf('in-progress', [])).toBeNull()
    expect(statusHintOf('done', [todo])).toBeNull()
    expect(statusHintOf('cancelled', [done])).toBeNull()
    expect(statusHintOf('planned', [todo, todo])).toBeNull()
  })
})

describe('status and progress agree across the backlog and the report', () => {
  // Accepted 13/13 but still planned; half accepted in progress; no items at all.
  const data = roadmapData({
    features: [
      feature('A', { title: 'Accepted', status: 'planned', rank: 'a0' }),
      feature('B', { title: 'Half', status: 'in-progress', rank: 'a1' }),
      feature('C', { title: 'Empty', status: 'planned', rank: 'a2' }),
    ],
    items: [
      item('a1', 'A', { status: 'done', estimate: 8 }),
      item('a2', 'A', { status: 'done', estimate: 5 }),
      item('b1', 'B', { status: 'done', estimate: 3 }),
      item('b2', 'B', { status: 'in-progress', estimate: 3 }),
    ],
  })
  const backlog = deriveBacklog(data, TODAY)
  const report = deriveReport(data, TODAY)
  const byId = (id: string) => backlog.entries.find((e) => e.featureId === (id as FeatureId))!

  it('gives progress from the items and a prompt where the status lags', () => {
    expect([byId('A').progress, byId('A').statusHint]).toEqual([1, 'mark-done'])
    expect([byId('B').progress, byId('B').statusHint]).toEqual([0.5, null])
    // No items: progress comes from the status (0 until done); it weighs 1 point.
    expect([byId('C').progress, byId('C').statusHint]).toEqual([0, null])
    expect(countStatusHints(backlog.entries)).toEqual({ 'mark-done': 1, 'mark-in-progress': 0 })
  })

  it('weights the overall figure by points: (13 × 1 + 6 × 0.5 + 1 × 0) / 20', () => {
    expect(report.summary.progress).toBe(0.8)
    expect(report.summary.byStatus).toMatchObject({ planned: 2, 'in-progress': 1, done: 0 })
  })
})

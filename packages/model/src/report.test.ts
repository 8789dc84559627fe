import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRoadmap } from './read.js'
import { horizonOf, indicatorProgress, progressBetween } from './indicatorProgress.js'
import { deriveReport } from './report.js'
import { Roadmap } from './roadmap.js'
import type { FeatureId, GoalId, LaneId } from './schema.js'
import { feature, indicator, roadmapData, smallFixture, TODAY } from './testing/fixture.js'

describe('deriveReport on the small fixture', () => {
  const report = deriveReport(smallFixture(), TODAY)

  it('summarises features, weighting progress by estimate', () => {
    // Weights (items' estimate, else own estimate, else 1) × progress:
    // F1 4 × 0.75, F2 8 × 0, F3 1 × 0, F6 1 × 1, F5 1 × 0.5 → 4.5 / 15.
    expect(report.summary).toEqual({
      features: 5,
      byStatus: { planned: 2, 'in-progress': 2, done: 1, cancelled: 1 },
      progress: 0.3,
      late: 1,
      blocked: 1,
    })
    expect(report.horizon).toEqual({ start: '2026-01-01', end: '2026-12-31', source: 'roadmap' })
  })

  it('reports goals with linked features, weighted progress and indicator verdict', () => {
    expect(report.goals).toEqual([
      {
        goalId: 'G1',
        title: 'Retention',
        status: 'active',
        featureIds: ['F1', 'F2'],
        doneFeatures: 0,
        progress: 0.25, // (4 × 0.75 + 8 × 0) / 12
        indicatorIds: ['N1', 'N2'],
        onTrack: false, // N2 is behind
      },
    ])
  })

  it('reports lanes with counts by status (cancelled included) and progress', () => {
    expect(report.lanes).toEqual([
      {
        laneId: 'L1',
        name: 'Core',
        color: '#64748b',
        byStatus: { planned: 0, 'in-progress': 2, done: 1, cancelled: 1 },
        progress: 0.6667, // (3 + 0 + 1) / (4 + 1 + 1)
      },
      {
        laneId: 'L2',
        name: 'Growth',
        color: '#64748b',
        byStatus: { planned: 2, 'in-progress': 0, done: 0, cancelled: 0 },
        progress: 0.0556, // 0.5 / 9
      },
    ])
  })

  it('measures indicators against the straight line from horizon start to end', () => {
    // 2026-01-01 → 2026-03-11 is 69 of 364 days: 0.1896 expected.
    const [retained, churn, fromHistory] = report.indicators
    expect(retained).toMatchObject({
      progressToTarget: 0.5,
      expectedProgress: 0.1896,
      onTrack: true,
    })
    // Decrease from 100 towards 50, at 95: 0.1, more than 0.05 behind 0.1896.
    expect(churn).toMatchObject({ direction: 'decrease', progressToTarget: 0.1, onTrack: false })
    // Baseline and current come from the history when unset: 20 → 28 of 40.
    expect(fromHistory).toMatchObject({
      baseline: 20,
      current: 28,
      target: 40,
      progressToTarget: 0.4,
      onTrack: true,
      trendPerWeek: 1, // +4 every 28 days
      projected: 71.429, // 20 + 360 days / 7
    })
  })

  it('groups open and mitigating risks by severity, worst first; closed ones are left out', () => {
    expect(report.risks.open).toBe(3)
    expect(report.risks.bySeverity.critical).toEqual([])
    expect(report.risks.bySeverity.high.map((r) => [r.riskId, r.score])).toEqual([['K1', 12]])
    expect(report.risks.bySeverity.medium).toEqual([])
    expect(report.risks.bySeverity.low.map((r) => [r.riskId, r.score, r.status])).toEqual([
      ['K3', 4, 'mitigating'],
      ['K4', 1, 'open'],
    ])
  })

  it('lists milestones of the next 60 days (inclusive) and overdue ones', () => {
    expect(report.milestones.upcoming.map((m) => [m.milestoneId, m.daysUntil])).toEqual([
      ['M1', 9],
      ['M2', 60],
    ])
    expect(report.milestones.overdue.map((m) => [m.milestoneId, m.daysUntil])).toEqual([
      ['M4', -10],
    ])
  })

  it('lists late and blocked features with the reason', () => {
    expect(report.late).toEqual([
      { featureId: 'F3', title: 'Reports', laneId: 'L1', end: '2026-02-27', daysLate: 12 },
    ])
    expect(report.blocked).toEqual([
      { featureId: 'F2', title: 'Billing', blockedBy: ['F1'], inCycle: false },
    ])
  })
})

describe('deriveReport edge cases', () => {
  it('reports an empty roadmap with zeros and no horizon', () => {
    const report = deriveReport(roadmapData({ lanes: [] }), TODAY)
    expect(report).toEqual({
      title: 'Fixture',
      today: TODAY,
      horizon: null,
      summary: {
        features: 0,
        byStatus: { planned: 0, 'in-progress': 0, done: 0, cancelled: 0 },
        progress: 0,
        late: 0,
        blocked: 0,
      },
      goals: [],
      lanes: [],
      indicators: [],
      risks: { open: 0, bySeverity: { critical: [], high: [], medium: [], low: [] } },
      milestones: { upcoming: [], overdue: [] },
      late: [],
      blocked: [],
    })
    expect(deriveReport(new Y.Doc(), TODAY).summary.features).toBe(0)
  })

  it('keeps features of a deleted lane in a lane row of their own', () => {
    const report = deriveReport(
      roadmapData({ features: [feature('F', { laneId: 'gone' as LaneId, status: 'done' })] }),
      TODAY,
    )
    expect(report.lanes.map((l) => [l.laneId, l.name, l.byStatus.done, l.progress])).toEqual([
      ['L1', 'Lane', 0, 0],
      ['gone', null, 1, 1],
    ])
  })

  it('marks a blocked feature on a cycle', () => {
    const report = deriveReport(
      roadmapData({
        features: [
          feature('a', { rank: 'a0', dependsOn: ['b'] as FeatureId[] }),
          feature('b', { rank: 'a1', dependsOn: ['a'] as FeatureId[] }),
        ],
      }),
      TODAY,
    )
    expect(report.blocked).toEqual([
      { featureId: 'a', title: 'a', blockedBy: [], inCycle: true },
      { featureId: 'b', title: 'b', blockedBy: [], inCycle: true },
    ])
  })

  it('derives the horizon from dated features when the roadmap has none', () => {
    const features = [
      feature('a', { start: '2026-02-01', end: '2026-02-20' }),
      feature('b', { start: '2026-01-10', end: '2026-01-20' }),
      feature('c', { start: '2025-01-01', end: '2027-01-01', status: 'cancelled' }),
    ]
    expect(horizonOf(null, null, features)).toEqual({
      start: '2026-01-10',
      end: '2026-02-20',
      source: 'features',
    })
    expect(horizonOf('2026-05-01', '2026-04-01', features)?.source).toBe('features')
    expect(horizonOf(null, null, [])).toBeNull()
  })

  it('leaves an indicator verdict open when values or the horizon are missing', () => {
    const horizon = { start: '2026-01-01', end: '2026-12-31', source: 'roadmap' as const }
    expect(
      indicatorProgress(indicator('x', { baseline: 1, target: 2 }), horizon, TODAY),
    ).toMatchObject({
      current: null,
      progressToTarget: null,
      onTrack: null,
      trendPerWeek: null,
      projected: null,
    })
    expect(
      indicatorProgress(indicator('y', { baseline: 0, target: 10, current: 2 }), null, TODAY),
    ).toMatchObject({
      progressToTarget: 0.2,
      expectedProgress: null,
      onTrack: null,
    })
    // Reaching the target is on track whatever the calendar says.
    expect(
      indicatorProgress(indicator('z', { baseline: 0, target: 10, current: 12 }), null, TODAY),
    ).toMatchObject({
      progressToTarget: 1,
      onTrack: true,
    })
  })

  it('clamps progress to target and respects its direction', () => {
    expect(progressBetween(10, 15, 20, 'increase')).toBe(0.5)
    expect(progressBetween(10, 5, 20, 'increase')).toBe(0)
    expect(progressBetween(10, 30, 20, 'increase')).toBe(1)
    expect(progressBetween(100, 75, 50, 'decrease')).toBe(0.5)
    expect(progressBetween(100, 120, 50, 'decrease')).toBe(0)
    // A target not beyond the baseline in its direction: reached or not.
    expect(progressBetween(10, 10, 10, 'increase')).toBe(1)
    expect(progressBetween(10, 9, 10, 'increase')).toBe(0)
    expect(progressBetween(50, 60, 100, 'decrease')).toBe(1)
    expect(progressBetween(50, 120, 100, 'decrease')).toBe(0)
  })

  it('expects nothing before the horizon and everything after it', () => {
    const horizon = { start: '2026-04-01', end: '2026-06-30', source: 'roadmap' as const }
    const ind = indicator('x', { baseline: 0, target: 10, current: 0 })
    expect(indicatorProgress(ind, horizon, TODAY)).toMatchObject({
      expectedProgress: 0,
      onTrack: true,
    })
    expect(indicatorProgress(ind, horizon, '2026-07-15')).toMatchObject({
      expectedProgress: 1,
      onTrack: false,
    })
  })

  it('gives the same report from a doc and from its snapshot', () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    roadmap.transact((r) => {
      r.init({ title: 'Live', horizonStart: '2026-01-01', horizonEnd: '2026-12-31' })
      const lane = r.lanes.create({ name: 'Core' })
      const goal = r.goals.create({ title: 'Grow' })
      const f = r.features.create({
        laneId: lane,
        title: 'A',
        start: '2026-01-05',
        end: '2026-01-30',
        goalIds: [goal],
      })
      r.items.create({ featureId: f, title: 'x', estimate: 2 })
      const ind = r.indicators.create({
        name: 'Teams',
        baseline: 10,
        target: 20,
        goalId: goal as GoalId,
      })
      r.indicators.record(ind, { date: '2026-02-01', value: 13 })
    })
    const report = deriveReport(doc, TODAY)
    expect(report).toEqual(deriveReport(readRoadmap(doc), TODAY))
    expect(report.late.map((l) => l.title)).toEqual(['A'])
    expect(report.indicators[0]).toMatchObject({
      current: 13,
      progressToTarget: 0.3,
      onTrack: true,
    })
  })
})

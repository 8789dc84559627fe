import { describe, expect, test } from 'vitest'
import { compareRoadmaps } from './compare.js'
import { changeLine, comparisonToMarkdown } from './compareMarkdown.js'
import type { RoadmapData } from './schema.js'
import {
  feature,
  goal,
  indicator,
  item,
  lane,
  milestone,
  risk,
  roadmapData,
} from './testing/fixture.js'

const DATES = { fromDate: '2026-03-01', toDate: '2026-03-15' }

const compare = (a: RoadmapData, b: RoadmapData) => compareRoadmaps(a, b, DATES)
const lanes = [lane('L1', 'Platform', 'a0'), lane('L2', 'Mobile', 'a1')]
const one = (f: ReturnType<typeof feature>) => roadmapData({ lanes, features: [f] })

describe('compareRoadmaps: schedule', () => {
  test('a feature moved later with the same length slipped, shifted, by the days its end moved', () => {
    const a = one(feature('F1', { start: '2026-04-01', end: '2026-04-30' }))
    const b = one(feature('F1', { start: '2026-04-11', end: '2026-05-10' }))
    const result = compare(a, b)
    expect(result.changes).toEqual([
      {
        group: 'schedule',
        type: 'slipped',
        kind: 'features',
        id: 'F1',
        title: 'F1',
        field: 'dates',
        from: '2026-04-01/2026-04-30',
        to: '2026-04-11/2026-05-10',
        days: 10,
      },
    ])
    expect(result.features).toEqual([
      {
        id: 'F1',
        title: 'F1',
        before: { laneId: 'L1', start: '2026-04-01', end: '2026-04-30' },
        after: { laneId: 'L1', start: '2026-04-11', end: '2026-05-10' },
        shifted: true,
        laneChanged: false,
        endDays: 10,
      },
    ])
    expect(result.summary).toMatchObject({ featuresSlipped: 1, slipDays: 10, featuresPulledIn: 0 })
  })

  test('an end moved earlier is pulled in; an end kept with a new start is resized', () => {
    const a = roadmapData({
      features: [
        feature('F1', { start: '2026-04-01', end: '2026-04-30' }),
        feature('F2', { start: '2026-04-01', end: '2026-04-30' }),
      ],
    })
    const b = roadmapData({
      features: [
        feature('F1', { start: '2026-04-01', end: '2026-04-20' }),
        feature('F2', { start: '2026-04-10', end: '2026-04-30' }),
      ],
    })
    const result = compare(a, b)
    expect(result.changes.map((c) => [c.id, c.type, c.days])).toEqual([
      ['F1', 'pulled-in', -10],
      ['F2', 'resized', 0],
    ])
    expect(result.features.map((f) => f.shifted)).toEqual([false, false])
    expect(result.summary).toMatchObject({ featuresPulledIn: 1, pullInDays: 10, slipDays: 0 })
  })

  test('slips of several features add up; scheduling an undated feature is no slip', () => {
    const a = roadmapData({
      features: [
        feature('F1', { start: '2026-04-01', end: '2026-04-30' }),
        feature('F2', { start: '2026-04-01', end: '2026-04-30' }),
        feature('F3'),
      ],
    })
    const b = roadmapData({
      features: [
        feature('F1', { start: '2026-04-01', end: '2026-05-03' }),
        feature('F2', { start: '2026-04-01', end: '2026-05-07' }),
        feature('F3', { start: '2026-04-01', end: '2026-04-02' }),
      ],
    })
    const result = compare(a, b)
    expect(result.changes.map((c) => c.type)).toEqual(['slipped', 'slipped', 'scheduled'])
    expect(result.summary).toMatchObject({ featuresSlipped: 2, slipDays: 3 + 7 })
  })

  test('a feature moved to another lane carries both lanes, by name in the change list', () => {
    const a = one(feature('F1', { laneId: 'L1' as never }))
    const b = one(feature('F1', { laneId: 'L2' as never }))
    const result = compare(a, b)
    expect(result.changes).toMatchObject([
      { group: 'schedule', type: 'lane-changed', field: 'laneId', from: 'Platform', to: 'Mobile' },
    ])
    expect(result.features).toMatchObject([
      { id: 'F1', laneChanged: true, before: { laneId: 'L1' }, after: { laneId: 'L2' } },
    ])
  })

  test('a milestone moved carries its old and new date and the days between', () => {
    const a = roadmapData({ milestones: [milestone('M1', { title: 'Beta', date: '2026-05-01' })] })
    const b = roadmapData({ milestones: [milestone('M1', { title: 'Beta', date: '2026-05-15' })] })
    const result = compare(a, b)
    expect(result.changes).toMatchObject([
      {
        type: 'milestone-moved',
        kind: 'milestones',
        id: 'M1',
        from: '2026-05-01',
        to: '2026-05-15',
        days: 14,
      },
    ])
    expect(result.milestones).toEqual([
      {
        id: 'M1',
        title: 'Beta',
        before: { date: '2026-05-01', laneId: null },
        after: { date: '2026-05-15', laneId: null },
        days: 14,
      },
    ])
    expect(result.summary.milestonesMoved).toBe(1)
    // The line the recap, the compare view and the Markdown show: days as the app says them.
    expect(changeLine(result.changes[0]!)).toBe(
      'Milestone **Beta** moved 14 days later (May 1, 2026 → May 15, 2026)',
    )
  })
})

describe('compareRoadmaps: scope, status, goals, risks', () => {
  test('features added and removed are listed with their placement for the timeline', () => {
    const a = roadmapData({
      features: [feature('OLD', { start: '2026-04-01', end: '2026-04-02' })],
    })
    const b = roadmapData({
      features: [feature('NEW', { start: '2026-05-01', end: '2026-05-02' })],
    })
    const result = compare(a, b)
    expect(result.changes.map((c) => [c.group, c.type, c.id])).toEqual([
      ['scope', 'added', 'NEW'],
      ['scope', 'removed', 'OLD'],
    ])
    expect(
      result.features.map((f) => [f.id, f.before?.start ?? null, f.after?.start ?? null]),
    ).toEqual([
      ['NEW', null, '2026-05-01'],
      ['OLD', '2026-04-01', null],
    ])
    expect(result.summary).toMatchObject({ featuresAdded: 1, featuresRemoved: 1 })
  })

  test('an item added, and another accepted; the estimate in scope follows the items', () => {
    const f = feature('F1', { estimate: 8 })
    const a = roadmapData({ features: [f], items: [item('I1', 'F1', { estimate: 3 })] })
    const b = roadmapData({
      features: [f],
      items: [
        item('I1', 'F1', {
          estimate: 3,
          status: 'done',
          acceptedAt: '2026-03-10T10:00:00.000Z',
          acceptedBy: 'Ana',
        }),
        item('I2', 'F1', { estimate: 2 }),
      ],
    })
    const result = compare(a, b)
    expect(result.changes.map((c) => [c.group, c.type, c.id])).toEqual([
      ['scope', 'added', 'I2'],
      ['status', 'accepted', 'I1'],
    ])
    expect(result.summary).toMatchObject({ itemsAdded: 1, estimateBefore: 3, estimateAfter: 5 })
  })

  test('status and health of a feature changed', () => {
    const a = one(feature('F1', { status: 'planned', health: 'on-track' }))
    const b = one(feature('F1', { status: 'in-progress', health: 'at-risk' }))
    expect(compare(a, b).changes).toMatchObject([
      { group: 'status', type: 'status-changed', from: 'planned', to: 'in-progress' },
      { group: 'status', type: 'health-changed', from: 'on-track', to: 'at-risk' },
    ])
  })

  test('an indicator value changed and with it the on-track verdict', () => {
    const meta = { horizonStart: '2026-01-01', horizonEnd: '2026-12-31' }
    const kpi = (current: number) =>
      indicator('K1', {
        name: 'Activation',
        baseline: 0,
        target: 100,
        current,
        goalId: 'G1' as never,
      })
    const a = roadmapData({ meta, goals: [goal('G1', 'Grow', 'a0')], indicators: [kpi(30)] })
    const b = roadmapData({ meta, goals: [goal('G1', 'Grow', 'a0')], indicators: [kpi(5)] })
    expect(compare(a, b).changes).toMatchObject([
      { group: 'goals', type: 'value-changed', kind: 'indicators', id: 'K1', from: 30, to: 5 },
      { group: 'goals', type: 'on-track-changed', from: true, to: false },
    ])
  })

  test('a risk re-scored, another closed, a third added', () => {
    const a = roadmapData({
      risks: [risk('R1', { likelihood: 2, impact: 3 }), risk('R2', { status: 'open' })],
    })
    const b = roadmapData({
      risks: [
        risk('R1', { likelihood: 4, impact: 3 }),
        risk('R2', { status: 'closed' }),
        risk('R3'),
      ],
    })
    expect(compare(a, b).changes.map((c) => [c.type, c.id, c.from, c.to])).toEqual([
      ['score-changed', 'R1', 6, 12],
      ['closed', 'R2', 'open', 'closed'],
      ['added', 'R3', null, null],
    ])
  })

  test('identical versions have no changes', () => {
    const data = roadmapData({
      features: [feature('F1', { start: '2026-04-01', end: '2026-04-30' })],
    })
    const result = compare(data, data)
    expect(result.changes).toEqual([])
    expect(comparisonToMarkdown(result)).toContain('No changes.')
  })
})

describe('comparisonToMarkdown', () => {
  test('a summary, then one section per group with one bullet per change, titles escaped', () => {
    const a = roadmapData({
      meta: { title: 'Q2 plan' },
      lanes,
      features: [feature('F1', { title: 'Sign_in *v2*', start: '2026-04-01', end: '2026-04-30' })],
      risks: [risk('R1', { title: 'Vendor late', likelihood: 2, impact: 2 })],
    })
    const b = roadmapData({
      meta: { title: 'Q2 plan' },
      lanes,
      features: [
        feature('F1', {
          title: 'Sign_in *v2*',
          start: '2026-04-01',
          end: '2026-05-05',
          laneId: 'L2' as never,
        }),
        feature('F2', { title: 'Offline mode' }),
      ],
      risks: [risk('R1', { title: 'Vendor late', likelihood: 3, impact: 4 })],
    })
    expect(comparisonToMarkdown(compare(a, b))).toBe(
      [
        '## What changed in Q2 plan: Mar 1, 2026 → Mar 15, 2026',
        '',
        '**Summary:** 1 feature slipped (5 days in total); 0 pulled in; 0 milestones moved; 1 added, 0 removed.',
        '',
        '### Schedule',
        '',
        '- Feature **Sign\\_in \\*v2\\*** slipped 5 days (Apr 1, 2026 – Apr 30, 2026 → Apr 1, 2026 – May 5, 2026)',
        '- Feature **Sign\\_in \\*v2\\*** moved to lane Mobile (from Platform)',
        '',
        '### Scope',
        '',
        '- Feature **Offline mode** added',
        '',
        '### Risks',
        '',
        '- Risk **Vendor late** score 4 → 12',
        '',
      ].join('\n'),
    )
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { weekStart, windowOf, workingDaysByWeek } from './deriveCommon.js'
import { findCycles, MAX_CYCLES } from './dependencyCycles.js'
import { checkSchedule } from './schedule.js'
import type { FeatureId, ResourceId } from './schema.js'
import { feature, item, resource, roadmapData, smallFixture, TODAY } from './testing/fixture.js'

const deps = (...list: string[]) => list as FeatureId[]

describe('checkSchedule on the small fixture', () => {
  const check = checkSchedule(smallFixture(), TODAY)

  it('finds the one dependency conflict with its overlap in days', () => {
    // F1 runs until 03-13 (inclusive); F2 starts 03-09: 09, 10, 11, 12, 13.
    expect(check.conflicts).toEqual([{ featureId: 'F2', dependsOnId: 'F1', overlapDays: 5 }])
  })

  it('lists late features with days late, and no cycles', () => {
    expect(check.late).toEqual([
      { featureId: 'F3', title: 'Reports', end: '2026-02-27', daysLate: 12 },
    ])
    expect(check.cycles).toEqual([])
    expect(check.today).toBe(TODAY)
  })

  it('computes load per resource per ISO week from items and the unbroken-down remainder', () => {
    expect(check.load).toEqual([
      {
        resourceId: 'R1',
        name: 'Ana',
        kind: 'person',
        capacity: 5,
        weeks: [
          { week: '2026-03-02', load: 2, capacity: 5, overloaded: false, featureIds: ['F1'] },
          { week: '2026-03-09', load: 6, capacity: 5, overloaded: true, featureIds: ['F1', 'F2'] },
          { week: '2026-03-16', load: 4, capacity: 5, overloaded: false, featureIds: ['F2'] },
        ],
      },
      {
        resourceId: 'R2',
        name: 'Ben',
        kind: 'person',
        capacity: 10,
        // F2: own estimate 10 − items 8 = 2 on its resource Ben, over two weeks. Ben's
        // unestimated item on F1 adds nothing.
        weeks: [
          { week: '2026-03-09', load: 1, capacity: 10, overloaded: false, featureIds: ['F2'] },
          { week: '2026-03-16', load: 1, capacity: 10, overloaded: false, featureIds: ['F2'] },
        ],
      },
      { resourceId: 'R3', name: 'Squad', kind: 'team', capacity: null, weeks: [] },
    ])
    expect(check.overloaded).toEqual([
      {
        resourceId: 'R1',
        name: 'Ana',
        week: '2026-03-09',
        load: 6,
        capacity: 5,
        featureIds: ['F1', 'F2'],
      },
    ])
  })
})

describe('checkSchedule edge cases', () => {
  it('is empty for an empty roadmap, from data or from a doc', () => {
    const empty = { today: TODAY, conflicts: [], cycles: [], late: [], load: [], overloaded: [] }
    expect(checkSchedule(roadmapData(), TODAY)).toEqual(empty)
    expect(checkSchedule(new Y.Doc(), TODAY)).toEqual(empty)
  })

  it('counts a dependency ending the day the feature starts as one day of overlap, and the day before as none', () => {
    const data = roadmapData({
      features: [
        feature('dep', { rank: 'a0', start: '2026-03-02', end: '2026-03-09' }),
        feature('same-day', {
          rank: 'a1',
          start: '2026-03-09',
          end: '2026-03-13',
          dependsOn: deps('dep'),
        }),
        feature('next-day', {
          rank: 'a2',
          start: '2026-03-10',
          end: '2026-03-13',
          dependsOn: deps('dep'),
        }),
      ],
    })
    expect(checkSchedule(data, TODAY).conflicts).toEqual([
      { featureId: 'same-day', dependsOnId: 'dep', overlapDays: 1 },
    ])
  })

  it('lists conflicts in backlog order of the feature, then of its dependencies', () => {
    const window = { start: '2026-03-02', end: '2026-03-31' }
    const data = roadmapData({
      features: [
        feature('z', { rank: 'a0', ...window }),
        feature('y', { rank: 'a1', ...window }),
        feature('b', { rank: 'a2', ...window, dependsOn: deps('y', 'z') }),
        feature('a', { rank: 'a3', ...window, dependsOn: deps('z') }),
      ],
    })
    expect(
      checkSchedule(data, TODAY).conflicts.map((c) => `${c.featureId}<-${c.dependsOnId}`),
    ).toEqual(['b<-z', 'b<-y', 'a<-z'])
  })

  it('reports each dependency cycle once, in canonical rotation, ignoring dangling ids', () => {
    const data = roadmapData({
      features: [
        feature('c', { dependsOn: deps('a') }),
        feature('a', { dependsOn: deps('b', 'gone') }),
        feature('b', { dependsOn: deps('c', 'a') }),
        feature('self', { dependsOn: deps('self'), status: 'cancelled' }),
        feature('tail', { dependsOn: deps('a') }),
      ],
    })
    // a→b→c→a and a→b→a share a and b; "self" depends on itself (status does not matter).
    expect(checkSchedule(data, TODAY).cycles).toEqual([['a', 'b'], ['a', 'b', 'c'], ['self']])
  })

  it('caps the cycles listed on a pathological graph', () => {
    // A complete graph on 8 nodes has thousands of elementary cycles.
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
    const features = names.map((name) =>
      feature(name, { dependsOn: deps(...names.filter((n) => n !== name)) }),
    )
    const cycles = findCycles(features)
    expect(cycles).toHaveLength(MAX_CYCLES)
    expect(new Set(cycles.map((c) => c.join())).size).toBe(MAX_CYCLES)
  })

  it('handles a long dependency chain without recursion limits', () => {
    const count = 20_000
    const features = Array.from({ length: count }, (_, i) =>
      feature(`f${String(i).padStart(5, '0')}`, {
        dependsOn: i > 0 ? deps(`f${String(i - 1).padStart(5, '0')}`) : [],
      }),
    )
    features[0] = { ...features[0], dependsOn: deps(features[count - 1].id) }
    const cycles = checkSchedule(roadmapData({ features }), TODAY).cycles
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toHaveLength(count)
    expect(cycles[0][0]).toBe('f00000')
    expect(cycles[0][1]).toBe(features[count - 1].id)
  })

  it('skips undated, done and cancelled features in lateness and conflicts', () => {
    const past = { start: '2026-01-05', end: '2026-01-09' }
    const data = roadmapData({
      features: [
        feature('done', { rank: 'a0', ...past, status: 'done' }),
        feature('cancelled', { rank: 'a1', ...past, status: 'cancelled' }),
        feature('no-end', { rank: 'a2', start: '2026-01-05' }),
        feature('ends-today', { rank: 'a3', start: '2026-03-02', end: TODAY }),
        feature('late', { rank: 'a4', ...past }),
      ],
    })
    const check = checkSchedule(data, TODAY)
    expect(check.late.map((l) => l.featureId)).toEqual(['late'])
    expect(check.late[0].daysLate).toBe(61)
  })

  it('spreads load over working days, so partial weeks carry their share', () => {
    // Thursday to the next Tuesday: 2 working days in each week.
    const data = roadmapData({
      resources: [resource('R', 'Ana', 1)],
      features: [feature('F', { start: '2026-03-12', end: '2026-03-17' })],
      items: [item('I', 'F', { assigneeId: 'R' as ResourceId, estimate: 4 })],
    })
    expect(checkSchedule(data, TODAY).load[0].weeks.map((w) => [w.week, w.load])).toEqual([
      ['2026-03-09', 2],
      ['2026-03-16', 2],
    ])
  })

  it('shares a feature remainder equally among its resources and ignores unknown ones', () => {
    const data = roadmapData({
      resources: [resource('A', 'Ana', 10), resource('B', 'Ben', 10)],
      features: [
        feature('F', {
          start: '2026-03-09',
          end: '2026-03-13',
          estimate: 9,
          resourceIds: ['A', 'B', 'gone'] as ResourceId[],
        }),
      ],
      items: [item('I', 'F', { estimate: 3 })],
    })
    // 9 − 3 = 6 split three ways; the unknown id's share is reported as dangling, not carried.
    const load = checkSchedule(data, TODAY).load
    expect(load.map((r) => r.weeks.map((w) => w.load))).toEqual([[2], [2]])
  })

  it('adds no remainder when items already exceed the feature estimate', () => {
    const data = roadmapData({
      resources: [resource('A', 'Ana', 1)],
      features: [
        feature('F', {
          start: '2026-03-09',
          end: '2026-03-13',
          estimate: 2,
          resourceIds: ['A'] as ResourceId[],
        }),
      ],
      items: [item('I', 'F', { estimate: 5 })],
    })
    expect(checkSchedule(data, TODAY).load[0].weeks).toEqual([])
  })

  it('never overloads a resource without capacity, and overloads at capacity 0', () => {
    const data = roadmapData({
      resources: [resource('N', 'No cap', null), resource('Z', 'Zero', 0)],
      features: [feature('F', { start: '2026-03-09', end: '2026-03-13' })],
      items: [
        item('a', 'F', { assigneeId: 'N' as ResourceId, estimate: 100 }),
        item('b', 'F', { assigneeId: 'Z' as ResourceId, estimate: 1 }),
      ],
    })
    const check = checkSchedule(data, TODAY)
    expect(check.load[0].weeks[0]).toMatchObject({ load: 100, overloaded: false })
    expect(check.overloaded.map((o) => o.name)).toEqual(['Zero'])
  })

  it('puts no load from undated or cancelled features', () => {
    const data = roadmapData({
      resources: [resource('A', 'Ana', 1)],
      features: [
        feature('undated', { estimate: 5, resourceIds: ['A'] as ResourceId[] }),
        feature('cancelled', {
          start: '2026-03-09',
          end: '2026-03-13',
          status: 'cancelled',
          estimate: 5,
          resourceIds: ['A'] as ResourceId[],
        }),
      ],
    })
    expect(checkSchedule(data, TODAY).load[0].weeks).toEqual([])
  })

  it('does not count float noise as an overload', () => {
    const data = roadmapData({
      resources: [resource('A', 'Ana', 0.3)],
      features: [feature('F', { start: '2026-03-09', end: '2026-03-13' })],
      items: [
        item('a', 'F', { assigneeId: 'A' as ResourceId, estimate: 0.1 }),
        item('b', 'F', { assigneeId: 'A' as ResourceId, estimate: 0.2 }),
      ],
    })
    expect(checkSchedule(data, TODAY).overloaded).toEqual([])
  })
})

describe('date windows and weeks', () => {
  it('finds the Monday of an ISO week', () => {
    expect(weekStart('2026-03-09')).toBe('2026-03-09')
    expect(weekStart('2026-03-15')).toBe('2026-03-09') // Sunday belongs to the week before
    expect(weekStart('2026-01-01')).toBe('2025-12-29') // across a year boundary
  })

  it('treats missing, invalid and inverted dates as no window', () => {
    expect(windowOf({ start: '2026-03-01', end: '2026-03-01' })).toEqual({
      start: '2026-03-01',
      end: '2026-03-01',
    })
    expect(windowOf({ start: null, end: '2026-03-01' })).toBeNull()
    expect(windowOf({ start: '2026-02-30', end: '2026-03-01' })).toBeNull()
    expect(windowOf({ start: '2026-03-02', end: '2026-03-01' })).toBeNull()
  })

  it('counts working days per week, and gives a weekend-only window one day', () => {
    expect([...workingDaysByWeek({ start: '2026-03-02', end: '2026-03-15' })]).toEqual([
      ['2026-03-02', 5],
      ['2026-03-09', 5],
    ])
    expect([...workingDaysByWeek({ start: '2026-03-14', end: '2026-03-15' })]).toEqual([
      ['2026-03-09', 1],
    ])
    expect([...workingDaysByWeek({ start: '2026-03-06', end: '2026-03-09' })]).toEqual([
      ['2026-03-02', 1],
      ['2026-03-09', 1],
    ])
  })
})

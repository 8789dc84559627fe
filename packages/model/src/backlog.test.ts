import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog, progressOf, riceOf } from './backlog.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import type { FeatureId, LaneId, RoadmapData } from './schema.js'
import { feature, ids, item, lane, roadmapData, smallFixture, TODAY } from './testing/fixture.js'

describe('deriveBacklog on the small fixture', () => {
  const backlog = deriveBacklog(smallFixture(), TODAY)
  const entry = (id: string) => backlog.entries.find((e) => e.featureId === id)!

  it('lists features not cancelled: ranked by rank, then unranked by lane order and date', () => {
    expect(ids(backlog.entries)).toEqual(['F1', 'F2', 'F3', 'F6', 'F5'])
    expect(backlog.title).toBe('Small')
    expect(backlog.today).toBe(TODAY)
  })

  it('carries lane, dates, goals, status and items in rank order', () => {
    const auth = entry('F1')
    expect(auth).toMatchObject({
      title: 'Auth',
      laneId: 'L1',
      laneName: 'Core',
      start: '2026-03-02',
      end: '2026-03-13',
      status: 'in-progress',
      health: 'on-track',
      goalIds: ['G1'],
      goals: [{ id: 'G1', title: 'Retention' }],
    })
    expect(auth.items.map((i) => i.id)).toEqual(['I1', 'I2', 'I3'])
    expect(auth.items[0]).toEqual({
      id: 'I1',
      title: 'I1',
      status: 'done',
      assigneeId: 'R1',
      assigneeName: 'Ana',
      estimate: 3,
      rank: 'a0',
      acceptedAt: '2026-03-05T10:00:00.000Z',
      acceptedBy: 'Priya (PO)',
    })
  })

  it('sums estimates and derives progress from them (unestimated items do not count)', () => {
    expect(entry('F1')).toMatchObject({ totalEstimate: 4, doneEstimate: 3, progress: 0.75 })
    expect(entry('F2')).toMatchObject({
      totalEstimate: 8,
      doneEstimate: 0,
      progress: 0,
      estimate: 10,
    })
  })

  it('falls back to counting items when all estimates are zero, and to 0 without items', () => {
    expect(entry('F5')).toMatchObject({ totalEstimate: 0, doneEstimate: 0, progress: 0.5 })
    expect(entry('F3')).toMatchObject({ items: [], progress: 0 })
  })

  it('counts a done feature as complete whatever its items say', () => {
    expect(entry('F6').progress).toBe(1)
  })

  it('lists item assignees in item order, then the feature resources', () => {
    expect(entry('F1').assigneeIds).toEqual(['R1', 'R2'])
    expect(entry('F2').assigneeIds).toEqual(['R1', 'R2'])
    expect(entry('F2').assignees).toEqual([
      { id: 'R1', name: 'Ana' },
      { id: 'R2', name: 'Ben' },
    ])
  })

  it('takes the worst open or mitigating risk, ignoring closed ones', () => {
    expect(entry('F1').worstRisk).toEqual({ riskId: 'K1', title: 'Vendor outage', score: 12 })
    expect(entry('F2').worstRisk).toEqual({ riskId: 'K3', title: 'Pricing pushback', score: 4 })
    expect(entry('F3').worstRisk).toBeNull()
  })

  it('flags late, blocked, overloaded, risky and dangling exactly where computed by hand', () => {
    const flags = Object.fromEntries(backlog.entries.map((e) => [e.featureId, e.flags]))
    expect(flags).toEqual({
      // Ana carries 2 + 4 = 6 > 5 in the week of 03-09, inside both F1 and F2.
      F1: { late: false, blocked: false, overloaded: true, risky: true, dangling: false },
      // F1 ends 03-13, after F2 starts 03-09; goal G9 is gone.
      F2: { late: false, blocked: true, overloaded: true, risky: false, dangling: true },
      F3: { late: true, blocked: false, overloaded: false, risky: false, dangling: false },
      F6: { late: false, blocked: false, overloaded: false, risky: false, dangling: false },
      F5: { late: false, blocked: false, overloaded: false, risky: false, dangling: false },
    })
    expect(entry('F2').danglingRefs).toEqual([{ field: 'goalIds', missingId: 'G9' }])
    expect(entry('F2').goals).toEqual([
      { id: 'G1', title: 'Retention' },
      { id: 'G9', title: null },
    ])
  })

  it('computes RICE, reading a confidence above 1 as a percentage', () => {
    expect(entry('F1').rice).toEqual({
      reach: 1000,
      impact: 2,
      confidence: 80,
      effort: 4,
      score: 400,
    })
    // Effort 0: no score rather than Infinity.
    expect(entry('F2').rice.score).toBeNull()
    expect(entry('F3').rice).toEqual({
      reach: null,
      impact: null,
      confidence: null,
      effort: null,
      score: null,
    })
  })

  it('keeps items whose feature is gone as orphans instead of dropping them', () => {
    expect(backlog.orphanItems).toEqual([
      expect.objectContaining({ id: 'I7', featureId: 'gone', title: 'Orphan', estimate: 2 }),
    ])
  })

  it('contains the fields of the backlog JSON contract', () => {
    const json = JSON.parse(JSON.stringify({ entries: backlog.entries })) as {
      entries: Record<string, unknown>[]
    }
    for (const served of json.entries) {
      for (const key of [
        'featureId',
        'title',
        'laneId',
        'start',
        'end',
        'status',
        'health',
        'progress',
        'flags',
        'items',
      ]) {
        expect(served).toHaveProperty(key)
      }
      for (const it of served.items as Record<string, unknown>[]) {
        for (const key of ['id', 'title', 'status', 'assigneeId', 'estimate'])
          expect(it).toHaveProperty(key)
      }
    }
  })

  it('is pure: the same input gives the same answer, and the input is not changed', () => {
    const data = smallFixture()
    const before = JSON.stringify(data)
    expect(deriveBacklog(data, TODAY)).toEqual(deriveBacklog(data, TODAY))
    expect(JSON.stringify(data)).toBe(before)
  })
})

describe('deriveBacklog edge cases', () => {
  it('derives an empty backlog from an empty roadmap', () => {
    expect(deriveBacklog(roadmapData(), TODAY)).toEqual({
      title: 'Fixture',
      today: TODAY,
      entries: [],
      orphanItems: [],
    })
    expect(deriveBacklog(new Y.Doc(), TODAY).entries).toEqual([])
  })

  it('rejects a today that is not an ISO date (a caller bug)', () => {
    expect(() => deriveBacklog(roadmapData(), '11/03/2026')).toThrow(RangeError)
  })

  it('reports a feature whose lane is gone and keeps it in the backlog', () => {
    const data = roadmapData({
      lanes: [lane('L1', 'Core', 'a0')],
      features: [
        feature('F1', { laneId: 'L1' as LaneId, rank: 'a1' }),
        feature('F2', { laneId: 'Lgone' as LaneId, rank: 'a0' }),
      ],
    })
    const backlog = deriveBacklog(data, TODAY)
    expect(ids(backlog.entries)).toEqual(['F2', 'F1'])
    expect(backlog.entries[0]).toMatchObject({
      laneId: 'Lgone',
      laneName: null,
      flags: { dangling: true },
      danglingRefs: [{ field: 'laneId', missingId: 'Lgone' }],
    })
  })

  it('orders unranked features of a missing lane after the lanes that exist', () => {
    const data = roadmapData({
      lanes: [lane('L2', 'Second', 'a1'), lane('L1', 'First', 'a0')],
      features: [
        feature('gone', { laneId: 'L0' as LaneId, start: '2026-01-01', end: '2026-01-02' }),
        feature('late-start', { laneId: 'L1' as LaneId, start: '2026-05-01', end: '2026-05-02' }),
        feature('undated', { laneId: 'L1' as LaneId }),
        feature('early', { laneId: 'L1' as LaneId, start: '2026-02-01', end: '2026-02-02' }),
        feature('second-lane', { laneId: 'L2' as LaneId, start: '2025-01-01', end: '2025-01-02' }),
      ],
    })
    expect(ids(deriveBacklog(data, TODAY).entries)).toEqual([
      'early',
      'late-start',
      'undated',
      'second-lane',
      'gone',
    ])
  })

  it('breaks equal ranks by id, so every peer shows the same order', () => {
    const data = roadmapData({
      features: [
        feature('b', { rank: 'a0' }),
        feature('a', { rank: 'a0' }),
        feature('c', { rank: 'Zz' }),
      ],
    })
    expect(ids(deriveBacklog(data, TODAY).entries)).toEqual(['c', 'a', 'b'])
  })

  it('reports dangling dependencies, resources and assignees without blocking on them', () => {
    const data = roadmapData({
      features: [
        feature('F1', {
          rank: 'a0',
          start: '2026-03-02',
          end: '2026-03-06',
          dependsOn: ['Fgone' as FeatureId],
          resourceIds: ['Rgone' as never],
        }),
      ],
      items: [item('I1', 'F1', { assigneeId: 'Rghost' as never, estimate: 3 })],
    })
    const [entry] = deriveBacklog(data, TODAY).entries
    expect(entry.flags).toMatchObject({ blocked: false, overloaded: false, dangling: true })
    expect(entry.danglingRefs).toEqual([
      { field: 'resourceIds', missingId: 'Rgone' },
      { field: 'dependsOn', missingId: 'Fgone' },
      { field: 'items.assigneeId', missingId: 'Rghost' },
    ])
    expect(entry.items[0].assigneeName).toBeNull()
  })

  it('flags every live feature on a dependency cycle as blocked', () => {
    const data = roadmapData({
      features: [
        feature('A', { rank: 'a0', dependsOn: ['B' as FeatureId] }),
        feature('B', { rank: 'a1', dependsOn: ['A' as FeatureId] }),
        feature('C', { rank: 'a2', dependsOn: ['A' as FeatureId] }),
        feature('D', { rank: 'a3', dependsOn: ['D' as FeatureId], status: 'done' }),
        feature('E', { rank: 'a4', dependsOn: ['E' as FeatureId] }),
      ],
    })
    const blocked = deriveBacklog(data, TODAY).entries.filter((e) => e.flags.blocked)
    // C depends on the cycle but is not on it (and is undated: no conflict either);
    // D is on a cycle with itself but done.
    expect(ids(blocked)).toEqual(['A', 'B', 'E'])
  })

  it('does not block on a dependency that is done, cancelled or undated', () => {
    const base = { start: '2026-03-01', end: '2026-03-31' }
    const data = roadmapData({
      features: [
        feature('done', { rank: 'a0', ...base, status: 'done' }),
        feature('cancelled', { rank: 'a1', ...base, status: 'cancelled' }),
        feature('undated', { rank: 'a2' }),
        feature('F', {
          rank: 'a3',
          start: '2026-03-02',
          end: '2026-03-06',
          dependsOn: ['done', 'cancelled', 'undated'] as FeatureId[],
        }),
      ],
    })
    const entry = deriveBacklog(data, TODAY).entries.find((e) => e.featureId === 'F')!
    expect(entry.flags.blocked).toBe(false)
  })

  it('treats missing dates as no schedule: never late, blocked by dates, nor loaded', () => {
    const data = roadmapData({
      features: [
        feature('dep', { rank: 'a0', start: '2026-01-01', end: '2026-12-31' }),
        feature('F', {
          rank: 'a1',
          start: null,
          end: '2026-01-05',
          dependsOn: ['dep' as FeatureId],
        }),
        feature('G', { rank: 'a2', start: '2026-03-10', end: '2026-03-01' }),
      ],
    })
    const backlog = deriveBacklog(data, TODAY)
    for (const entry of backlog.entries.slice(1)) {
      expect(entry.flags).toEqual({
        late: false,
        blocked: false,
        overloaded: false,
        risky: false,
        dangling: false,
      })
    }
  })

  it('ignores negative or non-numeric estimates rather than failing', () => {
    const data = roadmapData({
      features: [feature('F', { rank: 'a0' })],
      items: [
        item('a', 'F', { estimate: -5, status: 'done', rank: 'a0' }),
        item('b', 'F', { estimate: Number.NaN, rank: 'a1' }),
        item('c', 'F', { estimate: 2, rank: 'a2' }),
      ],
    })
    const [entry] = deriveBacklog(data, TODAY).entries
    expect(entry.items.map((i) => i.estimate)).toEqual([null, null, 2])
    expect(entry).toMatchObject({ totalEstimate: 2, doneEstimate: 0, progress: 0 })
  })

  it('marks risky only from a high score (10 and up)', () => {
    const data = roadmapData({
      features: [feature('F', { rank: 'a0' }), feature('G', { rank: 'a1' })],
      risks: [
        {
          id: 'r1',
          title: 'Nine',
          likelihood: 3,
          impact: 3,
          status: 'open',
          ownerId: null,
          mitigation: '',
          featureIds: ['F'],
        },
        {
          id: 'r2',
          title: 'Ten',
          likelihood: 2,
          impact: 5,
          status: 'mitigating',
          ownerId: null,
          mitigation: '',
          featureIds: ['G'],
        },
      ] as RoadmapData['risks'],
    })
    expect(deriveBacklog(data, TODAY).entries.map((e) => e.flags.risky)).toEqual([false, true])
  })
})

describe('progressOf and riceOf', () => {
  it('follows the documented progress rule', () => {
    expect(progressOf('planned', []).progress).toBe(0)
    expect(progressOf('done', []).progress).toBe(1)
    expect(
      progressOf('in-progress', [
        { status: 'done', estimate: null },
        { status: 'todo', estimate: null },
      ]).progress,
    ).toBe(0.5)
    expect(
      progressOf('in-progress', [
        { status: 'done', estimate: 1 },
        { status: 'todo', estimate: 3 },
        { status: 'done', estimate: null },
      ]),
    ).toEqual({
      totalEstimate: 4,
      doneEstimate: 1,
      progress: 0.25,
    })
    expect(
      progressOf('in-progress', [
        { status: 'done', estimate: 0.1 },
        { status: 'done', estimate: 0.2 },
      ]).totalEstimate,
    ).toBe(0.3)
  })

  it('scores RICE with fraction or percentage confidence alike', () => {
    expect(riceOf({ reach: 100, impact: 2, confidence: 0.5, effort: 2 }).score).toBe(50)
    expect(riceOf({ reach: 100, impact: 2, confidence: 50, effort: 2 }).score).toBe(50)
    expect(riceOf({ reach: 10, impact: 1, confidence: 1, effort: 3 }).score).toBe(3.33)
    expect(riceOf({ reach: 10, impact: 1, confidence: null, effort: 3 }).score).toBeNull()
  })
})

describe('deriveBacklog over a Y.Doc', () => {
  function build(): { doc: Y.Doc; roadmap: Roadmap; ids: Record<string, string> } {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    const out: Record<string, string> = {}
    roadmap.transact((r) => {
      r.init({ title: 'Live' })
      const core = r.lanes.create({ name: 'Core' })
      const ana = r.resources.create({ name: 'Ana', capacity: 5 })
      const f1 = r.features.create({
        laneId: core,
        title: 'Auth',
        start: '2026-03-02',
        end: '2026-03-13',
        status: 'in-progress',
      })
      const f2 = r.features.create({
        laneId: core,
        title: 'Billing',
        start: '2026-03-09',
        end: '2026-03-20',
        dependsOn: [f1],
      })
      const i1 = r.items.create({ featureId: f1, title: 'Login', estimate: 3, assigneeId: ana })
      r.items.create({ featureId: f1, title: 'Logout', estimate: 1, assigneeId: ana })
      r.items.create({ featureId: f2, title: 'Invoices', estimate: 8, assigneeId: ana })
      r.items.setStatus(i1, 'done', { by: 'Priya (PO)', at: '2026-03-05T10:00:00.000Z' })
      r.risks.create({ title: 'Outage', likelihood: 4, impact: 3, featureIds: [f1] })
      Object.assign(out, { core, ana, f1, f2, i1 })
    })
    return { doc, roadmap, ids: out }
  }

  it('gives the same answer from the doc and from its snapshot', () => {
    const { doc } = build()
    expect(deriveBacklog(doc, TODAY)).toEqual(deriveBacklog(readRoadmap(doc), TODAY))
  })

  it('derives the hand-computed entries from a live document', () => {
    const { doc, ids: id } = build()
    const backlog = deriveBacklog(doc, TODAY)
    expect(backlog.entries.map((e) => e.title)).toEqual(['Auth', 'Billing'])
    expect(backlog.entries[0]).toMatchObject({
      progress: 0.75,
      worstRisk: { title: 'Outage', score: 12 },
      flags: { late: false, blocked: false, overloaded: true, risky: true, dangling: false },
    })
    expect(backlog.entries[0].items[0]).toMatchObject({
      id: id.i1,
      status: 'done',
      acceptedBy: 'Priya (PO)',
    })
    expect(backlog.entries[1].flags).toMatchObject({ blocked: true, overloaded: true })
  })

  it('shows dangling references left by deletes instead of crashing', () => {
    const { doc, roadmap, ids: id } = build()
    const orphan = roadmap.items.create({
      featureId: id.f2 as FeatureId,
      title: 'Stray',
      estimate: 2,
    })
    roadmap.lanes.delete(id.core as LaneId)
    roadmap.features.delete(id.f1 as FeatureId) // its items go with it; the risk keeps the id
    roadmap.items.move(orphan, 'Fgone' as FeatureId)
    const backlog = deriveBacklog(doc, TODAY)
    expect(backlog.entries).toHaveLength(1)
    expect(backlog.entries[0]).toMatchObject({
      title: 'Billing',
      laneName: null,
      flags: { dangling: true, blocked: false },
    })
    expect(backlog.entries[0].danglingRefs).toEqual([
      { field: 'laneId', missingId: id.core },
      { field: 'dependsOn', missingId: id.f1 },
    ])
    expect(backlog.orphanItems.map((i) => i.title)).toEqual(['Stray'])
  })
})

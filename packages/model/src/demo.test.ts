import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog } from './backlog.js'
import { addDays } from './dates.js'
import { DEMO_PRODUCT_OWNER, DEMO_TITLE, demoRoadmap } from './demo.js'
import { problems } from './problems.js'
import { readRoadmap } from './read.js'
import { deriveReport } from './report.js'
import { checkSchedule } from './schedule.js'
import type { RoadmapData } from './schema.js'

const TODAY = '2026-11-27' // a Friday; the week's Monday is 2026-11-23

function demo(today = TODAY, seed?: number): { doc: Y.Doc; data: RoadmapData } {
  const doc = new Y.Doc()
  demoRoadmap(doc, seed === undefined ? { today } : { today, seed })
  return { doc, data: readRoadmap(doc) }
}

/** The document with every id replaced by its order of first appearance. */
function withoutIds(data: RoadmapData): string {
  // Items of different features share ranks, so their global order follows the ids:
  // put them in feature order first.
  const featureIndex = new Map(data.features.map((f, index) => [f.id, index]))
  const items = [...data.items].sort(
    (a, b) =>
      featureIndex.get(a.featureId)! - featureIndex.get(b.featureId)! || (a.rank < b.rank ? -1 : 1),
  )
  const json = JSON.stringify({ ...data, items })
  const ids = new Set<string>()
  for (const list of [
    data.lanes,
    data.features,
    data.milestones,
    data.goals,
    data.indicators,
    data.risks,
    data.resources,
    items,
  ]) {
    for (const entity of list) ids.add(entity.id)
  }
  let out = json
  ;[...ids].forEach((id, index) => {
    out = out.split(`"${id}"`).join(`"#${index}"`)
  })
  return out
}

describe('demoRoadmap', () => {
  const { doc, data } = demo()
  const titleOf = (id: string) => data.features.find((f) => f.id === id)?.title
  const backlog = deriveBacklog(doc, TODAY)
  const flagged = (flag: keyof (typeof backlog.entries)[number]['flags']) =>
    backlog.entries.filter((e) => e.flags[flag]).map((e) => e.title)

  it('is a believable product: title, horizon, lanes with colours, strategy', () => {
    expect(data.meta).toEqual({
      schemaVersion: 1,
      title: DEMO_TITLE,
      horizonStart: '2026-08-24', // 13 weeks before this Monday
      horizonEnd: '2027-05-21', // the Friday 26 weeks on
    })
    expect(data.lanes.map((l) => [l.name, l.color])).toEqual([
      ['Platform', '#6366f1'],
      ['Onboarding', '#10b981'],
      ['Insights', '#f59e0b'],
      ['Integrations', '#0ea5e9'],
      ['Mobile', '#ec4899'],
    ])
    expect(doc.getXmlFragment('strategy').toString()).toContain(
      '<heading level="2">Vision</heading>',
    )
    const blocks = doc.getXmlFragment('strategy').toArray() as Y.XmlElement[]
    expect(blocks.map((b) => b.nodeName)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'bulletList',
      'paragraph',
    ])
    expect(blocks[0].getAttribute('level')).toBe(2)
  })

  it('has 30 features over three quarters, in every status', () => {
    expect(data.features).toHaveLength(30)
    const byStatus = (status: string) => data.features.filter((f) => f.status === status).length
    expect([
      byStatus('done'),
      byStatus('in-progress'),
      byStatus('planned'),
      byStatus('cancelled'),
    ]).toEqual([7, 7, 14, 2])
    const starts = data.features.map((f) => f.start!).sort()
    expect(starts[0]).toBe('2026-08-31') // week −12
    expect(starts[starts.length - 1]).toBe('2027-03-15') // week +16
    expect(data.features.filter((f) => f.health === 'at-risk').map((f) => f.title)).toEqual([
      'Query engine caching',
      'Custom metrics builder',
      'Cohort retention report',
      'Android app beta',
    ])
    expect(data.features.filter((f) => f.health === 'off-track').map((f) => f.title)).toEqual([
      'Onboarding emails',
      'Public REST API v1',
    ])
    for (const f of data.features) {
      expect(f.end! >= f.start!).toBe(true)
      expect(doc.getMap('features').get(f.id)).toBeInstanceOf(Y.Map)
    }
    const description = (doc.getMap('features').get(data.features[0].id) as Y.Map<unknown>).get(
      'description',
    )
    expect(String(description)).toContain('ingestion pipeline')
  })

  it('flags exactly one late, one blocked and three overloaded features', () => {
    expect(flagged('late')).toEqual(['Onboarding emails'])
    expect(flagged('blocked')).toEqual(['Cohort retention report'])
    expect(flagged('overloaded')).toEqual([
      'Usage-based billing',
      'SSO / SAML',
      'Public REST API v1',
    ])
    expect(flagged('risky')).toEqual([
      'Usage-based billing',
      'SSO / SAML',
      'Query engine caching',
      'Custom metrics builder',
      'Android app beta',
    ])
    expect(flagged('dangling')).toEqual([])
    expect(backlog.entries).toHaveLength(28)
    expect(backlog.orphanItems).toEqual([])
  })

  it('has the one overloaded week, conflict and late feature in the schedule', () => {
    const check = checkSchedule(data, TODAY)
    expect(
      check.overloaded.map((o) => [o.name, o.week, o.load, o.capacity, o.featureIds.map(titleOf)]),
    ).toEqual([
      // 10 over 2 weeks + 8 over 2 weeks + 12 over 8 weeks, in week +2.
      [
        'Sam Okafor',
        '2026-12-07',
        10.5,
        8,
        ['Usage-based billing', 'SSO / SAML', 'Public REST API v1'],
      ],
    ])
    expect(
      check.conflicts.map((c) => [titleOf(c.featureId), titleOf(c.dependsOnId), c.overlapDays]),
    ).toEqual([
      // Starts Monday of week +2; its dependency ends Friday of week +3.
      ['Cohort retention report', 'Custom metrics builder', 12],
    ])
    expect(check.late.map((l) => [l.title, l.end, l.daysLate])).toEqual([
      ['Onboarding emails', '2026-10-30', 28],
    ])
    expect(check.cycles).toEqual([])
  })

  it('computes hand-checked progress for a few entries', () => {
    const entry = (title: string) => backlog.entries.find((e) => e.title === title)!
    expect(entry('Team invitations revamp')).toMatchObject({
      totalEstimate: 11,
      doneEstimate: 3,
      progress: 3 / 11,
    })
    expect(entry('Custom metrics builder')).toMatchObject({
      totalEstimate: 15,
      doneEstimate: 5,
      progress: 1 / 3,
    })
    expect(entry('Audit log')).toMatchObject({ totalEstimate: 0, estimate: 9, progress: 0 })
    expect(entry('Anomaly alerts').items.map((i) => [i.assigneeId === null, i.estimate])).toEqual([
      [false, 3],
      [true, null],
    ])
    expect(entry('Usage-based billing').rice.score).toBe(960) // 1200 × 2 × 0.8 ÷ 2
  })

  it('has backlog items in every state, done ones accepted by the product owner', () => {
    const states = new Set(data.items.map((i) => i.status))
    expect([...states].sort()).toEqual(['done', 'in-progress', 'in-review', 'todo'])
    const done = data.items.filter((i) => i.status === 'done')
    expect(done.length).toBe(21)
    for (const i of done) {
      expect(i.acceptedBy).toBe(DEMO_PRODUCT_OWNER)
      expect(i.acceptedAt! < `${TODAY}T00:00`).toBe(true)
    }
    for (const i of data.items.filter((x) => x.status !== 'done')) expect(i.acceptedAt).toBeNull()
  })

  it('has goals, indicators with dated histories, risks, resources and milestones', () => {
    expect(data.goals.map((g) => g.title)).toEqual([
      'Grow weekly active teams',
      'Become the analytics hub of the stack',
      'Be ready for enterprise customers',
    ])
    expect(data.indicators).toHaveLength(6)
    for (const indicator of data.indicators) {
      expect(indicator.history).toHaveLength(8)
      expect(indicator.history[0]).toEqual({ date: '2026-08-17', value: indicator.baseline })
      expect(indicator.history[7].date).toBe('2026-11-23')
      expect(indicator.current).toBe(indicator.history[7].value)
    }
    expect(data.resources.map((r) => r.kind).sort()).toEqual([
      'budget',
      'person',
      'person',
      'person',
      'person',
      'person',
      'team',
      'tool',
    ])
    expect(data.risks).toHaveLength(9)
    expect(data.milestones).toHaveLength(6)
    expect(problems(data)).toEqual([])
  })

  it('reports goals and indicators as designed', () => {
    const report = deriveReport(doc, TODAY)
    expect(report.indicators.map((i) => [i.name, i.progressToTarget, i.onTrack])).toEqual([
      ['Day-7 activation rate', 0.1765, false],
      ['Enterprise ARR', 0.5, true],
      ['Integrations per active team', 0.4, true],
      ['P95 dashboard load time', 0.15, false],
      ['Reports built self-serve', 0.6, true],
      ['Weekly active teams', 0.45, true],
    ])
    expect(report.goals.map((g) => [g.title, g.onTrack])).toEqual([
      ['Grow weekly active teams', false],
      ['Become the analytics hub of the stack', true],
      ['Be ready for enterprise customers', false],
    ])
    expect(report.risks.open).toBe(8)
    expect(Object.values(report.risks.bySeverity).map((list) => list.length)).toEqual([1, 3, 3, 1])
    expect(report.milestones.upcoming.map((m) => [m.title, m.daysUntil])).toEqual([
      ['Insights 2.0 general availability', 27],
      ['Android general availability', 39],
      ['SOC 2 Type I audit', 47],
    ])
    expect(report.milestones.overdue.map((m) => m.title)).toEqual(['Onboarding revamp complete'])
    expect(
      report.lanes.map((l) => [
        l.name,
        l.byStatus.done,
        l.byStatus['in-progress'],
        l.byStatus.planned,
        l.byStatus.cancelled,
      ]),
    ).toEqual([
      ['Platform', 2, 1, 3, 1],
      ['Onboarding', 2, 2, 2, 0],
      ['Insights', 1, 1, 4, 0],
      ['Integrations', 1, 2, 2, 1],
      ['Mobile', 1, 1, 3, 0],
    ])
  })

  it('keeps its shape on every day of the week', () => {
    for (let offset = 0; offset < 7; offset += 1) {
      const today = addDays('2026-11-23', offset)
      const { doc: d } = demo(today)
      const b = deriveBacklog(d, today)
      const titles = (flag: 'late' | 'blocked' | 'overloaded') =>
        b.entries.filter((e) => e.flags[flag]).map((e) => e.title)
      expect(titles('late'), today).toEqual(['Onboarding emails'])
      expect(titles('blocked'), today).toEqual(['Cohort retention report'])
      expect(titles('overloaded'), today).toEqual([
        'Usage-based billing',
        'SSO / SAML',
        'Public REST API v1',
      ])
      expect(checkSchedule(d, today).overloaded, today).toHaveLength(1)
      expect(deriveReport(d, today).milestones.upcoming, today).toHaveLength(3)
    }
  })

  it('is deterministic for a seed (ids aside), and the seed varies the histories', () => {
    expect(withoutIds(demo(TODAY, 7).data)).toBe(withoutIds(demo(TODAY, 7).data))
    expect(withoutIds(demo().data)).toBe(withoutIds(demo(TODAY, 1).data))
    const a = demo(TODAY, 1).data.indicators.map((i) => i.history.map((p) => p.value))
    const b = demo(TODAY, 2).data.indicators.map((i) => i.history.map((p) => p.value))
    expect(a).not.toEqual(b)
    expect(withoutIds({ ...demo(TODAY, 1).data, indicators: [] })).toBe(
      withoutIds({ ...demo(TODAY, 2).data, indicators: [] }),
    )
  })

  it('writes in one transaction with the demo origin', () => {
    const d = new Y.Doc()
    const origins: unknown[] = []
    d.on('afterTransaction', (tr) => origins.push(tr.origin))
    demoRoadmap(d, { today: TODAY })
    expect(origins).toEqual(['demo'])
  })
})

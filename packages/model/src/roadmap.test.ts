import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { collectionOf } from './collections.js'
import { problems } from './problems.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import type { FeatureId, GoalId, ItemId, LaneId } from './schema.js'
import { idSource } from './testing/random-edits.js'

function setup() {
  const doc = new Y.Doc()
  const roadmap = new Roadmap(doc, { origin: 'editor', createId: idSource('id') })
  roadmap.init({ title: 'Plan' })
  return { doc, roadmap }
}

function rawMap(doc: Y.Doc, kind: Parameters<typeof collectionOf>[1], id: string) {
  return collectionOf(doc, kind).get(id) as Y.Map<unknown>
}

describe('Roadmap', () => {
  test('init and setMeta', () => {
    const { doc, roadmap } = setup()
    roadmap.setMeta({ horizonStart: '2026-01-01' })
    expect(readRoadmap(doc).meta).toEqual({
      schemaVersion: 1,
      title: 'Plan',
      horizonStart: '2026-01-01',
      horizonEnd: null,
    })
    roadmap.setMeta({ title: 'Renamed' })
    expect(roadmap.meta()).toMatchObject({ title: 'Renamed', horizonStart: '2026-01-01' })
  })

  test('create stores every schema field, its own id, and a description fragment', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'Core' })
    const feature = roadmap.features.create({ laneId: lane, title: 'Sync', estimate: 5 })
    const map = rawMap(doc, 'features', feature)
    expect(map.get('id')).toBe(feature)
    expect(map.get('status')).toBe('planned')
    expect(map.get('goalIds')).toEqual([])
    expect(map.get('estimate')).toBe(5)
    expect(map.get('description')).toBeInstanceOf(Y.XmlFragment)
    expect(roadmap.features.description(feature)).toBe(map.get('description'))
    expect(roadmap.features.get(feature)).toMatchObject({
      id: feature,
      laneId: lane,
      title: 'Sync',
      rank: 'a0',
    })
    expect(roadmap.features.get('nope' as FeatureId)).toBeUndefined()
    expect(roadmap.features.description('nope' as FeatureId)).toBeUndefined()
    const goal = roadmap.goals.create({ title: 'G' })
    expect(roadmap.goals.description(goal)).toBeInstanceOf(Y.XmlFragment)
  })

  test('every method is one transaction carrying the origin; transact groups them', () => {
    const { doc, roadmap } = setup()
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({ laneId: lane, title: 'F' })
    roadmap.features.update(feature, { title: 'G' })
    roadmap.features.move(feature, { start: '2026-01-01' })
    roadmap.features.reorder(feature, { before: null })
    roadmap.features.delete(feature)
    expect(origins).toEqual(['editor', 'editor', 'editor', 'editor', 'editor', 'editor'])
    origins.length = 0
    const result = roadmap.transact((r) => {
      const id = r.lanes.create({ name: 'B' })
      r.lanes.update(id, { color: '#fff' })
      return id
    })
    expect(origins).toEqual(['editor'])
    expect(roadmap.lanes.get(result)?.color).toBe('#fff')
  })

  test('update writes only the given keys and keeps unknown fields', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({ laneId: lane, title: 'F', estimate: 3 })
    const map = rawMap(doc, 'features', feature)
    roadmap.transact(() => map.set('x-votes', 7))
    const before = map.get('goalIds')
    roadmap.features.update(feature, { title: 'New', estimate: undefined })
    expect(map.get('x-votes')).toBe(7)
    expect(map.get('estimate')).toBe(3)
    expect(map.get('goalIds')).toBe(before)
    expect(map.get('title')).toBe('New')
    expect(roadmap.features.update('gone' as FeatureId, { title: 'x' })).toBe(false)
  })

  test('an update that changes nothing writes nothing', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({
      laneId: lane,
      title: 'F',
      goalIds: ['g' as GoalId],
      end: null,
    })
    let updates = 0
    doc.on('update', () => updates++)
    roadmap.features.update(feature, { title: 'F', goalIds: ['g' as GoalId], end: null })
    roadmap.features.move(feature, { laneId: lane })
    roadmap.setMeta({ title: 'Plan' })
    expect(updates).toBe(0)
    roadmap.features.update(feature, { title: 'G', goalIds: ['g' as GoalId] })
    expect(updates).toBe(1)
  })

  test('update never overwrites id, rank or rich text even when asked through a cast', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({ laneId: lane, title: 'F' })
    const description = roadmap.features.description(feature)
    roadmap.features.update(feature, { id: 'other', rank: 'zz', description: 'text' } as never)
    const map = rawMap(doc, 'features', feature)
    expect(map.get('id')).toBe(feature)
    expect(map.get('rank')).toBe('a0')
    expect(map.get('description')).toBe(description)
  })

  test('create places at the end, or between the neighbours given', () => {
    const { doc, roadmap } = setup()
    const a = roadmap.lanes.create({ name: 'a' })
    const c = roadmap.lanes.create({ name: 'c' })
    const b = roadmap.lanes.create({ name: 'b', before: a, after: c })
    const first = roadmap.lanes.create({ name: 'first', before: null })
    const last = roadmap.lanes.create({ name: 'last', after: null })
    expect(readRoadmap(doc).lanes.map((l) => l.id)).toEqual([first, a, b, c, last])
  })

  test('reorder: before/after name the neighbours after the move', () => {
    const { doc, roadmap } = setup()
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) =>
      roadmap.goals.create({ title: name }),
    ) as [GoalId, GoalId, GoalId, GoalId]
    const order = () =>
      readRoadmap(doc)
        .goals.map((g) => g.title)
        .join('')
    expect(order()).toBe('abcd')
    expect(roadmap.goals.reorder(d, { before: a })).toBe(true)
    expect(order()).toBe('adbc')
    expect(roadmap.goals.reorder(a, { after: c })).toBe(true)
    expect(order()).toBe('dbac')
    expect(roadmap.goals.reorder(c, { before: null })).toBe(true)
    expect(order()).toBe('cdba')
    expect(roadmap.goals.reorder(c, { after: null })).toBe(true)
    expect(order()).toBe('dbac')
    expect(roadmap.goals.reorder(b, {})).toBe(true)
    expect(order()).toBe('dacb')
    // A neighbour that is gone: the other one still places it.
    expect(roadmap.goals.reorder(d, { before: 'gone' as GoalId, after: b })).toBe(true)
    expect(order()).toBe('acdb')
    // Nothing to go by: nothing is written.
    expect(roadmap.goals.reorder(d, { before: 'gone' as GoalId })).toBe(false)
    expect(roadmap.goals.reorder('gone' as GoalId, { before: null })).toBe(false)
    expect(order()).toBe('acdb')
  })

  test('a reorder to where it already is writes nothing', () => {
    const { doc, roadmap } = setup()
    const [a, b, c] = ['a', 'b', 'c'].map((title) => roadmap.goals.create({ title })) as [
      GoalId,
      GoalId,
      GoalId,
    ]
    let updates = 0
    doc.on('update', () => updates++)
    expect(roadmap.goals.reorder(b, { before: a, after: c })).toBe(true)
    expect(roadmap.goals.reorder(a, { before: null })).toBe(true)
    expect(roadmap.goals.reorder(c, {})).toBe(true)
    expect(updates).toBe(0)
    // Tied with a neighbour: re-ranked even in place, so the order no longer hangs on ids.
    roadmap.transact(() => rawMap(doc, 'goals', c).set('rank', rawMap(doc, 'goals', b).get('rank')))
    updates = 0
    const [first, second] = [b, c].sort()
    expect(roadmap.goals.reorder(second!, { before: first! })).toBe(true)
    expect(updates).toBe(1)
    const ranks = readRoadmap(doc).goals.map((g) => g.rank)
    expect(new Set(ranks).size).toBe(3)
  })

  test('reorder with neighbours a concurrent edit has inverted: before wins', () => {
    const { doc, roadmap } = setup()
    const [a, b, c, x] = ['a', 'b', 'c', 'x'].map((title) => roadmap.goals.create({ title })) as [
      GoalId,
      GoalId,
      GoalId,
      GoalId,
    ]
    // The UI asked for "between c and a", but a now sorts before c.
    expect(roadmap.goals.reorder(x, { before: c, after: a })).toBe(true)
    expect(readRoadmap(doc).goals.map((g) => g.id)).toEqual([a, b, c, x])
    expect(roadmap.goals.reorder(x, { before: a, after: c })).toBe(true)
    expect(readRoadmap(doc).goals.map((g) => g.id)).toEqual([a, x, b, c])
  })

  test('reorder between tied ranks (left by concurrent inserts) lands exactly there', () => {
    const { doc, roadmap } = setup()
    const ids = ['a', 'b', 'c', 'd'].map((title) => roadmap.goals.create({ title }))
    // Simulate two peers that generated the same keys.
    roadmap.transact(() => ids.forEach((id) => rawMap(doc, 'goals', id).set('rank', 'a0')))
    const sorted = [...ids].sort()
    roadmap.goals.reorder(sorted[3]!, { before: sorted[0]!, after: sorted[1]! })
    const after = readRoadmap(doc).goals
    expect(after.map((g) => g.id)).toEqual([sorted[0], sorted[3], sorted[1], sorted[2]])
    expect(after[0]!.rank < after[1]!.rank && after[1]!.rank < after[2]!.rank).toBe(true)
  })

  test('features.move changes lane and dates in one transaction', () => {
    const { doc, roadmap } = setup()
    const a = roadmap.lanes.create({ name: 'A' })
    const b = roadmap.lanes.create({ name: 'B' })
    const feature = roadmap.features.create({
      laneId: a,
      title: 'F',
      start: '2026-01-01',
      end: '2026-01-31',
    })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(
      roadmap.features.move(feature, { laneId: b, start: '2026-02-01', end: '2026-02-28' }),
    ).toBe(true)
    expect(transactions).toBe(1)
    expect(roadmap.features.get(feature)).toMatchObject({
      laneId: b,
      start: '2026-02-01',
      end: '2026-02-28',
    })
    roadmap.features.move(feature, { end: null })
    expect(roadmap.features.get(feature)).toMatchObject({
      laneId: b,
      start: '2026-02-01',
      end: null,
    })
    expect(roadmap.features.move('gone' as FeatureId, { laneId: a })).toBe(false)
  })

  test('deleting a feature deletes its items in the same transaction, not its dependents', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({ laneId: lane, title: 'F' })
    const other = roadmap.features.create({ laneId: lane, title: 'G', dependsOn: [feature] })
    roadmap.items.create({ featureId: feature, title: 'one' })
    roadmap.items.create({ featureId: feature, title: 'two' })
    const kept = roadmap.items.create({ featureId: other, title: 'kept' })
    const risk = roadmap.risks.create({ title: 'R', featureIds: [feature] })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(roadmap.features.delete(feature)).toBe(true)
    expect(transactions).toBe(1)
    const data = readRoadmap(doc)
    expect(data.items.map((i) => i.id)).toEqual([kept])
    expect(data.features.find((f) => f.id === other)?.dependsOn).toEqual([feature])
    expect(roadmap.risks.get(risk)?.featureIds).toEqual([feature])
    expect(roadmap.features.delete(feature)).toBe(false)
  })

  test('deleting a lane leaves its features dangling', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({ laneId: lane, title: 'F' })
    roadmap.lanes.delete(lane)
    expect(readRoadmap(doc).features.map((f) => f.id)).toEqual([feature])
    expect(roadmap.features.get(feature)?.laneId).toBe(lane)
  })

  test('items are ranked within their feature; move goes last in the new feature', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const f1 = roadmap.features.create({ laneId: lane, title: 'F1' })
    const f2 = roadmap.features.create({ laneId: lane, title: 'F2' })
    const [a, b] = ['a', 'b'].map((title) => roadmap.items.create({ featureId: f1, title })) as [
      ItemId,
      ItemId,
    ]
    const [c, d] = ['c', 'd'].map((title) => roadmap.items.create({ featureId: f2, title })) as [
      ItemId,
      ItemId,
    ]
    expect(roadmap.items.get(a)?.rank).toBe('a0')
    expect(roadmap.items.get(c)?.rank).toBe('a0')
    expect(roadmap.items.move(a, f2)).toBe(true)
    const ofFeature = (featureId: FeatureId) =>
      readRoadmap(doc)
        .items.filter((item) => item.featureId === featureId)
        .map((item) => item.title)
    expect(ofFeature(f1)).toEqual(['b'])
    expect(ofFeature(f2)).toEqual(['c', 'd', 'a'])
    roadmap.items.move(b, f2, { before: c, after: d })
    expect(ofFeature(f2)).toEqual(['c', 'b', 'd', 'a'])
    roadmap.items.reorder(a, { before: null })
    expect(ofFeature(f2)).toEqual(['a', 'c', 'b', 'd'])
    expect(roadmap.items.move('gone' as ItemId, f1)).toBe(false)
  })

  test('items.setStatus: done records the acceptance, leaving done clears it', () => {
    const { roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'A' })
    const feature = roadmap.features.create({ laneId: lane, title: 'F' })
    const item = roadmap.items.create({ featureId: feature, title: 'x' })
    roadmap.items.setStatus(item, 'in-review')
    expect(roadmap.items.get(item)).toMatchObject({
      status: 'in-review',
      acceptedAt: null,
      acceptedBy: null,
    })
    roadmap.items.setStatus(item, 'done', { by: 'po', at: '2026-03-01T09:00:00.000Z' })
    expect(roadmap.items.get(item)).toMatchObject({
      status: 'done',
      acceptedAt: '2026-03-01T09:00:00.000Z',
      acceptedBy: 'po',
    })
    // Accepting again keeps the first acceptance.
    roadmap.items.setStatus(item, 'done', { by: 'other', at: '2026-03-02T09:00:00.000Z' })
    expect(roadmap.items.get(item)).toMatchObject({ acceptedBy: 'po' })
    roadmap.items.setStatus(item, 'in-progress')
    expect(roadmap.items.get(item)).toMatchObject({
      status: 'in-progress',
      acceptedAt: null,
      acceptedBy: null,
    })
    expect(() => roadmap.items.setStatus(item, 'done' as 'todo')).toThrow(TypeError)
    expect(roadmap.items.get(item)?.status).toBe('in-progress')
    expect(roadmap.items.setStatus('gone' as ItemId, 'todo')).toBe(false)
  })

  test('indicators.record keeps history in date order in a Y.Array and sets current from the latest point', () => {
    const { doc, roadmap } = setup()
    const indicator = roadmap.indicators.create({ name: 'NPS', baseline: 20, target: 40 })
    expect(rawMap(doc, 'indicators', indicator).get('history')).toBeInstanceOf(Y.Array)
    roadmap.indicators.record(indicator, { date: '2026-02-01', value: 25 })
    roadmap.indicators.record(indicator, { date: '2026-03-01', value: 30 })
    roadmap.indicators.record(indicator, { date: '2026-01-01', value: 21 })
    expect(roadmap.indicators.get(indicator)).toMatchObject({
      current: 30,
      history: [
        { date: '2026-01-01', value: 21 },
        { date: '2026-02-01', value: 25 },
        { date: '2026-03-01', value: 30 },
      ],
    })
    roadmap.indicators.record(indicator, { date: '2026-03-01', value: 31 })
    expect(roadmap.indicators.get(indicator)?.current).toBe(31)
    const history = (
      rawMap(doc, 'indicators', indicator).get('history') as Y.Array<unknown>
    ).toArray()
    expect(history.at(-1)).toEqual({ date: '2026-03-01', value: 31 })
  })

  test('indicators.record converts a plain history a peer wrote', () => {
    const { doc, roadmap } = setup()
    const indicator = roadmap.indicators.create({ name: 'x' })
    roadmap.transact(() =>
      rawMap(doc, 'indicators', indicator).set('history', [
        { date: '2026-01-01', value: 1 },
        'junk',
      ]),
    )
    roadmap.indicators.record(indicator, { date: '2026-01-02', value: 2 })
    expect(roadmap.indicators.get(indicator)?.history).toEqual([
      { date: '2026-01-01', value: 1 },
      { date: '2026-01-02', value: 2 },
    ])
  })

  test('every collection has create/update/delete/get', () => {
    const { doc, roadmap } = setup()
    const milestone = roadmap.milestones.create({ title: 'Launch', date: '2026-06-01' })
    const resource = roadmap.resources.create({ name: 'Ada', kind: 'person', capacity: 30 })
    const risk = roadmap.risks.create({ title: 'Churn', likelihood: 4, ownerId: resource })
    roadmap.milestones.update(milestone, { status: 'reached' })
    roadmap.resources.update(resource, { role: 'Engineer' })
    roadmap.risks.update(risk, { impact: 5 })
    expect(roadmap.milestones.get(milestone)).toMatchObject({ status: 'reached', laneId: null })
    expect(roadmap.resources.get(resource)).toMatchObject({ role: 'Engineer', capacity: 30 })
    expect(roadmap.risks.get(risk)).toMatchObject({
      likelihood: 4,
      impact: 5,
      status: 'open',
      ownerId: resource,
    })
    expect(roadmap.risks.has(risk)).toBe(true)
    roadmap.milestones.delete(milestone)
    roadmap.resources.delete(resource)
    roadmap.risks.delete(risk)
    const data = readRoadmap(doc)
    expect([data.milestones, data.resources, data.risks]).toEqual([[], [], []])
  })

  test('strategy is the root rich-text fragment', () => {
    const { doc, roadmap } = setup()
    expect(roadmap.strategy()).toBe(doc.getXmlFragment('strategy'))
  })

  test('ids default to nanoid', () => {
    const roadmap = new Roadmap(new Y.Doc(), { origin: 'x' })
    expect(roadmap.lanes.create({ name: 'A' })).toMatch(/^[\w-]{21}$/)
  })

  test('lane ids are typed: a feature needs a LaneId', () => {
    const { roadmap } = setup()
    // @ts-expect-error a plain string is not a LaneId
    roadmap.features.create({ laneId: 'plain', title: 'F' })
    roadmap.features.create({ laneId: 'typed' as LaneId, title: 'F' })
  })

  test('repair fixes every kind of problem problems() reports', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'L' })
    const gone = roadmap.lanes.create({ name: 'Gone' })
    const goal = roadmap.goals.create({ title: 'G' })
    const lostGoal = roadmap.goals.create({ title: 'Lost' })
    const owner = roadmap.resources.create({ name: 'Ada' })
    const feature = roadmap.features.create({ laneId: gone, title: 'F', goalIds: [lostGoal, goal] })
    const other = roadmap.features.create({ laneId: lane, title: 'O', dependsOn: [feature] })
    const item = roadmap.items.create({ featureId: feature, title: 'I', assigneeId: owner })
    const milestone = roadmap.milestones.create({ title: 'M', laneId: gone })
    const indicator = roadmap.indicators.create({ name: 'N', goalId: lostGoal })
    const risk = roadmap.risks.create({ title: 'R', ownerId: owner, featureIds: [feature] })
    roadmap.transact((r) => {
      r.lanes.delete(gone)
      r.goals.delete(lostGoal)
      r.resources.delete(owner)
    })
    // The feature's delete would take its items; a peer's item keeps pointing at it.
    roadmap.transact(() => collectionOf(doc, 'features').delete(feature))

    const found = problems(readRoadmap(doc))
    expect(found).toHaveLength(7)
    const get = (kind: string, field: string) =>
      found.find((p) => p.kind === kind && p.field === field)!
    expect(roadmap.repair(get('features', 'dependsOn'))).toBe(true)
    expect(roadmap.repair(get('items', 'featureId'))).toBe(false) // required: needs a replacement
    expect(roadmap.repair(get('items', 'featureId'), other)).toBe(true)
    expect(roadmap.repair(get('items', 'assigneeId'))).toBe(true)
    expect(roadmap.repair(get('milestones', 'laneId'), lane)).toBe(true)
    expect(roadmap.repair(get('indicators', 'goalId'))).toBe(true)
    expect(roadmap.repair(get('risks', 'ownerId'))).toBe(true)
    expect(roadmap.repair(get('risks', 'featureIds'))).toBe(true)
    expect(roadmap.repair(get('risks', 'featureIds'))).toBe(false) // already fixed

    expect(problems(readRoadmap(doc))).toEqual([])
    expect(roadmap.features.get(other)?.dependsOn).toEqual([])
    expect(roadmap.items.get(item)).toMatchObject({ featureId: other, assigneeId: null })
    expect(roadmap.milestones.get(milestone)?.laneId).toBe(lane)
    expect(roadmap.indicators.get(indicator)?.goalId).toBeNull()
    expect(roadmap.risks.get(risk)).toMatchObject({ ownerId: null, featureIds: [] })
  })

  test('repair replaces a missing id in a list without duplicating it', () => {
    const { doc, roadmap } = setup()
    const lane = roadmap.lanes.create({ name: 'L' })
    const [a, b] = ['a', 'b'].map((title) => roadmap.goals.create({ title })) as [GoalId, GoalId]
    const feature = roadmap.features.create({ laneId: lane, title: 'F', goalIds: [a, b] })
    const lostLane = roadmap.lanes.create({ name: 'x' })
    const moved = roadmap.features.create({ laneId: lostLane, title: 'G' })
    roadmap.goals.delete(a)
    roadmap.lanes.delete(lostLane)
    const [goalProblem, laneProblem] = [
      problems(readRoadmap(doc)).find((p) => p.field === 'goalIds')!,
      problems(readRoadmap(doc)).find((p) => p.field === 'laneId')!,
    ]
    expect(roadmap.repair(goalProblem, b)).toBe(true)
    expect(roadmap.features.get(feature)?.goalIds).toEqual([b])
    expect(roadmap.repair(laneProblem)).toBe(false)
    expect(roadmap.repair(laneProblem, lane)).toBe(true)
    expect(roadmap.features.get(moved)?.laneId).toBe(lane)
  })
})

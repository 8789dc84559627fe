import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'

describe('readRoadmap', () => {
  test('an empty doc reads as an empty roadmap', () => {
    expect(readRoadmap(new Y.Doc())).toEqual({
      meta: { schemaVersion: 1, title: '', horizonStart: null, horizonEnd: null },
      lanes: [],
      features: [],
      milestones: [],
      goals: [],
      indicators: [],
      risks: [],
      resources: [],
      items: [],
    })
  })

  test('tolerates whatever a peer wrote: missing, ill-typed and out-of-vocabulary fields', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      const features = doc.getMap('features')
      const f = features.set('f1', new Y.Map<unknown>())
      f.set('title', 42)
      f.set('start', '2026-02-30')
      f.set('end', '2026-03-01')
      f.set('status', 'blocked')
      f.set('goalIds', ['g1', 7, 'g1', ''])
      f.set('estimate', Number.NaN)
      f.set('horizon', 'someday')
      features.set('not-a-map', 'junk')
      const risk = doc.getMap('risks').set('r1', new Y.Map<unknown>())
      risk.set('likelihood', 9)
      risk.set('impact', 2.4)
      const indicator = doc.getMap('indicators').set('i1', new Y.Map<unknown>())
      const history = indicator.set('history', new Y.Array<unknown>())
      history.push([
        { date: '2026-02-01', value: 2 },
        { date: 'bad', value: 1 },
        { date: '2026-01-01', value: 1 },
        5,
      ])
      doc.getMap('roadmap').set('title', ['no'])
    }, 'peer')
    const data = readRoadmap(doc)
    expect(data.features).toEqual([
      {
        id: 'f1',
        laneId: '',
        title: '',
        start: null,
        end: '2026-03-01',
        status: 'planned',
        health: 'on-track',
        rank: '',
        goalIds: ['g1'],
        resourceIds: [],
        dependsOn: [],
        estimate: null,
        reach: null,
        impact: null,
        confidence: null,
        effort: null,
      },
    ])
    expect(data.risks[0]).toMatchObject({
      likelihood: 5,
      impact: 2,
      status: 'open',
      featureIds: [],
    })
    expect(data.indicators[0]!.history).toEqual([
      { date: '2026-01-01', value: 1 },
      { date: '2026-02-01', value: 2 },
    ])
    expect(data.meta.title).toBe('')
  })

  test('sorts ranked collections by rank then id, others by date or name', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      const lanes = doc.getMap('lanes')
      for (const [id, rank] of [
        ['z', 'a0'],
        ['b', 'a1'],
        ['a', 'a1'],
        ['m', 'Zz'],
      ] as const) {
        lanes.set(id, new Y.Map<unknown>()).set('rank', rank)
      }
      const milestones = doc.getMap('milestones')
      milestones.set('m1', new Y.Map<unknown>([['date', '2026-05-01']]))
      milestones.set('m2', new Y.Map<unknown>())
      milestones.set('m3', new Y.Map<unknown>([['date', '2026-01-01']]))
    }, 'peer')
    const data = readRoadmap(doc)
    expect(data.lanes.map((l) => l.id)).toEqual(['m', 'z', 'a', 'b'])
    expect(data.milestones.map((m) => m.id)).toEqual(['m3', 'm1', 'm2'])
  })

  test('the snapshot is frozen, shared until the next change, and fresh inside a transaction', () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    roadmap.lanes.create({ name: 'A' })
    const first = readRoadmap(doc)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first.lanes)).toBe(true)
    expect(Object.isFrozen(first.lanes[0])).toBe(true)
    expect(readRoadmap(doc)).toBe(first)
    roadmap.transact((r) => {
      r.lanes.create({ name: 'B' })
      expect(readRoadmap(doc).lanes).toHaveLength(2)
    })
    const second = readRoadmap(doc)
    expect(second).not.toBe(first)
    expect(second.lanes).toHaveLength(2)
  })

  test('unchanged entities keep their objects; rich-text edits keep the snapshot', () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    const lane = roadmap.lanes.create({ name: 'A' })
    const a = roadmap.features.create({ laneId: lane, title: 'a' })
    const b = roadmap.features.create({ laneId: lane, title: 'b' })
    const indicator = roadmap.indicators.create({ name: 'i' })
    const first = readRoadmap(doc)

    roadmap.features.update(a, { title: 'a2' })
    const second = readRoadmap(doc)
    expect(second).not.toBe(first)
    expect(second.features[0]!.title).toBe('a2')
    expect(second.features[1]).toBe(first.features[1])
    // Untouched collections keep their arrays, meta its object.
    expect(second.lanes).toBe(first.lanes)
    expect(second.indicators).toBe(first.indicators)
    expect(second.meta).toBe(first.meta)

    roadmap.transact(() => roadmap.features.description(b)!.insert(0, [new Y.XmlText('typing')]))
    roadmap.transact(() => roadmap.strategy().insert(0, [new Y.XmlText('vision')]))
    expect(readRoadmap(doc)).toBe(second)

    // A change nested in an entity (the history Y.Array) re-reads that entity.
    roadmap.indicators.record(indicator, { date: '2026-01-01', value: 3 })
    const third = readRoadmap(doc)
    expect(third.indicators[0]).toMatchObject({
      current: 3,
      history: [{ date: '2026-01-01', value: 3 }],
    })
    expect(third.features[0]).toBe(second.features[0])

    roadmap.features.delete(a)
    expect(readRoadmap(doc).features.map((f) => f.id)).toEqual([b])
    roadmap.setMeta({ title: 'T' })
    const fourth = readRoadmap(doc)
    expect(fourth.meta.title).toBe('T')
    expect(fourth.lanes).toBe(first.lanes)
  })

  test('reads from observers and update handlers see the change', () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    roadmap.lanes.create({ name: 'A' })
    readRoadmap(doc)
    const seen: string[] = []
    doc.getMap('lanes').observeDeep(() =>
      seen.push(
        `deep:${readRoadmap(doc)
          .lanes.map((l) => l.name)
          .join()}`,
      ),
    )
    doc.on('update', () =>
      seen.push(
        `update:${readRoadmap(doc)
          .lanes.map((l) => l.name)
          .join()}`,
      ),
    )
    const lane = roadmap.lanes.create({ name: 'B' })
    roadmap.lanes.update(lane, { name: 'C' })
    expect(seen).toEqual(['deep:A,B', 'update:A,B', 'deep:A,C', 'update:A,C'])
  })

  test('a first read from inside a transaction does not leave a stale cache', () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    const lane = roadmap.lanes.create({ name: 'A' })
    roadmap.transact((r) => {
      r.lanes.update(lane, { name: 'B' })
      expect(readRoadmap(doc).lanes[0]!.name).toBe('B')
    })
    expect(readRoadmap(doc).lanes[0]!.name).toBe('B')
    const seen: string[] = []
    doc.getMap('lanes').observeDeep(() => seen.push(readRoadmap(doc).lanes[0]!.name))
    roadmap.lanes.update(lane, { name: 'C' })
    expect(seen).toEqual(['C'])
    expect(readRoadmap(doc).lanes[0]!.name).toBe('C')
  })

  test('remote updates invalidate what they change', () => {
    const [one, two] = [new Y.Doc(), new Y.Doc()]
    const roadmap = new Roadmap(one, { origin: 'test' })
    const lane = roadmap.lanes.create({ name: 'A' })
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one), 'remote')
    const before = readRoadmap(two)
    expect(before.lanes[0]!.name).toBe('A')
    roadmap.lanes.update(lane, { name: 'B' })
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one, Y.encodeStateVector(two)), 'remote')
    expect(readRoadmap(two).lanes[0]!.name).toBe('B')
  })
})

import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addDays } from './dates.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import { ROOT } from './schema.js'
import { mostSlipped, readSlipLedger, SLIP_LEDGER_CAP, slipHistories } from './slipLedger.js'
import { idSource } from './testing/random-edits.js'

function setup() {
  const doc = new Y.Doc()
  let tick = 0
  const roadmap = new Roadmap(doc, {
    origin: 'test',
    createId: idSource('t.'),
    author: 'Ana',
    now: () => new Date(Date.UTC(2026, 2, 1) + tick++ * 60_000).toISOString(),
  })
  const lane = roadmap.lanes.create({ name: 'L' })
  return { doc, roadmap, lane }
}

describe('slip ledger', () => {
  test('moving and editing a feature’s dates records when, from, to and who; other edits do not', () => {
    const { doc, roadmap, lane } = setup()
    const id = roadmap.features.create({
      laneId: lane,
      title: 'F',
      start: '2026-04-01',
      end: '2026-04-30',
    })
    roadmap.features.update(id, { title: 'renamed', start: '2026-04-01' })
    expect(readSlipLedger(doc)).toEqual([])

    roadmap.features.move(id, { start: '2026-04-08', end: '2026-05-07' })
    roadmap.features.update(id, { end: '2026-05-01' })
    expect(readSlipLedger(doc).map(({ key: _key, ...entry }) => entry)).toEqual([
      {
        kind: 'features',
        id,
        at: '2026-03-01T00:00:00.000Z',
        by: 'Ana',
        from: { start: '2026-04-01', end: '2026-04-30' },
        to: { start: '2026-04-08', end: '2026-05-07' },
      },
      {
        kind: 'features',
        id,
        at: '2026-03-01T00:01:00.000Z',
        by: 'Ana',
        from: { start: '2026-04-08', end: '2026-05-07' },
        to: { start: '2026-04-08', end: '2026-05-01' },
      },
    ])
  })

  test('after setAuthor (a rename), date changes are recorded under the new name', () => {
    const { doc, roadmap, lane } = setup()
    const id = roadmap.features.create({
      laneId: lane,
      title: 'F',
      start: '2026-04-01',
      end: '2026-04-30',
    })
    roadmap.features.update(id, { end: '2026-05-07' })
    roadmap.setAuthor('Ana Castro')
    roadmap.features.update(id, { end: '2026-05-14' })
    expect(readSlipLedger(doc).map((e) => e.by)).toEqual(['Ana', 'Ana Castro'])
  })

  test('a milestone’s date change is recorded as its end', () => {
    const { doc, roadmap } = setup()
    const id = roadmap.milestones.create({ title: 'Beta', date: '2026-05-01' })
    roadmap.milestones.update(id, { status: 'missed' })
    roadmap.milestones.update(id, { date: '2026-05-20' })
    expect(readSlipLedger(doc)).toMatchObject([
      {
        kind: 'milestones',
        id,
        from: { start: null, end: '2026-05-01' },
        to: { start: null, end: '2026-05-20' },
      },
    ])
  })

  test(`keeps the newest ${SLIP_LEDGER_CAP} entries per entity, and none once the entity is deleted`, () => {
    const { doc, roadmap, lane } = setup()
    const a = roadmap.features.create({ laneId: lane, title: 'A', end: '2026-04-01' })
    const b = roadmap.features.create({ laneId: lane, title: 'B', end: '2026-04-01' })
    for (let i = 1; i <= SLIP_LEDGER_CAP + 10; i++)
      roadmap.features.update(a, { end: addDays('2026-04-01', i) })
    roadmap.features.update(b, { end: '2026-04-02' })
    const ledger = readSlipLedger(doc)
    const ofA = ledger.filter((entry) => entry.id === a)
    expect(ofA).toHaveLength(SLIP_LEDGER_CAP)
    expect(ofA[0]!.to.end).toBe(addDays('2026-04-01', 11))
    expect(ofA.at(-1)!.to.end).toBe(addDays('2026-04-01', SLIP_LEDGER_CAP + 10))

    roadmap.features.delete(a)
    expect(readSlipLedger(doc).map((entry) => entry.id)).toEqual([b])
  })

  test('per feature: how often and by how much it slipped; the most slipped first', () => {
    const { doc, roadmap, lane } = setup()
    const a = roadmap.features.create({ laneId: lane, title: 'A', end: '2026-04-01' })
    const b = roadmap.features.create({ laneId: lane, title: 'B', end: '2026-04-01' })
    const c = roadmap.features.create({ laneId: lane, title: 'C', end: '2026-04-01' })
    roadmap.features.update(a, { end: '2026-04-05' }) // +4
    roadmap.features.update(b, { end: '2026-04-11' }) // +10
    roadmap.features.update(a, { end: '2026-04-03' }) // pulled in 2
    roadmap.features.update(a, { end: '2026-04-09' }) // +6
    roadmap.features.update(c, { end: '2026-03-20' }) // pulled in only
    const ledger = readSlipLedger(doc)
    expect(slipHistories(ledger).map(({ lastAt: _at, ...h }) => h)).toEqual([
      { kind: 'features', id: a, changes: 3, slips: 2, slipDays: 10, netDays: 8 },
      { kind: 'features', id: b, changes: 1, slips: 1, slipDays: 10, netDays: 10 },
      { kind: 'features', id: c, changes: 1, slips: 0, slipDays: 0, netDays: -12 },
    ])
    expect(mostSlipped(ledger).map((h) => h.id)).toEqual([a, b])
    expect(mostSlipped(ledger, 1).map((h) => h.id)).toEqual([a])
  })

  test('dates written outside the API (a restore) are recorded against a read taken before', () => {
    const { doc, roadmap, lane } = setup()
    const id = roadmap.features.create({
      laneId: lane,
      title: 'F',
      start: '2026-04-01',
      end: '2026-04-30',
    })
    const milestone = roadmap.milestones.create({ title: 'M', date: '2026-05-01' })
    const before = readRoadmap(doc)
    doc.transact(() => {
      doc.getMap<Y.Map<unknown>>(ROOT.features).get(id)!.set('end', '2026-05-09')
      doc.getMap<Y.Map<unknown>>(ROOT.milestones).get(milestone)!.set('date', '2026-05-02')
    })
    expect(roadmap.recordDateChanges(before)).toBe(2)
    expect(readSlipLedger(doc).map((e) => [e.id, e.from.end, e.to.end])).toEqual([
      [id, '2026-04-30', '2026-05-09'],
      [milestone, '2026-05-01', '2026-05-02'],
    ])
    expect(roadmap.recordDateChanges(readRoadmap(doc))).toBe(0)
  })

  test('an undo manager over the ledger root too takes an undone date change out of the ledger', () => {
    const { doc, roadmap, lane } = setup()
    const id = roadmap.features.create({ laneId: lane, title: 'F', end: '2026-04-01' })
    const scope = [ROOT.features, ROOT.slips].map((root) => doc.getMap(root))
    const undo = new Y.UndoManager(scope, { trackedOrigins: new Set(['test']) })
    roadmap.features.update(id, { end: '2026-04-20' })
    expect(readSlipLedger(doc)).toHaveLength(1)
    undo.undo()
    expect(roadmap.features.get(id)?.end).toBe('2026-04-01')
    expect(readSlipLedger(doc)).toEqual([])
    undo.redo()
    expect(readSlipLedger(doc).map((e) => e.to.end)).toEqual(['2026-04-20'])
  })

  test('entries a peer wrote in another shape are skipped, not thrown on', () => {
    const { doc } = setup()
    const ledger = doc.getMap(ROOT.slips)
    ledger.set('x', 'junk')
    ledger.set('z', ['x', 'F', 0, null, null, null, null, null])
    // 2026-03-01 in Unix seconds; by, then dates of the wrong type or out of range.
    ledger.set('y', ['f', 'F', 1772323200, 7, 'soon', 1e300, null])
    expect(readSlipLedger(doc)).toEqual([
      {
        key: 'y',
        kind: 'features',
        id: 'F',
        at: '2026-03-01T00:00:00.000Z',
        by: null,
        from: { start: null, end: null },
        to: { start: null, end: null },
      },
    ])
  })
})

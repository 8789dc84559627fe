// Seeded property: the change list of `compareRoadmaps(a, b)`, applied to a from-scratch
// projection of `a` as "what changed", gives exactly the projection of `b`: every field
// the comparison reports on that differs is reported, with its old and new value, and
// nothing else is.

import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { compareRoadmaps } from './compare.js'
import { riskScore } from './deriveCommon.js'
import { horizonOf, indicatorProgress } from './indicatorProgress.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import type { RoadmapData } from './schema.js'
import { idSource, randomEdit, randomRoadmap } from './testing/random-edits.js'

const DATES = { fromDate: '2026-03-01', toDate: '2026-06-01' }

type Projection = Map<string, Record<string, unknown>>

/** The fields a comparison reports on, per entity (`kind/id`), computed directly. */
function project(data: RoadmapData, today: string): Projection {
  const out: Projection = new Map()
  for (const f of data.features) {
    const dates = f.start === null && f.end === null ? null : `${f.start ?? '..'}/${f.end ?? '..'}`
    out.set(`features/${f.id}`, {
      dates,
      laneId: f.laneId,
      estimate: f.estimate,
      status: f.status,
      health: f.health,
    })
  }
  for (const m of data.milestones) out.set(`milestones/${m.id}`, { date: m.date, status: m.status })
  for (const i of data.items) out.set(`items/${i.id}`, { estimate: i.estimate, status: i.status })
  for (const g of data.goals) out.set(`goals/${g.id}`, { status: g.status })
  const horizon = horizonOf(data.meta.horizonStart, data.meta.horizonEnd, data.features)
  for (const k of data.indicators) {
    const p = indicatorProgress(k, horizon, today)
    out.set(`indicators/${k.id}`, { current: p.current, target: p.target, onTrack: p.onTrack })
  }
  for (const r of data.risks) out.set(`risks/${r.id}`, { status: r.status, score: riskScore(r) })
  return out
}

function checkSeed(seed: number): string[] {
  const gen = prng.create(seed)
  const docA = new Y.Doc({ guid: 'a' })
  docA.clientID = 1
  randomRoadmap(gen, new Roadmap(docA, { origin: 'a', createId: idSource('a.') }), 40)
  const docB = new Y.Doc({ guid: 'b' })
  docB.clientID = 2
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
  const b = new Roadmap(docB, { origin: 'b', createId: idSource('b.') })
  const edits = prng.int32(gen, 1, 25)
  for (let i = 0; i < edits; i++) randomEdit(gen, b)

  const dataA = readRoadmap(docA)
  const dataB = readRoadmap(docB)
  const result = compareRoadmaps(dataA, dataB, DATES)
  const applied = project(dataA, DATES.fromDate)
  const expected = project(dataB, DATES.toDate)
  // Lane changes are listed by lane name; the timeline detail carries the lane ids.
  const diffs = new Map(result.features.map((f) => [f.id, f]))
  for (const change of result.changes) {
    const key = `${change.kind}/${change.id}`
    if (change.type === 'added') applied.set(key, expected.get(key)!)
    else if (change.type === 'removed') applied.delete(key)
    else {
      const fields = { ...applied.get(key)! }
      const lane = change.field === 'laneId' ? diffs.get(change.id as never) : undefined
      const [from, to] = lane ? [lane.before?.laneId, lane.after?.laneId] : [change.from, change.to]
      expect(fields[change.field!], `${key} ${change.field}: from`).toEqual(from)
      fields[change.field!] = to
      applied.set(key, fields)
    }
  }
  expect(Object.fromEntries(applied)).toEqual(Object.fromEntries(expected))

  // The timeline detail agrees with the change list.
  const dated = result.changes.filter((c) => c.kind === 'features' && c.field === 'dates')
  const slipped = dated.filter((c) => c.type === 'slipped')
  expect(result.summary.featuresSlipped).toBe(slipped.length)
  expect(result.summary.slipDays).toBe(slipped.reduce((sum, c) => sum + c.days!, 0))
  for (const f of result.features) {
    if (f.before && f.after) {
      const moved = f.before.start !== f.after.start || f.before.end !== f.after.end
      expect(moved || f.laneChanged, `${f.id} listed without a change`).toBe(true)
    }
  }
  return result.changes.map((c) => `${c.kind}:${c.type}`)
}

describe('compareRoadmaps property', () => {
  test('the change list, applied to the older version, gives the newer (seeded, 300 pairs)', () => {
    const seen = new Set<string>()
    for (let seed = 0; seed < 300; seed++) {
      try {
        for (const type of checkSeed(seed)) seen.add(type)
      } catch (error) {
        throw new Error(`compare property failed for seed ${seed}`, { cause: error })
      }
    }
    // The random edits reach these kinds of change (they never re-score a risk: see the unit tests).
    for (const type of [
      'features:slipped',
      'features:pulled-in',
      'features:lane-changed',
      'features:added',
      'features:removed',
      'items:added',
      'milestones:milestone-moved',
      'indicators:value-changed',
    ])
      expect(seen, type).toContain(type)
  })
})

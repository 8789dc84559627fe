import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Roadmap, readRoadmap } from '@meridian/model'
import type { LaneId } from '@meridian/model'
import { computeLayout, extentOf, laneAt, lanesIn, barTop, NO_LANE } from './layout.js'

function roadmapWith(build: (r: Roadmap) => void) {
  const doc = new Y.Doc()
  const r = new Roadmap(doc, { origin: 'test' })
  r.init({ title: 'T' })
  build(r)
  return readRoadmap(doc)
}

const none = new Set<LaneId>()

describe('computeLayout', () => {
  it('packs overlapping features into rows and reuses free rows', () => {
    let lane = '' as LaneId
    const data = roadmapWith((r) => {
      lane = r.lanes.create({ name: 'A' })
      r.features.create({ laneId: lane, title: 'one', start: '2026-01-01', end: '2026-01-31' })
      r.features.create({ laneId: lane, title: 'two', start: '2026-01-15', end: '2026-02-15' })
      r.features.create({ laneId: lane, title: 'three', start: '2026-03-01', end: '2026-03-31' })
    })
    const layout = computeLayout(data, none, 7)
    const rows = Object.fromEntries(layout.lanes[0].features.map((p) => [p.feature.title, p.row]))
    expect(rows).toEqual({ one: 0, two: 1, three: 0 })
    expect(layout.lanes[0].rows).toBe(2)
  })

  it('reserves room after a short bar for its label', () => {
    const data = roadmapWith((r) => {
      const lane = r.lanes.create({ name: 'A' })
      r.features.create({
        laneId: lane,
        title: 'a rather long feature title',
        start: '2026-01-01',
        end: '2026-01-02',
      })
      r.features.create({ laneId: lane, title: 'next', start: '2026-01-04', end: '2026-01-20' })
    })
    const [short, next] = computeLayout(data, none, 7).lanes[0].features
    expect(short.labelOutside).toBe(true)
    expect(next.row).toBe(1)
  })

  it('lists undated features apart and puts features of a deleted lane in a "No lane" row', () => {
    const data = roadmapWith((r) => {
      const lane = r.lanes.create({ name: 'A' })
      r.features.create({ laneId: lane, title: 'undated' })
      r.features.create({
        laneId: 'gone' as LaneId,
        title: 'orphan',
        start: '2026-01-01',
        end: '2026-01-10',
      })
    })
    const layout = computeLayout(data, none, 7)
    expect(layout.lanes[0].undated.map((f) => f.title)).toEqual(['undated'])
    const orphan = layout.lanes[1]
    expect(orphan.orphan).toBe(true)
    expect(orphan.lane.id).toBe(NO_LANE)
    expect(orphan.features[0].feature.title).toBe('orphan')
  })

  it('finds lanes by y and by window, and collapses lanes', () => {
    let b = '' as LaneId
    const data = roadmapWith((r) => {
      const a = r.lanes.create({ name: 'A' })
      b = r.lanes.create({ name: 'B' })
      r.features.create({ laneId: a, title: 'x', start: '2026-01-01', end: '2026-01-10' })
    })
    const layout = computeLayout(data, none, 7)
    const [first, second] = layout.lanes
    expect(laneAt(layout, first.top + 1)?.lane.name).toBe('A')
    expect(laneAt(layout, second.top + 1)?.lane.name).toBe('B')
    expect(laneAt(layout, -5)).toBeNull()
    expect(lanesIn(layout, second.top, second.top + 1).map((l) => l.lane.name)).toEqual(['B'])
    expect(barTop(first, 1)).toBeGreaterThan(barTop(first, 0))
    const collapsed = computeLayout(data, new Set([b]), 7)
    expect(collapsed.lanes[1].collapsed).toBe(true)
    expect(collapsed.lanes[1].height).toBeLessThan(second.height)
  })

  it('reports the dated extent of features and milestones', () => {
    const data = roadmapWith((r) => {
      const lane = r.lanes.create({ name: 'A' })
      r.features.create({ laneId: lane, title: 'x', start: '2026-02-01', end: '2026-02-10' })
      r.milestones.create({ title: 'm', date: '2026-05-01' })
    })
    const { minMs, maxMs } = extentOf(data)
    expect(new Date(minMs ?? 0).toISOString().slice(0, 10)).toBe('2026-02-01')
    expect(new Date(maxMs ?? 0).toISOString().slice(0, 10)).toBe('2026-05-02')
  })
})

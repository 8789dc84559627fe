import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Roadmap, largeRoadmap, readRoadmap } from '@meridian/model'
import type { LaneId } from '@meridian/model'
import { MAX_PAGES } from './options.js'
import { planTimeline } from './plan.js'
import { renderTimeline } from './renderTimeline.js'

function small() {
  const doc = new Y.Doc()
  const r = new Roadmap(doc, { origin: 'test' })
  let lane = '' as LaneId
  r.transact((m) => {
    m.init({ title: 'R&D <plan>' })
    lane = m.lanes.create({ name: 'Core', color: '#22c55e' })
    const a = m.features.create({
      laneId: lane,
      title: 'Ship "it"',
      start: '2026-01-05',
      end: '2026-02-13',
    })
    m.features.create({
      laneId: lane,
      title: 'Tiny',
      start: '2026-02-16',
      end: '2026-02-17',
      dependsOn: [a],
    })
    m.features.create({ laneId: lane, title: 'Undated' })
    m.milestones.create({ title: 'Launch', date: '2026-02-20', laneId: null, status: 'upcoming' })
  })
  return { data: readRoadmap(doc), lane }
}

describe('renderTimeline', () => {
  it('draws one page with every title as escaped text, the legend and the today line', () => {
    const { data } = small()
    const t = renderTimeline(data, { size: 'slide', today: '2026-02-02' })
    expect(t.pageCount).toBe(1)
    const svg = t.pages[0]
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1280" height="720"/)
    for (const text of [
      'R&amp;D &lt;plan&gt;',
      'Ship &quot;it&quot;',
      'Tiny',
      'Launch',
      'Today',
      'Conflict',
    ])
      expect(svg).toContain(`>${text}<`)
    expect(svg).toContain('1 undated')
    expect(svg).not.toContain('>Undated<')
    // The dependency arrow: a curve and its head.
    expect(svg.match(/<path d="M[^"]*C/g)).toHaveLength(1)
  })

  it('pages a range at a close zoom side by side, repeating the lane label', () => {
    const { data } = small()
    const t = renderTimeline(data, { size: 'a4', today: '2026-02-02', pxPerDay: 32 })
    expect(t.pageCount).toBeGreaterThan(1)
    for (const page of t.pages) expect(page).toContain('>Core<')
    expect(t.pages[1]).toContain(`Page 2 of ${t.pageCount}`)
  })

  it('shows only the lanes and range asked for', () => {
    const { data } = small()
    const none = renderTimeline(data, { size: 'slide', today: '2026-02-02', laneIds: [] }).pages[0]
    expect(none).not.toContain('>Core<')
    const later = renderTimeline(data, {
      size: 'slide',
      today: '2026-02-02',
      start: '2026-02-15',
      end: '2026-03-15',
    }).pages[0]
    expect(later).toContain('>Tiny<')
    expect(later).not.toContain('Ship')
  })

  it('continues lanes on further pages when they do not fit, and stops at MAX_PAGES', () => {
    const doc = new Y.Doc()
    largeRoadmap(doc, { features: 2000, lanes: 40, seed: 3 })
    const data = readRoadmap(doc)
    const plan = planTimeline(data, { size: 'slide', today: '2026-01-05' })
    expect(plan.pages.length).toBeGreaterThan(1)
    const continued = plan.pages.flatMap((p) => p.slices).filter((s) => s.continued)
    expect(continued.length).toBeGreaterThan(0)
    const drawn = plan.pages.flatMap((p) => p.slices).reduce((n, s) => n + s.rowTo - s.rowFrom, 0)
    expect(drawn).toBe(plan.lanes.reduce((n, l) => n + l.rows, 0))
    const days = planTimeline(data, { size: 'slide', today: '2026-01-05', pxPerDay: 32 })
    expect(days.pages.length).toBe(MAX_PAGES)
  })
})

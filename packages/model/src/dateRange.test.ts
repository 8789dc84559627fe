// Dates outside DATE_RANGE, or windows longer than MAX_FEATURE_DAYS, are refused by
// validation and ignored by the derivations: a peer that writes 0001-01-01 → 9999-12-31 on
// every feature cannot make the backlog, schedule or report walk ten thousand years of weeks.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog } from './backlog.js'
import { DATE_RANGE, featureWindowProblem, MAX_FEATURE_DAYS, planDateProblem } from './dates.js'
import { exportRoadmap } from './export.js'
import { importRoadmap } from './import.js'
import { deriveReport } from './report.js'
import { checkSchedule } from './schedule.js'
import type { ResourceId } from './schema.js'
import { feature, item, resource, roadmapData, TODAY } from './testing/fixture.js'
import { Roadmap } from './roadmap.js'

const R1 = 'R1' as ResourceId

/** Twenty features over the whole calendar, each loading R1, plus one sane feature. */
function bomb() {
  const wide = Array.from({ length: 20 }, (_, i) =>
    feature(`W${i}`, {
      start: '0001-01-01',
      end: '9999-12-31',
      rank: `a${i}`,
      resourceIds: [R1],
      estimate: 10,
    }),
  )
  const sane = feature('S', {
    start: '2026-03-09',
    end: '2026-03-13',
    rank: 'b0',
    resourceIds: [R1],
    estimate: 3,
  })
  return roadmapData({
    features: [...wide, sane],
    resources: [resource('R1', 'Ana', 5)],
    items: [item('I1', 'W0', { assigneeId: R1, estimate: 4 })],
  })
}

describe('date range', () => {
  it('says why a date or a window is refused', () => {
    expect(planDateProblem('2026-03-11')).toBeNull()
    expect(planDateProblem(DATE_RANGE.min)).toBeNull()
    expect(planDateProblem(DATE_RANGE.max)).toBeNull()
    expect(planDateProblem('1999-12-31')).toBe('Dates run from Jan 1, 2000 to Dec 31, 2099')
    expect(planDateProblem('9999-12-31')).toBe('Dates run from Jan 1, 2000 to Dec 31, 2099')
    expect(planDateProblem('soon')).toBe('Expected an ISO date (YYYY-MM-DD)')
    expect(featureWindowProblem('2026-01-01', null)).toBeNull()
    expect(featureWindowProblem('0001-01-01', '2026-01-01')).toBe(
      'Start: Dates run from Jan 1, 2000 to Dec 31, 2099',
    )
    expect(featureWindowProblem('2026-01-02', '2026-01-01')).toBe('The end is before the start')
    expect(featureWindowProblem('2026-01-01', '2036-01-01')).toBeNull()
    expect(featureWindowProblem('2026-01-01', '2036-01-02')).toBe(
      `A feature runs at most ${MAX_FEATURE_DAYS} days (10 years)`,
    )
  })

  it('treats features over the whole calendar as undated in backlog, schedule and report', () => {
    const data = bomb()
    const backlog = deriveBacklog(data, TODAY)
    const wide = backlog.entries.filter((entry) => entry.featureId !== 'S')
    expect(wide).toHaveLength(20)
    for (const entry of wide) expect(entry.flags.late).toBe(false)
    // Only the sane feature loads Ana: 3 units in its one week, under her capacity.
    const schedule = checkSchedule(data, TODAY)
    expect(schedule.load[0]!.weeks).toEqual([
      { week: '2026-03-09', load: 3, capacity: 5, overloaded: false, featureIds: ['S'] },
    ])
    expect(schedule.overloaded).toEqual([])
    const report = deriveReport(data, TODAY)
    expect(report.summary.features).toBe(21)
    expect(report.late).toEqual([])
  })

  it('does not import a roadmap whose dates are outside the range', () => {
    const source = new Roadmap(new Y.Doc(), { origin: 'test' })
    const lane = source.lanes.create({ name: 'Lane' })
    source.features.create({
      laneId: lane,
      title: 'Forever',
      start: '0001-01-01',
      end: '9999-12-31',
    })
    const result = importRoadmap(exportRoadmap(source.doc))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(JSON.stringify(result.error)).toContain('Dates run from Jan 1, 2000')
  })

  it('does not import a feature longer than ten years', () => {
    const source = new Roadmap(new Y.Doc(), { origin: 'test' })
    const lane = source.lanes.create({ name: 'Lane' })
    source.features.create({ laneId: lane, title: 'Long', start: '2026-01-01', end: '2040-01-01' })
    const result = importRoadmap(exportRoadmap(source.doc))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(JSON.stringify(result.error)).toContain('at most 3653 days')
  })
})

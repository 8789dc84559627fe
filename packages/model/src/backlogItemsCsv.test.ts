import { describe, expect, it } from 'vitest'
import { deriveBacklog } from './backlog.js'
import { backlogFileName, backlogItemsToCsv, BACKLOG_ITEM_CSV_COLUMNS } from './backlogItemsCsv.js'
import type { FeatureId } from './schema.js'
import { parseCsv } from './testing/csv.js'
import { feature, item, roadmapData, TODAY } from './testing/fixture.js'

describe('backlogItemsToCsv: one row per backlog item', () => {
  const data = roadmapData({
    features: [
      feature('A', { title: 'Import', rank: 'a0' }),
      feature('B', { title: '=HYPERLINK("x")', rank: 'a1' }),
    ],
    items: [
      item('a1', 'A', { title: 'Parse, then load', estimate: 3, rank: 'a0' }),
      item('a2', 'A', { title: 'Report', status: 'done', estimate: 1, rank: 'a1' }),
      item('gone', 'Z' as FeatureId, { title: 'Stray' }),
    ],
  })
  const rows = parseCsv(backlogItemsToCsv(deriveBacklog(data, TODAY)))
  const col = (name: (typeof BACKLOG_ITEM_CSV_COLUMNS)[number]) =>
    BACKLOG_ITEM_CSV_COLUMNS.indexOf(name)

  it('repeats the feature columns on each of its items, in backlog and item order', () => {
    expect(rows[0]).toEqual([...BACKLOG_ITEM_CSV_COLUMNS])
    expect(
      rows.slice(1).map((r) => [r[col('Feature ID')], r[col('Item')], r[col('Position')]]),
    ).toEqual([
      ['A', 'Parse, then load', '1'],
      ['A', 'Report', '1'],
      ['B', '', '2'],
      ['Z', 'Stray', ''],
    ])
    expect(rows[2][col('Feature progress %')]).toBe('25')
    expect(rows[2][col('Item status')]).toBe('done')
  })

  it('keeps a feature without items as one row and disarms formulas', () => {
    expect(rows[3][col('Feature')]).toBe(`'=HYPERLINK("x")`)
    expect(rows[3][col('Item ID')]).toBe('')
  })
})

describe('backlogFileName', () => {
  it('names the file after the roadmap title and the day', () => {
    expect(backlogFileName('Atlas team analytics', '2026-12-01', 'csv')).toBe(
      'atlas-team-analytics-backlog-2026-12-01.csv',
    )
    expect(backlogFileName('Atlas team analytics', '2026-12-01', 'csv', 'items')).toBe(
      'atlas-team-analytics-backlog-items-2026-12-01.csv',
    )
    expect(backlogFileName('Café — Q3 / "plan"', '2026-12-01', 'md')).toBe(
      'cafe-q3-plan-backlog-2026-12-01.md',
    )
    expect(backlogFileName('  ☃ ', '2026-12-01', 'csv')).toBe('roadmap-backlog-2026-12-01.csv')
  })
})

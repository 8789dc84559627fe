import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog } from './backlog.js'
import { BACKLOG_CSV_COLUMNS, backlogToCsv, backlogToMarkdown, csvField } from './backlogFormat.js'
import { demoRoadmap } from './demo.js'
import type { FeatureId, ResourceId } from './schema.js'
import { parseCsv } from './testing/csv.js'
import { feature, item, resource, roadmapData, smallFixture, TODAY } from './testing/fixture.js'

describe('backlogToCsv', () => {
  const backlog = deriveBacklog(smallFixture(), TODAY)
  const rows = parseCsv(backlogToCsv(backlog))
  const column = (name: (typeof BACKLOG_CSV_COLUMNS)[number]) => BACKLOG_CSV_COLUMNS.indexOf(name)

  it('writes a header and exactly one row per backlog entry, in backlog order', () => {
    expect(rows[0]).toEqual([...BACKLOG_CSV_COLUMNS])
    expect(rows).toHaveLength(backlog.entries.length + 1)
    expect(rows.slice(1).map((row) => row[column('Feature ID')])).toEqual(
      backlog.entries.map((e) => e.featureId),
    )
    for (const row of rows) expect(row).toHaveLength(BACKLOG_CSV_COLUMNS.length)
  })

  it('writes the values of each entry', () => {
    const auth = rows[1]
    expect(auth[column('Position')]).toBe('1')
    expect(auth[column('Feature')]).toBe('Auth')
    expect(auth[column('Lane')]).toBe('Core')
    expect(auth[column('Start')]).toBe('2026-03-02')
    expect(auth[column('Progress %')]).toBe('75')
    expect(auth[column('Done estimate')]).toBe('3')
    expect(auth[column('Total estimate')]).toBe('4')
    expect(auth[column('Items done')]).toBe('1')
    expect(auth[column('Items')]).toBe('3')
    expect(auth[column('Assignees')]).toBe('Ana, Ben')
    expect(auth[column('Worst risk')]).toBe('Vendor outage')
    expect(auth[column('Risk score')]).toBe('12')
    expect(auth[column('RICE score')]).toBe('400')
    expect(auth[column('Flags')]).toBe('overloaded; risky')
    expect(auth[column('Backlog items')]).toBe(
      [
        '[x] I1 (3, Ana, accepted by Priya (PO))',
        '[ ] I2 (1, Ana)',
        '[ ] I3 (in-progress, Ben)',
      ].join('\n'),
    )
    const billing = rows[2]
    expect(billing[column('Feature estimate')]).toBe('10')
    expect(billing[column('Goals')]).toBe('Retention, G9')
    expect(billing[column('Flags')]).toBe('blocked; overloaded; dangling')
    expect(rows[5][column('Start')]).toBe('') // F5 is undated
  })

  it('quotes commas, quotes and line breaks, and neutralises formula-like text', () => {
    const tricky = roadmapData({
      resources: [resource('R', '@admin', null)],
      features: [
        feature('F', { title: 'Say "hi", then\r\nleave', rank: 'a0' }),
        feature('G', { title: '=HYPERLINK("x")', rank: 'a1' }),
      ],
      items: [item('I', 'F', { title: '+1, maybe', assigneeId: 'R' as ResourceId })],
    })
    const csv = backlogToCsv(deriveBacklog(tricky, TODAY))
    const [, f, g] = parseCsv(csv)
    expect(f[column('Feature')]).toBe('Say "hi", then\r\nleave')
    expect(f[column('Assignees')]).toBe("'@admin")
    expect(f[column('Backlog items')]).toBe('[ ] +1, maybe (@admin)')
    expect(g[column('Feature')]).toBe(`'=HYPERLINK("x")`)
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a"b')).toBe('"a""b"')
  })

  it('writes only the header for an empty backlog', () => {
    expect(backlogToCsv(deriveBacklog(roadmapData(), TODAY))).toBe(
      `${BACKLOG_CSV_COLUMNS.join(',')}\r\n`,
    )
  })

  it('matches the demo backlog row for row', () => {
    const doc = new Y.Doc()
    demoRoadmap(doc, { today: TODAY })
    const demo = deriveBacklog(doc, TODAY)
    const demoRows = parseCsv(backlogToCsv(demo))
    expect(demoRows.slice(1).map((row) => row[column('Feature')])).toEqual(
      demo.entries.map((e) => e.title),
    )
  })
})

describe('backlogToMarkdown', () => {
  const markdown = backlogToMarkdown(deriveBacklog(smallFixture(), TODAY))

  it('opens with the title, date and totals, then a table row per entry', () => {
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('# Backlog: Small')
    expect(lines[2]).toBe('As of Mar 11, 2026 · 5 features · 3 of 12 estimated done')
    expect(lines).toContain(
      '| 1 | Auth | Core | Mar 2, 2026 – Mar 13, 2026 | in progress | on track | 75 % | 3 / 4 | Ana, Ben | overloaded, risky |',
    )
    expect(lines).toContain(
      '| 2 | Billing | Growth | Mar 9, 2026 – Mar 20, 2026 | planned | on track | 0 % | 0 / 8 | Ana, Ben | blocked, overloaded, dangling |',
    )
    expect(lines).toContain(
      '| 4 | Polish | Core | Apr 1, 2026 – Apr 10, 2026 | done | on track | 100 % | — |  |  |',
    )
    expect(lines.filter((line) => line.startsWith('| ') && !line.startsWith('| #'))).toHaveLength(5)
  })

  it('lists each entry with its items as a checklist', () => {
    expect(markdown).toContain(
      [
        '## 1. Auth',
        '',
        'Core · Mar 2, 2026 – Mar 13, 2026 · in progress · on track · 75 % done · worst risk: Vendor outage (12) · RICE 400 · **overloaded, risky**',
        '',
        '- [x] I1 (3, Ana, accepted by Priya (PO))',
        '- [ ] I2 (1, Ana)',
        '- [ ] I3 (in-progress, Ben)',
      ].join('\n'),
    )
    expect(markdown).toContain(
      '## 3. Reports\n\nCore · Feb 2, 2026 – Feb 27, 2026 · in progress · off track · 0 % done · **late**\n\n_No backlog items yet._',
    )
    expect(markdown).toContain('## 5. Ideas\n\nGrowth · undated · planned')
  })

  it('lists items whose feature is gone in a section of their own', () => {
    expect(markdown).toContain(
      '## Items without a feature\n\n- [ ] Orphan (2) (feature gone is gone)',
    )
  })

  it('escapes text that would otherwise format or break the table', () => {
    const data = roadmapData({
      features: [feature('F', { title: 'A | B *bold* <script>', rank: 'a0', estimate: 5 })],
      items: [item('I', 'F', { title: '[link](x)\nsecond line' })],
    })
    const md = backlogToMarkdown(deriveBacklog(data, TODAY))
    expect(md).toContain(
      '| 1 | A \\| B \\*bold\\* \\<script\\> | Lane | undated | planned | on track | 0 % | est. 5 |',
    )
    expect(md).toContain('- [ ] \\[link\\](x) second line')
  })

  it('says so when the backlog is empty', () => {
    expect(backlogToMarkdown(deriveBacklog(roadmapData({ meta: { title: '' } }), TODAY))).toBe(
      '# Backlog\n\nAs of Mar 11, 2026 · 0 features · 0 of 0 estimated done\n\n_The backlog is empty._\n',
    )
  })

  it('keeps dangling lanes readable', () => {
    const data = roadmapData({
      features: [
        feature('F', { laneId: 'Lx' as never, rank: 'a0', dependsOn: ['Q' as FeatureId] }),
      ],
    })
    expect(backlogToMarkdown(deriveBacklog(data, TODAY))).toContain(
      '| 1 | F | (missing lane Lx) | undated |',
    )
  })
})

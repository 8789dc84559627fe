import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Roadmap, appendEntities, readRoadmap } from '@meridian/model'
import { CSV_FIELD, suggestMapping } from './fields.js'
import { planCsvImport } from './plan.js'
import { readCsv } from './read.js'
import type { CsvTable } from './read.js'

// As the file's bytes (BOM, CRLF): Vite's raw import, so the test reads no file itself.
import jira from './fixtures/jira-export.csv?raw'

const table = (text: string): CsvTable => {
  const r = readCsv(text)
  if (!r.ok) throw new Error(r.error)
  return r.table
}

describe('a Jira export', () => {
  const t = table(jira)

  it('reads through the BOM, CRLF, multi-line quoted cells and repeated Labels columns', () => {
    expect(t.headers[0]).toBe('Summary')
    expect(t.headers.filter((h) => h === 'Labels')).toHaveLength(3)
    expect(t.rows).toHaveLength(8)
    expect(t.rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 8, 9, 10, 11])
    expect(t.rows[0].cells[17]).toBe(
      'The checkout, in three steps instead of five.\n\nScope: "guest checkout", saved cards.',
    )
  })

  it('maps its columns by Jira’s own header names', () => {
    const fields = suggestMapping(t.headers)
    const at = (h: string) => fields[t.headers.indexOf(h)]
    expect(at('Summary')).toBe(CSV_FIELD.title)
    expect(at('Issue key')).toBe(CSV_FIELD.key)
    expect(at('Issue id')).toBe(CSV_FIELD.issueId)
    expect(at('Issue Type')).toBe(CSV_FIELD.type)
    expect(at('Due date')).toBe(CSV_FIELD.end)
    expect(at('Custom field (Start date)')).toBe(CSV_FIELD.start)
    expect(at('Custom field (Story Points)')).toBe(CSV_FIELD.estimate)
    expect(at('Parent id')).toBe(CSV_FIELD.parentId)
    expect(at('Component/s')).toBe(CSV_FIELD.lane)
    expect(at('Labels')).toBe(CSV_FIELD.ignore)
  })

  it('plans epics as features in lanes, stories and tasks as their items, assignees as people', () => {
    const plan = planCsvImport(t, { fields: suggestMapping(t.headers) }, null)
    expect(plan.errors).toEqual([])
    expect(plan.lanes).toEqual([
      { name: 'Payments', isNew: true, features: 1 },
      { name: 'Discovery', isNew: true, features: 1 },
    ])
    expect(plan.input.features.map((f) => [f.title, f.start, f.end, f.status])).toEqual([
      ['Checkout redesign', '2026-03-02', '2026-04-30', 'in-progress'],
      ['Search relevance', '2026-07-01', '2026-09-30', 'planned'],
    ])
    expect(plan.input.items.map((i) => [i.title, i.status, i.estimate])).toEqual([
      ['Saved payment methods', 'todo', 5],
      ['Guest checkout', 'done', 8],
      ['Address autocomplete', 'in-progress', 3],
      ['Write the API contract', 'done', 1],
      ['Synonym dictionary', 'todo', 5],
    ])
    expect(plan.skipped).toEqual([{ line: 11, reason: expect.stringContaining('cancelled') }])
    expect(plan.input.resources.map((r) => r.name)).toEqual(['Dana Reyes', "Sam O'Neil", 'Li Wei'])
  })

  it('writes the plan in one transaction: one undo step removes it all', () => {
    const doc = new Y.Doc()
    const origin = { local: true }
    new Roadmap(doc, { origin }).init({ title: 'Shop' })
    const undo = new Y.UndoManager(
      ['lanes', 'features', 'items', 'resources'].map((k) => doc.getMap(k)),
      { trackedOrigins: new Set([origin]) },
    )
    const plan = planCsvImport(t, { fields: suggestMapping(t.headers) }, readRoadmap(doc))
    appendEntities(doc, origin, {
      ...plan.input,
      acceptance: { by: 'Dana', at: '2026-03-12T10:00:00Z' },
    })
    const after = readRoadmap(doc)
    expect(after.features.map((f) => f.title)).toEqual(['Checkout redesign', 'Search relevance'])
    expect(after.items).toHaveLength(5)
    const checkout = after.features[0]
    expect(after.items.filter((i) => i.featureId === checkout.id)).toHaveLength(4)
    expect(after.lanes.find((l) => l.id === checkout.laneId)?.name).toBe('Payments')
    expect(undo.undoStack).toHaveLength(1)
    undo.undo()
    const undone = readRoadmap(doc)
    expect(
      [undone.lanes, undone.features, undone.items, undone.resources].map((c) => c.length),
    ).toEqual([0, 0, 0, 0])
  })
})

describe('bad rows', () => {
  it('are listed with their line and reason, and unknown statuses can be mapped by hand', () => {
    const csv = [
      'Title,Start,End,Status',
      'Fine,2026-01-05,2026-01-30,Open',
      'Bad start,2026-13-01,2026-01-30,Open',
      'Backwards,2026-02-01,2026-01-30,Open',
      'Custom,2026-02-01,2026-02-20,Parked',
      ',2026-02-01,2026-02-20,Open',
    ].join('\n')
    const t = table(csv)
    const plan = planCsvImport(t, { fields: suggestMapping(t.headers) }, null)
    expect(plan.errors).toEqual([
      { line: 3, reason: 'bad start date “2026-13-01”' },
      { line: 4, reason: 'ends (2026-01-30) before it starts (2026-02-01)' },
      { line: 5, reason: 'unknown status “Parked”' },
      { line: 6, reason: 'no title' },
    ])
    expect(plan.unknownStatuses).toEqual(['Parked'])
    const mapped = planCsvImport(
      t,
      { fields: suggestMapping(t.headers), statuses: { parked: 'todo' } },
      null,
    )
    expect(mapped.errors.map((e) => e.line)).toEqual([3, 4, 6])
    expect(mapped.input.features.map((f) => f.title)).toEqual(['Fine', 'Custom'])
  })

  it('a 1,000-row file with 3 bad rows plans the other 997', () => {
    const lines = ['Summary,Start date,Due date,Status']
    for (let i = 1; i <= 1000; i++) {
      const bad = i === 10 ? 'nope' : '2026-01-05'
      const end = i === 500 ? '2025-12-01' : '2026-02-27'
      lines.push(`Feature ${i},${bad},${end},${i === 999 ? 'Whatever' : 'To Do'}`)
    }
    const t = table(lines.join('\r\n'))
    const plan = planCsvImport(t, { fields: suggestMapping(t.headers) }, null)
    expect(plan.errors.map((e) => e.line)).toEqual([11, 501, 1000])
    expect(plan.input.features.length + plan.input.items.length).toBe(997)
  })

  it('an item whose parent is nowhere is an error', () => {
    const t = table('Summary,Issue key,Issue Type,Parent\nLost,A-2,Story,A-1\n')
    const plan = planCsvImport(t, { fields: suggestMapping(t.headers) }, null)
    expect(plan.errors).toEqual([{ line: 2, reason: 'parent “A-1” is not in the file' }])
  })
})

describe('limits', () => {
  it('refuses a headerless file', () => {
    expect(readCsv('')).toEqual({ ok: false, error: 'the file has no header row' })
  })
})

import { describe, expect, it } from 'vitest'
import { suggestMapping } from './fields.js'
import { planCsvImport } from './plan.js'
import { PROGRESS_EVERY, guessDelimiter, readCsv } from './read.js'

describe('readCsv', () => {
  it('takes the delimiter from the header line, ignoring quoted ones', () => {
    expect(guessDelimiter('Summary,Status\nA;B,To Do')).toBe(',')
    expect(guessDelimiter('"Summary, short";Status;Due date\nA;To Do;2026-03-02')).toBe(';')
    expect(guessDelimiter('Summary\tStatus\n')).toBe('\t')
    expect(guessDelimiter('Summary\n')).toBe(',')
    const r = readCsv('Summary;Due date\r\n"Checkout; guest";02/03/2026\r\n')
    expect(r.ok && r.table).toEqual({
      headers: ['Summary', 'Due date'],
      rows: [{ line: 2, cells: ['Checkout; guest', '02/03/2026'] }],
    })
  })

  it('reports its progress and the plan’s as rising shares up to the whole', () => {
    const rows = PROGRESS_EVERY * 4
    const text = `Summary\n${Array.from({ length: rows }, (_, i) => `Feature ${i}`).join('\n')}\n`
    const read: number[] = []
    const r = readCsv(text, (share) => read.push(share))
    if (!r.ok) throw new Error(r.error)
    expect(read).toHaveLength(4)
    expect(read).toEqual([...read].sort((a, b) => a - b))
    expect(read.at(-1)).toBeCloseTo(1, 2)
    const planned: number[] = []
    const plan = planCsvImport(r.table, { fields: suggestMapping(r.table.headers) }, null, (s) =>
      planned.push(s),
    )
    expect(planned).toEqual([0.25, 0.5, 0.75, 1])
    expect(plan.input.features).toHaveLength(rows)
  })
})

// A CSV file as a table (papaparse): BOM, CRLF, quoted multi-line cells with doubled quotes,
// and repeated headers (Jira writes `Labels,Labels,Labels` for a multi-value field) kept as
// separate columns. Each row remembers the file line it starts on, for error messages.
import Papa from 'papaparse'

/** Rows beyond this are refused: a roadmap is not a data warehouse. */
export const MAX_CSV_ROWS = 20_000
/** Columns beyond this are refused (Jira's widest exports have a few hundred). */
export const MAX_CSV_COLUMNS = 1_000

const DELIMITERS = [',', ';', '\t', '|'] as const

/**
 * The delimiter, from the header line: the candidate seen most often outside quotes (a
 * spreadsheet set to a European locale writes `;`). papaparse's own guess parses the first
 * rows once per candidate, which costs more than the whole plan of a 10,000-row file.
 */
export function guessDelimiter(source: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (let i = 0; i < source.length && i < 64 * 1024; i++) {
    const c = source[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1)
  }
  let best: string = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number
  cells: string[]
}

export interface CsvTable {
  headers: string[]
  rows: CsvRow[]
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; error: string }

/** How often (in rows) the read and the plan report their progress. */
export const PROGRESS_EVERY = 500

/** `onProgress` gets the share of the text read so far (0–1), every `PROGRESS_EVERY` rows. */
export function readCsv(text: string, onProgress?: (share: number) => void): CsvReadResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let headers: string[] | null = null
  const rows: CsvRow[] = []
  let error: string | null = null
  let offset = 0
  let line = 1
  const linesIn = (from: number, to: number) => {
    let n = 0
    for (let i = source.indexOf('\n', from); i !== -1 && i < to; i = source.indexOf('\n', i + 1))
      n++
    return n
  }
  Papa.parse<string[]>(source, {
    delimiter: guessDelimiter(source),
    skipEmptyLines: 'greedy',
    step(results, parser) {
      const cursor = results.meta.cursor
      // The row starts after the line breaks that precede it (blank lines are skipped).
      let start = offset
      while (start < cursor && (source[start] === '\n' || source[start] === '\r')) start++
      const rowLine = line + linesIn(offset, start)
      line = rowLine + linesIn(start, cursor)
      offset = cursor
      const cells = results.data
      if (headers === null) {
        if (cells.length > MAX_CSV_COLUMNS) {
          error = `more than ${MAX_CSV_COLUMNS} columns`
          parser.abort()
          return
        }
        headers = cells.map((h) => h.trim())
        return
      }
      if (rows.length >= MAX_CSV_ROWS) {
        error = `more than ${MAX_CSV_ROWS.toLocaleString('en-US')} rows`
        parser.abort()
        return
      }
      rows.push({ line: rowLine, cells })
      if (onProgress && rows.length % PROGRESS_EVERY === 0) onProgress(cursor / source.length)
    },
  })
  if (error !== null) return { ok: false, error }
  if (headers === null || (headers as string[]).every((h) => h === ''))
    return { ok: false, error: 'the file has no header row' }
  return { ok: true, table: { headers, rows } }
}

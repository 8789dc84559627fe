// Off the main thread: a CSV file read into a table and planned under the suggested mapping,
// reporting progress as it goes, so a 10,000-row file moves a bar and the dialog stays live.
import { planCsvImport, readCsv, suggestMapping } from '@meridian/exchange'
import type { RoadmapData } from '@meridian/model'
import type { CsvWorkerMessage } from './csvParse.js'

interface Request {
  text: string
  existing: RoadmapData | null
  defaultLane: string
}

const post = (m: CsvWorkerMessage) => self.postMessage(m)

self.onmessage = (e: MessageEvent<Request>) => {
  const { text, existing, defaultLane } = e.data
  const read = readCsv(text, (share) => post({ kind: 'progress', phase: 'parse', share }))
  if (!read.ok) return post({ kind: 'failed', error: read.error })
  const fields = suggestMapping(read.table.headers)
  post({ kind: 'progress', phase: 'plan', share: 0 })
  const plan = planCsvImport(read.table, { fields, defaultLane }, existing, (share) =>
    post({ kind: 'progress', phase: 'plan', share }),
  )
  post({ kind: 'done', table: read.table, fields, plan })
}

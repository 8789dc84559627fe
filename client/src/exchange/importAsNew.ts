// A CSV as a new roadmap: one request (POST /api/roadmaps/import/csv) with the mapping chosen
// in the dialog; the roadmap is then opened as its owner, like the home page's "New roadmap".
import type { CsvField, DateOrder, ImportStatus } from '@meridian/exchange'
import type { CsvCreatedRoadmap, CsvNewRoadmapBody } from '@meridian/protocol'
import { openCreated } from '../home/openCreated.js'
import { request } from '../sync/api.js'

export interface NewRoadmapImport {
  title: string
  csv: string
  headers: readonly string[]
  fields: readonly CsvField[]
  statuses: Record<string, ImportStatus>
  dateOrder: DateOrder
  defaultLane: string
  skipErrors: boolean
}

/** Creates the roadmap from the file, then opens it; an error message when that fails. */
export async function importAsNewRoadmap(x: NewRoadmapImport): Promise<string | null> {
  // By header name, as the API takes it; of repeated headers the first column counts there.
  const columns: Record<string, CsvField> = {}
  x.headers.forEach((h, i) => {
    if (!(h in columns)) columns[h] = x.fields[i]
  })
  const body: CsvNewRoadmapBody = {
    csv: x.csv,
    title: x.title.trim() || 'Imported roadmap',
    mapping: { columns, statuses: x.statuses, dateOrder: x.dateOrder, defaultLane: x.defaultLane },
    skipErrors: x.skipErrors,
  }
  const created = await request<CsvCreatedRoadmap>('POST', '/api/roadmaps/import/csv', null, body)
  if (!created.ok)
    return created.status === 0
      ? 'The server cannot be reached. Try again in a moment.'
      : created.message
  await openCreated(created.value)
  return null
}

// A CSV as a new roadmap: created like the home page's "New roadmap" (owner link remembered),
// then filled by the server's CSV import (POST …/import/csv) with the mapping chosen here.
import type { CsvField, DateOrder, ImportStatus } from '@meridian/exchange'
import { navigate } from '../lib/navigation.js'
import { rememberRoadmap } from '../sync/recentRoadmaps.js'
import { createRoadmap } from '../sync/api.js'

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

/** Creates and fills the roadmap, then opens it; an error message when that fails. */
export async function importAsNewRoadmap(x: NewRoadmapImport): Promise<string | null> {
  const created = await createRoadmap(x.title.trim() || 'Imported roadmap')
  if (!created.ok) return created.message
  const { id, ownerToken, title } = created.value
  // By header name, as the API takes it; of repeated headers the first column counts there.
  const columns: Record<string, CsvField> = {}
  x.headers.forEach((h, i) => {
    if (!(h in columns)) columns[h] = x.fields[i]
  })
  let res: Response
  try {
    res = await fetch(`/api/roadmaps/${encodeURIComponent(id)}/import/csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerToken}` },
      body: JSON.stringify({
        csv: x.csv,
        mapping: {
          columns,
          statuses: x.statuses,
          dateOrder: x.dateOrder,
          defaultLane: x.defaultLane,
        },
        skipErrors: x.skipErrors,
      }),
    })
  } catch (e) {
    return e instanceof Error ? e.message : 'Network error'
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    return body?.error?.message ?? `HTTP ${res.status}`
  }
  rememberRoadmap({ id, token: ownerToken, role: 'owner', title })
  navigate(`/r/${encodeURIComponent(id)}?token=${encodeURIComponent(ownerToken)}`)
  return null
}

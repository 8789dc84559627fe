// POST /api/roadmaps/:id/import/csv: a CSV file into the roadmap, by the same plan as the
// client's import dialog (@meridian/exchange), as one change. Nothing is written while a row
// has an error unless `skipErrors` says to leave those rows out; `dryRun` only previews.
import { appendEntities, readRoadmap } from '@meridian/model'
import {
  isCsvField,
  isImportStatus,
  MAX_CSV_ROWS,
  planCsvImport,
  readCsv,
  suggestMapping,
} from '@meridian/exchange'
import type { CsvField, CsvPlan, ImportStatus } from '@meridian/exchange'
import type { RoadmapData } from '@meridian/model'
import { ROLE } from '../../store/store.js'
import { ORIGIN } from '../../sync/origins.js'
import { ERROR_CODE } from '@meridian/protocol'
import { HttpError, readJson, sendJson } from '../respond.js'
import { parseBody } from '../parseBody.js'
import { CsvImportBody } from '@meridian/protocol'
import type { ExchangeCtx } from './context.js'
import { liveDoc, requireRole } from './context.js'

/** A 20,000-row Jira export with descriptions is a few MB; JSON escaping adds a little. */
export const CSV_BODY_LIMIT = 16 * 1024 * 1024
/** Errors listed in one answer; `errorCount` tells how many there are. */
const MAX_LISTED_ERRORS = 1_000

const summary = (plan: CsvPlan, headers: string[], fields: CsvField[]) => ({
  rows: plan.rows,
  columns: headers.map((header, i) => ({ header, field: fields[i] })),
  lanes: plan.lanes,
  create: {
    lanes: plan.input.lanes.length,
    features: plan.input.features.length,
    items: plan.input.items.length,
    resources: plan.input.resources.length,
  },
  errorCount: plan.errors.length,
  errors: plan.errors.slice(0, MAX_LISTED_ERRORS),
  skipped: plan.skipped.slice(0, MAX_LISTED_ERRORS),
  unknownStatuses: plan.unknownStatuses,
})

/** The file read, the mapping checked (400s name the bad part) and planned against `existing`. */
export function planCsvBody(body: CsvImportBody, existing: RoadmapData | null) {
  const read = readCsv(body.csv)
  if (!read.ok)
    throw new HttpError(400, ERROR_CODE.invalidImport, read.error, { maxRows: MAX_CSV_ROWS })
  const { headers } = read.table
  const fields = suggestMapping(headers)
  for (const [header, f] of Object.entries(body.mapping?.columns ?? {})) {
    if (!isCsvField(f))
      throw new HttpError(400, ERROR_CODE.badRequest, `mapping.columns: no field “${f}”`, {
        path: 'mapping.columns',
      })
    const i = headers.indexOf(header)
    if (i === -1)
      throw new HttpError(400, ERROR_CODE.badRequest, `mapping.columns: no column “${header}”`, {
        path: 'mapping.columns',
      })
    fields[i] = f
  }
  const statuses: Record<string, ImportStatus> = {}
  for (const [raw, s] of Object.entries(body.mapping?.statuses ?? {})) {
    if (!isImportStatus(s))
      throw new HttpError(400, ERROR_CODE.badRequest, `mapping.statuses: no status “${s}”`, {
        path: 'mapping.statuses',
      })
    statuses[raw] = s
  }
  const plan = planCsvImport(read.table, { ...body.mapping, fields, statuses }, existing)
  const preview = summary(plan, headers, fields)
  if (!body.dryRun && plan.errors.length > 0 && !body.skipErrors)
    throw new HttpError(
      422,
      ERROR_CODE.invalidImport,
      `${plan.errors.length} row(s) have errors; fix them or pass skipErrors`,
      preview,
    )
  return { plan, preview }
}

export async function importCsv(ctx: ExchangeCtx): Promise<void> {
  const link = await requireRole(ctx, ROLE.editor)
  const body = parseBody(CsvImportBody, await readJson(ctx.req, CSV_BODY_LIMIT))
  const doc = await liveDoc(ctx)
  const { plan, preview } = planCsvBody(body, readRoadmap(doc))
  if (body.dryRun) return sendJson(ctx.res, 200, preview)
  const room = ctx.deps.rooms.get(ctx.params[0])
  const at = new Date().toISOString()
  let created = { lanes: 0, resources: 0, features: 0, items: 0 }
  await room.change(ORIGIN.import, (d) => {
    const r = appendEntities(d, ORIGIN.import, {
      ...plan.input,
      acceptance: { by: link.label ?? 'CSV import', at },
    })
    created = { lanes: r.lanes, resources: r.resources, features: r.features, items: r.items }
  })
  sendJson(ctx.res, 201, { ...preview, created })
}

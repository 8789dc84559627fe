// POST /api/roadmaps/import/csv: a CSV file as a new roadmap, by the same plan and mapping as
// the import into a roadmap (importCsv.ts). Creating shares the creation budget with
// POST /api/roadmaps and …/import, and the JSON import's size and entity limits.
import { Roadmap, appendEntities } from '@meridian/model'
import { CsvNewRoadmapBody, ERROR_CODE } from '@meridian/protocol'
import type { CsvCreatedRoadmap } from '@meridian/protocol'
import { createRoadmap } from '../../roadmaps/create.js'
import { ORIGIN } from '../../sync/origins.js'
import type { Ctx } from '../context.js'
import { takeCreate } from '../handlers/roadmaps.js'
import { parseBody } from '../parseBody.js'
import { HttpError, readJson, sendJson } from '../respond.js'
import { CSV_BODY_LIMIT, planCsvBody } from './importCsv.js'

export async function importCsvRoadmap(ctx: Ctx): Promise<void> {
  takeCreate(ctx)
  const { limits } = ctx.deps
  const body = parseBody(
    CsvNewRoadmapBody,
    await readJson(ctx.req, Math.min(CSV_BODY_LIMIT, limits.importMaxBytes)),
  )
  const { plan, preview } = planCsvBody(body, null)
  if (body.dryRun) return sendJson(ctx.res, 200, preview)
  const { lanes, resources, features, items } = plan.input
  const entities = lanes.length + resources.length + features.length + items.length
  if (entities > limits.importMaxEntities)
    throw new HttpError(
      413,
      ERROR_CODE.tooLarge,
      `the file makes ${entities} entities; at most ${limits.importMaxEntities} can be imported`,
    )
  const title = body.title?.trim() || 'Imported roadmap'
  const at = new Date().toISOString()
  let created = { lanes: 0, resources: 0, features: 0, items: 0 }
  const roadmap = await createRoadmap(ctx.deps.store, title, (doc) => {
    new Roadmap(doc, { origin: ORIGIN.create }).init({ title })
    const r = appendEntities(doc, ORIGIN.import, {
      ...plan.input,
      acceptance: { by: 'CSV import', at },
    })
    created = { lanes: r.lanes, resources: r.resources, features: r.features, items: r.items }
  })
  const res: CsvCreatedRoadmap = { ...roadmap, import: { ...preview, created } }
  sendJson(ctx.res, 201, res)
}

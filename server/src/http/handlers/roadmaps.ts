// Roadmaps: create, import, what a token opens, meta and the derived views.
import {
  backlogFileName,
  backlogItemsToCsv,
  backlogToCsv,
  backlogToMarkdown,
  deriveBacklog,
  deriveReport,
  exportRoadmap,
  readRoadmap,
} from '@meridian/model'
import { CreateRoadmapBody, ERROR_CODE } from '@meridian/protocol'
import type { RoadmapMeta, Session } from '@meridian/protocol'
import { DENIAL, findLink, tokenOf } from '../../auth/access.js'
import { createRoadmap, createRoadmapFromState } from '../../roadmaps/create.js'
import type { ImportResult } from '../../roadmaps/importer.js'
import { ROLE } from '../../store/store.js'
import { ORIGIN } from '../../sync/origins.js'
import type { Ctx } from '../context.js'
import { SMALL_BODY, access, addressOf, denied, docOf, iso, linkOf, todayOf } from '../context.js'
import { parseBody } from '../parseBody.js'
import { HttpError, rateLimited, readBody, readJson, sendJson, sendText } from '../respond.js'

/** Creating and importing share one budget per client address. */
export function takeCreate(ctx: Ctx): void {
  const wait = ctx.deps.creates.take(addressOf(ctx.req))
  if (wait > 0) throw rateLimited('roadmaps created from this address', wait)
}

export async function create(ctx: Ctx): Promise<void> {
  takeCreate(ctx)
  const body = parseBody(CreateRoadmapBody, await readJson(ctx.req, SMALL_BODY))
  sendJson(ctx.res, 201, await createRoadmap(ctx.deps.store, body.title))
}

export async function importOne(ctx: Ctx): Promise<void> {
  takeCreate(ctx)
  const { limits } = ctx.deps
  const body = await readBody(ctx.req, limits.importMaxBytes)
  if (body.toString('utf8', 0, Math.min(body.length, 1024)).trim() === '')
    throw new HttpError(400, ERROR_CODE.badRequest, 'a JSON body is required')
  // Parsed, validated and built in a worker thread: the event loop stays free meanwhile.
  const r = await ctx.deps.importer.run({
    body,
    maxEntities: limits.importMaxEntities,
    origin: ORIGIN.import,
  })
  if (!r.ok) throw importError(r)
  const title = r.title || 'Imported roadmap'
  sendJson(ctx.res, 201, await createRoadmapFromState(ctx.deps.store, r, title))
}

function importError(r: Extract<ImportResult, { ok: false }>): HttpError {
  switch (r.kind) {
    case 'json':
      return new HttpError(400, ERROR_CODE.badRequest, r.message)
    case 'invalid':
      return new HttpError(400, ERROR_CODE.invalidImport, `${r.path || '(root)'}: ${r.message}`, {
        path: r.path,
      })
    case 'tooLarge':
      return new HttpError(413, ERROR_CODE.tooLarge, r.message)
    case 'busy':
      return new HttpError(503, ERROR_CODE.unavailable, r.message)
    case 'failed':
      return new HttpError(413, ERROR_CODE.tooLarge, `the import could not be built: ${r.message}`)
    default: {
      const never: never = r
      throw new Error(`unknown import failure ${JSON.stringify(never)}`)
    }
  }
}

export async function session(ctx: Ctx): Promise<void> {
  const token = tokenOf(ctx.req.headers.authorization, ctx.query)
  if (!token || token.length > 256) throw denied(DENIAL.missing)
  const found = await findLink(ctx.deps.store, token)
  if (!found) throw denied(DENIAL.invalid)
  const link = await access(ctx, found.roadmapId, ROLE.viewer)
  const body: Session = {
    roadmapId: link.roadmapId,
    role: link.role,
    linkId: link.id,
    expiresAt: iso(link.expiresAt),
  }
  sendJson(ctx.res, 200, body)
}

export async function meta(ctx: Ctx): Promise<void> {
  const link = linkOf(ctx)
  const id = ctx.params[0]
  const record = await ctx.deps.store.getRoadmap(id)
  const data = readRoadmap(await docOf(ctx))
  let connections = 0
  for (const n of (await ctx.deps.rooms.connectionsByLink(id)).values()) connections += n
  const body: RoadmapMeta = {
    id,
    title: data.meta.title || record?.title || '',
    role: link.role,
    linkId: link.id,
    personName: link.personName,
    horizonStart: data.meta.horizonStart,
    horizonEnd: data.meta.horizonEnd,
    counts: {
      lanes: data.lanes.length,
      features: data.features.length,
      milestones: data.milestones.length,
      goals: data.goals.length,
      indicators: data.indicators.length,
      risks: data.risks.length,
      resources: data.resources.length,
      items: data.items.length,
    },
    connections,
    historyBytes: await ctx.deps.store.historyBytes(id),
    createdAt: iso(record?.createdAt ?? null),
    updatedAt: iso(record?.updatedAt ?? null),
  }
  sendJson(ctx.res, 200, body)
}

export async function backlog(ctx: Ctx): Promise<void> {
  const format = ctx.query.get('format') ?? 'json'
  if (format !== 'json' && format !== 'csv' && format !== 'md') {
    throw new HttpError(400, ERROR_CODE.badRequest, 'format: expected json, csv or md')
  }
  const shape = ctx.query.get('shape') ?? 'features'
  if (shape !== 'features' && shape !== 'items') {
    throw new HttpError(400, ERROR_CODE.badRequest, 'shape: expected features or items')
  }
  const derived = deriveBacklog(await docOf(ctx), todayOf(ctx.query))
  if (format === 'json') {
    sendJson(ctx.res, 200, derived)
    return
  }
  // A direct download (curl, a bookmarked link) gets the same name as the app's button.
  const name = backlogFileName(derived.title, derived.today, format, shape)
  const headers = { 'content-disposition': `attachment; filename="${name}"` }
  if (format === 'md') {
    sendText(ctx.res, 200, 'text/markdown; charset=utf-8', backlogToMarkdown(derived), headers)
  } else {
    const csv = shape === 'items' ? backlogItemsToCsv(derived) : backlogToCsv(derived)
    sendText(ctx.res, 200, 'text/csv; charset=utf-8', csv, headers)
  }
}

export async function report(ctx: Ctx): Promise<void> {
  sendJson(ctx.res, 200, deriveReport(await docOf(ctx), todayOf(ctx.query)))
}

export async function exportOne(ctx: Ctx): Promise<void> {
  sendJson(ctx.res, 200, exportRoadmap(await docOf(ctx)))
}

// The JSON HTTP API (DESIGN.md § HTTP and WebSocket API).
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import {
  Roadmap,
  backlogToCsv,
  backlogToMarkdown,
  deriveBacklog,
  deriveReport,
  exportRoadmap,
  importRoadmap,
  isIsoDate,
  readMeta,
  readRoadmap,
} from '@meridian/model'
import { atLeast, authorize, findLink, tokenOf } from '../auth/access.js'
import { hashToken } from '../auth/tokens.js'
import { syncRoadmapDoc } from '../docs/syncDoc.js'
import { ID_PATTERN, newId, newToken } from '../ids.js'
import type { LinkRecord, Role, SnapshotMeta, Store } from '../store/store.js'
import { ROLE, SNAPSHOT_KIND } from '../store/store.js'
import { ORIGIN, SERVER_DOC } from '../sync/origins.js'
import type { Rooms } from '../sync/rooms.js'
import { ERROR_CODE, HttpError, readJson, sendJson, sendText } from './respond.js'
import { CreateBody, LinkBody, SnapshotBody, parseBody } from './schemas.js'
import { EXCHANGE_ROUTES } from './exchange/routes.js'

export interface ApiDeps {
  store: Store
  rooms: Rooms
}

interface Ctx {
  req: IncomingMessage
  res: ServerResponse
  query: URLSearchParams
  params: string[]
  deps: ApiDeps
}

type Handler = (ctx: Ctx) => Promise<void>
type Method = 'GET' | 'POST' | 'DELETE'

const SMALL_BODY = 64 * 1024
const IMPORT_BODY = 64 * 1024 * 1024

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

const todayOf = (query: URLSearchParams): string => {
  const t = query.get('today')
  if (t === null) return new Date().toISOString().slice(0, 10)
  if (!isIsoDate(t)) throw new HttpError(400, ERROR_CODE.badRequest, 'today: expected YYYY-MM-DD')
  return t
}

async function access(ctx: Ctx, min: Role): Promise<LinkRecord> {
  const id = ctx.params[0]
  const a = await authorize(
    ctx.deps.store,
    id,
    tokenOf(ctx.req.headers.authorization, ctx.query),
    Date.now(),
  )
  if (!a.ok) throw new HttpError(a.denial.status, a.denial.code, a.denial.message)
  if (!atLeast(a.link.role, min)) {
    throw new HttpError(
      403,
      ERROR_CODE.forbidden,
      `this needs the ${min} role; the token grants ${a.link.role}`,
    )
  }
  return a.link
}

/** The roadmap's live document (loaded if needed). */
async function docOf(ctx: Ctx): Promise<Y.Doc> {
  const room = ctx.deps.rooms.get(ctx.params[0])
  await room.ready
  if (room.status !== 'ready')
    throw new HttpError(503, ERROR_CODE.unavailable, 'the roadmap could not be loaded')
  return room.doc()
}

function newLink(
  roadmapId: string,
  role: Role,
  label: string | null,
  expiresAt: number | null,
  at: number,
) {
  const token = newToken()
  const link: LinkRecord = {
    id: newId(),
    roadmapId,
    role,
    tokenHash: hashToken(token),
    label,
    expiresAt,
    revokedAt: null,
    createdAt: at,
  }
  return { token, link }
}

/** Stores a new roadmap with `doc` as its content and the three initial links. */
async function createFrom(deps: ApiDeps, doc: Y.Doc, title: string) {
  const id = newId()
  const at = Date.now()
  const owner = newLink(id, ROLE.owner, 'Owner', null, at)
  const editor = newLink(id, ROLE.editor, 'Editor', null, at)
  const viewer = newLink(id, ROLE.viewer, 'Viewer', null, at)
  await deps.store.createRoadmap({
    roadmap: { id, title, createdAt: at, updatedAt: at },
    links: [owner.link, editor.link, viewer.link],
    state: Y.encodeStateAsUpdate(doc),
    stateVector: Y.encodeStateVector(doc),
  })
  return {
    id,
    title,
    ownerToken: owner.token,
    editorToken: editor.token,
    viewerToken: viewer.token,
  }
}

export async function createRoadmap(deps: ApiDeps, title: string, fill?: (doc: Y.Doc) => void) {
  const doc = new Y.Doc(SERVER_DOC)
  try {
    if (fill) fill(doc)
    else new Roadmap(doc, { origin: ORIGIN.create }).init({ title })
    return await createFrom(deps, doc, readMeta(doc).title || title)
  } finally {
    doc.destroy()
  }
}

const snapshotJson = (s: SnapshotMeta) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  createdAt: iso(s.createdAt),
  size: s.size,
})

const originOf = (req: IncomingMessage): string => `http://${req.headers.host ?? 'localhost'}`

const handlers = {
  async create(ctx: Ctx) {
    const body = parseBody(CreateBody, await readJson(ctx.req, SMALL_BODY))
    sendJson(ctx.res, 201, await createRoadmap(ctx.deps, body.title))
  },

  async import(ctx: Ctx) {
    const json = await readJson(ctx.req, IMPORT_BODY)
    const r = importRoadmap(json, undefined, { origin: ORIGIN.import })
    if (!r.ok) {
      const where = r.error.path || '(root)'
      throw new HttpError(400, ERROR_CODE.invalidImport, `${where}: ${r.error.message}`, {
        path: r.error.path,
      })
    }
    try {
      sendJson(
        ctx.res,
        201,
        await createFrom(ctx.deps, r.doc, readMeta(r.doc).title || 'Imported roadmap'),
      )
    } finally {
      r.doc.destroy()
    }
  },

  async session(ctx: Ctx) {
    const token = tokenOf(ctx.req.headers.authorization, ctx.query)
    if (!token || token.length > 256)
      throw new HttpError(401, ERROR_CODE.unauthorized, 'a token is required')
    const link = await findLink(ctx.deps.store, token)
    if (!link) throw new HttpError(401, ERROR_CODE.unauthorized, 'invalid token')
    ctx.params = [link.roadmapId]
    await access(ctx, ROLE.viewer)
    sendJson(ctx.res, 200, {
      roadmapId: link.roadmapId,
      role: link.role,
      linkId: link.id,
      expiresAt: iso(link.expiresAt),
    })
  },

  async meta(ctx: Ctx) {
    const link = await access(ctx, ROLE.viewer)
    const record = await ctx.deps.store.getRoadmap(ctx.params[0])
    const data = readRoadmap(await docOf(ctx))
    let connections = 0
    for (const n of (await ctx.deps.rooms.connectionsByLink(ctx.params[0])).values())
      connections += n
    sendJson(ctx.res, 200, {
      id: ctx.params[0],
      title: data.meta.title || record?.title || '',
      role: link.role,
      linkId: link.id,
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
      createdAt: iso(record?.createdAt ?? null),
      updatedAt: iso(record?.updatedAt ?? null),
    })
  },

  async backlog(ctx: Ctx) {
    await access(ctx, ROLE.viewer)
    const format = ctx.query.get('format') ?? 'json'
    if (format !== 'json' && format !== 'csv' && format !== 'md') {
      throw new HttpError(400, ERROR_CODE.badRequest, 'format: expected json, csv or md')
    }
    const backlog = deriveBacklog(await docOf(ctx), todayOf(ctx.query))
    if (format === 'csv') sendText(ctx.res, 200, 'text/csv; charset=utf-8', backlogToCsv(backlog))
    else if (format === 'md')
      sendText(ctx.res, 200, 'text/markdown; charset=utf-8', backlogToMarkdown(backlog))
    else sendJson(ctx.res, 200, backlog)
  },

  async report(ctx: Ctx) {
    await access(ctx, ROLE.viewer)
    sendJson(ctx.res, 200, deriveReport(await docOf(ctx), todayOf(ctx.query)))
  },

  async export(ctx: Ctx) {
    await access(ctx, ROLE.viewer)
    sendJson(ctx.res, 200, exportRoadmap(await docOf(ctx)))
  },

  async listSnapshots(ctx: Ctx) {
    await access(ctx, ROLE.viewer)
    const list = await ctx.deps.store.listSnapshots(ctx.params[0])
    sendJson(ctx.res, 200, { snapshots: list.map(snapshotJson) })
  },

  async createSnapshot(ctx: Ctx) {
    await access(ctx, ROLE.editor)
    const body = parseBody(SnapshotBody, await readJson(ctx.req, SMALL_BODY))
    const room = ctx.deps.rooms.get(ctx.params[0])
    await room.ready
    if (room.status !== 'ready')
      throw new HttpError(503, ERROR_CODE.unavailable, 'the roadmap could not be loaded')
    const s = await room.snapshot(SNAPSHOT_KIND.named, body.name)
    sendJson(ctx.res, 201, {
      id: s.id,
      name: s.name,
      kind: SNAPSHOT_KIND.named,
      createdAt: iso(s.createdAt),
      size: s.size,
    })
  },

  async getSnapshot(ctx: Ctx) {
    await access(ctx, ROLE.viewer)
    const s = await ctx.deps.store.getSnapshot(ctx.params[0], ctx.params[1])
    if (!s) throw new HttpError(404, ERROR_CODE.notFound, 'no such snapshot')
    const doc = new Y.Doc(SERVER_DOC)
    try {
      Y.applyUpdate(doc, s.state, ORIGIN.load)
      sendJson(ctx.res, 200, { snapshot: snapshotJson(s), roadmap: exportRoadmap(doc) })
    } finally {
      doc.destroy()
    }
  },

  async restore(ctx: Ctx) {
    await access(ctx, ROLE.owner)
    const s = await ctx.deps.store.getSnapshot(ctx.params[0], ctx.params[1])
    if (!s) throw new HttpError(404, ERROR_CODE.notFound, 'no such snapshot')
    const room = ctx.deps.rooms.get(ctx.params[0])
    await room.ready
    if (room.status !== 'ready')
      throw new HttpError(503, ERROR_CODE.unavailable, 'the roadmap could not be loaded')
    const target = new Y.Doc(SERVER_DOC)
    try {
      Y.applyUpdate(target, s.state, ORIGIN.load)
      await room.change(ORIGIN.restore, (doc) => syncRoadmapDoc(doc, target))
    } finally {
      target.destroy()
    }
    sendJson(ctx.res, 200, { restored: snapshotJson(s) })
  },

  async listLinks(ctx: Ctx) {
    await access(ctx, ROLE.owner)
    const id = ctx.params[0]
    const now = Date.now()
    const live = await ctx.deps.rooms.connectionsByLink(id)
    const links = await ctx.deps.store.listLinks(id)
    sendJson(ctx.res, 200, {
      links: links.map((l) => ({
        linkId: l.id,
        role: l.role,
        label: l.label,
        createdAt: iso(l.createdAt),
        expiresAt: iso(l.expiresAt),
        revokedAt: iso(l.revokedAt),
        active: l.revokedAt === null && (l.expiresAt === null || l.expiresAt > now),
        connections: live.get(l.id) ?? 0,
      })),
    })
  },

  async createLink(ctx: Ctx) {
    await access(ctx, ROLE.owner)
    const body = parseBody(LinkBody, await readJson(ctx.req, SMALL_BODY))
    const now = Date.now()
    const expiresAt =
      body.expiresAt == null
        ? null
        : typeof body.expiresAt === 'number'
          ? body.expiresAt
          : Date.parse(body.expiresAt)
    if (expiresAt !== null && expiresAt <= now)
      throw new HttpError(400, ERROR_CODE.badRequest, 'expiresAt: must be in the future', {
        path: 'expiresAt',
      })
    const id = ctx.params[0]
    const { token, link } = newLink(id, body.role, body.label ?? null, expiresAt, now)
    await ctx.deps.store.createLink(link)
    const base = originOf(ctx.req)
    sendJson(ctx.res, 201, {
      linkId: link.id,
      role: link.role,
      label: link.label,
      token,
      url: `${base}/r/${id}?token=${token}`,
      embedUrl: `${base}/embed/${id}?token=${token}`,
      expiresAt: iso(expiresAt),
      createdAt: iso(now),
    })
  },

  async revokeLink(ctx: Ctx) {
    await access(ctx, ROLE.owner)
    const [id, linkId] = ctx.params
    const link = (await ctx.deps.store.listLinks(id)).find((l) => l.id === linkId)
    if (!link) throw new HttpError(404, ERROR_CODE.notFound, 'no such link')
    const at = Date.now()
    const revokedAt = (await ctx.deps.store.revokeLink(id, linkId, at)) ? at : link.revokedAt
    const closed = ctx.deps.rooms.closeLink(id, linkId, 'revoked')
    sendJson(ctx.res, 200, { linkId, revokedAt: iso(revokedAt), closed })
  },
} satisfies Record<string, Handler>

interface Route {
  pattern: RegExp
  methods: Partial<Record<Method, Handler>>
}

const ID = ID_PATTERN.source.slice(1, -1)
const r = (path: string): RegExp => new RegExp(`^${path.replaceAll(':id', `(${ID})`)}$`)

const ROUTES: Route[] = [
  { pattern: r('/api/roadmaps'), methods: { POST: handlers.create } },
  { pattern: r('/api/roadmaps/import'), methods: { POST: handlers.import } },
  { pattern: r('/api/session'), methods: { GET: handlers.session } },
  { pattern: r('/api/roadmaps/:id'), methods: { GET: handlers.meta } },
  { pattern: r('/api/roadmaps/:id/backlog'), methods: { GET: handlers.backlog } },
  { pattern: r('/api/roadmaps/:id/report'), methods: { GET: handlers.report } },
  { pattern: r('/api/roadmaps/:id/export'), methods: { GET: handlers.export } },
  {
    pattern: r('/api/roadmaps/:id/snapshots'),
    methods: { GET: handlers.listSnapshots, POST: handlers.createSnapshot },
  },
  { pattern: r('/api/roadmaps/:id/snapshots/:id'), methods: { GET: handlers.getSnapshot } },
  { pattern: r('/api/roadmaps/:id/snapshots/:id/restore'), methods: { POST: handlers.restore } },
  {
    pattern: r('/api/roadmaps/:id/links'),
    methods: { GET: handlers.listLinks, POST: handlers.createLink },
  },
  { pattern: r('/api/roadmaps/:id/links/:id'), methods: { DELETE: handlers.revokeLink } },
  ...EXCHANGE_ROUTES.map((x) => ({ pattern: r(x.path), methods: x.methods })),
]

/** Routes an /api request; throws HttpError for expected failures. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ApiDeps,
): Promise<void> {
  for (const route of ROUTES) {
    const m = route.pattern.exec(url.pathname)
    if (!m) continue
    const handler = route.methods[(req.method ?? 'GET') as Method]
    if (!handler) {
      const allow = Object.keys(route.methods).join(', ')
      throw new HttpError(
        405,
        ERROR_CODE.methodNotAllowed,
        `${req.method ?? ''} is not allowed here`,
        { allow },
      )
    }
    await handler({ req, res, query: url.searchParams, params: m.slice(1), deps })
    return
  }
  throw new HttpError(404, ERROR_CODE.notFound, 'no such endpoint')
}

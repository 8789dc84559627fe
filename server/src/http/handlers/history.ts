// History: compare two versions (a snapshot or now) and bring one entity back from a snapshot.
import * as Y from 'yjs'
import { ROOT, Roadmap, compareRoadmaps, comparisonToMarkdown, readRoadmap } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import { ERROR_CODE, ID_PATTERN, RestoreEntityBody, VERSION_NOW } from '@meridian/protocol'
import type { RestoredEntity } from '@meridian/protocol'
import { syncMap } from '../../roadmaps/syncDoc.js'
import { SnapshotReader } from '../../store/snapshotReader.js'
import type { Store } from '../../store/store.js'
import { ORIGIN, SERVER_DOC } from '../../sync/origins.js'
import type { Ctx } from '../context.js'
import { SMALL_BODY, docOf, readyRoom } from '../context.js'
import { parseBody } from '../parseBody.js'
import { HttpError, readJson, sendJson, sendText } from '../respond.js'

// One reader per store, so comparing against or opening the same snapshot again decodes nothing.
const readers = new WeakMap<Store, SnapshotReader>()
export function readerOf(store: Store): SnapshotReader {
  let reader = readers.get(store)
  if (!reader) {
    reader = new SnapshotReader(store)
    readers.set(store, reader)
  }
  return reader
}

interface Version {
  data: RoadmapData
  date: string
}

async function versionOf(ctx: Ctx, param: 'from' | 'to', fallback: string | null) {
  const ref = ctx.query.get(param) ?? fallback
  if (ref === null) throw new HttpError(400, ERROR_CODE.badRequest, `${param}: required`)
  if (ref === VERSION_NOW) {
    const data = readRoadmap(await docOf(ctx))
    return { data, date: new Date().toISOString().slice(0, 10) } satisfies Version
  }
  if (!ID_PATTERN.test(ref))
    throw new HttpError(400, ERROR_CODE.badRequest, `${param}: expected a snapshot id or now`)
  const found = await readerOf(ctx.deps.store).read(ctx.params[0], ref)
  if (!found) throw new HttpError(404, ERROR_CODE.notFound, `${param}: no such snapshot`)
  const date = new Date(found.snapshot.createdAt).toISOString().slice(0, 10)
  return { data: found.data, date } satisfies Version
}

export async function compare(ctx: Ctx): Promise<void> {
  const format = ctx.query.get('format') ?? 'json'
  if (format !== 'json' && format !== 'md')
    throw new HttpError(400, ERROR_CODE.badRequest, 'format: expected json or md')
  const from = await versionOf(ctx, 'from', null)
  const to = await versionOf(ctx, 'to', VERSION_NOW)
  const comparison = compareRoadmaps(from.data, to.data, { fromDate: from.date, toDate: to.date })
  if (format === 'md')
    sendText(ctx.res, 200, 'text/markdown; charset=utf-8', comparisonToMarkdown(comparison))
  else sendJson(ctx.res, 200, comparison)
}

/** Sets `live[key]` to a copy of `past[key]`, field by field (a new map if it was deleted). */
function copyEntry(live: Y.Map<unknown>, past: Y.Map<unknown>, key: string): void {
  const source = past.get(key)
  if (!(source instanceof Y.Map)) return
  let target = live.get(key)
  if (!(target instanceof Y.Map)) {
    target = new Y.Map<unknown>()
    live.set(key, target)
  }
  syncMap(target as Y.Map<unknown>, source as Y.Map<unknown>)
}

export async function restoreEntity(ctx: Ctx): Promise<void> {
  const body = parseBody(RestoreEntityBody, await readJson(ctx.req, SMALL_BODY))
  const record = await ctx.deps.store.getSnapshot(ctx.params[0], ctx.params[1])
  if (!record) throw new HttpError(404, ERROR_CODE.notFound, 'no such snapshot')
  const past = new Y.Doc(SERVER_DOC)
  try {
    Y.applyUpdate(past, record.state, ORIGIN.load)
    const pastMap = past.getMap<unknown>(ROOT[body.kind])
    if (!(pastMap.get(body.id) instanceof Y.Map))
      throw new HttpError(404, ERROR_CODE.notFound, `the snapshot has no such ${body.kind} entry`)
    const pastItems = past.getMap<unknown>(ROOT.items)
    const itemIds =
      body.kind === 'features'
        ? [...pastItems.entries()]
            .filter(([, v]) => v instanceof Y.Map && v.get('featureId') === body.id)
            .map(([k]) => k)
        : []
    const room = await readyRoom(ctx)
    await room.change(ORIGIN.restore, (doc) => {
      const before = readRoadmap(doc)
      copyEntry(doc.getMap(ROOT[body.kind]), pastMap, body.id)
      for (const id of itemIds) copyEntry(doc.getMap(ROOT.items), pastItems, id)
      new Roadmap(doc, { origin: ORIGIN.restore }).recordDateChanges(before)
    })
    const restored: RestoredEntity = { kind: body.kind, id: body.id, items: itemIds.length }
    sendJson(ctx.res, 200, restored)
  } finally {
    past.destroy()
  }
}

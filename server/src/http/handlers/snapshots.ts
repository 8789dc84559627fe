// Snapshots: list, take a named one (within the roadmap's count and rate limits), read one,
// delete one, restore one.
import * as Y from 'yjs'
import { Roadmap, readRoadmap } from '@meridian/model'
import { CreateSnapshotBody, ERROR_CODE } from '@meridian/protocol'
import type {
  DeletedSnapshot,
  ListedSnapshot,
  Restored,
  Snapshot,
  SnapshotContent,
  SnapshotList,
} from '@meridian/protocol'
import { syncRoadmapDoc } from '../../roadmaps/syncDoc.js'
import type { ListedSnapshot as StoredListing, SnapshotMeta } from '../../store/store.js'
import { SNAPSHOT_KIND } from '../../store/store.js'
import { ORIGIN, SERVER_DOC } from '../../sync/origins.js'
import type { Ctx } from '../context.js'
import { SMALL_BODY, iso, readyRoom } from '../context.js'
import { parseBody } from '../parseBody.js'
import { HttpError, rateLimited, readJson, sendJson, sendText } from '../respond.js'
import { readerOf } from './history.js'

const snapshotJson = (s: Omit<SnapshotMeta, 'roadmapId'>): Snapshot => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  createdAt: iso(s.createdAt),
  size: s.size,
})

async function stored(ctx: Ctx) {
  const s = await ctx.deps.store.getSnapshot(ctx.params[0], ctx.params[1])
  if (!s) throw new HttpError(404, ERROR_CODE.notFound, 'no such snapshot')
  return s
}

/** Link ids stay on the server: a name (or none) is what the history shows. */
const listedJson = (s: StoredListing): ListedSnapshot => ({
  ...snapshotJson(s),
  editors: s.editors.map((e) => ({ name: e.name })),
})

export async function list(ctx: Ctx): Promise<void> {
  const snapshots = await ctx.deps.store.listSnapshots(ctx.params[0])
  const body: SnapshotList = { snapshots: snapshots.map(listedJson) }
  sendJson(ctx.res, 200, body)
}

export async function create(ctx: Ctx): Promise<void> {
  const body = parseBody(CreateSnapshotBody, await readJson(ctx.req, SMALL_BODY))
  const id = ctx.params[0]
  const wait = ctx.deps.snapshots.take(id)
  if (wait > 0) throw rateLimited('named snapshots of this roadmap', wait)
  const max = ctx.deps.limits.snapshotsPerRoadmap
  if ((await ctx.deps.store.listSnapshots(id)).length >= max)
    throw new HttpError(
      409,
      ERROR_CODE.limitReached,
      `this roadmap holds ${max} snapshots, the most allowed; delete one first`,
    )
  const room = await readyRoom(ctx)
  const s = await room.snapshot(SNAPSHOT_KIND.named, body.name)
  sendJson(ctx.res, 201, snapshotJson({ ...s, kind: SNAPSHOT_KIND.named }))
}

export async function get(ctx: Ctx): Promise<void> {
  // Opened again (or compared just before), a snapshot's export is served as kept.
  const v = await readerOf(ctx.deps.store).readExported(ctx.params[0], ctx.params[1])
  if (!v) throw new HttpError(404, ERROR_CODE.notFound, 'no such snapshot')
  // The body is SnapshotContent, with the kept export spliced in as JSON text.
  const head: Omit<SnapshotContent, 'roadmap'> = { snapshot: snapshotJson(v.snapshot) }
  const text = `${JSON.stringify(head).slice(0, -1)},"roadmap":${v.exported}}`
  sendText(ctx.res, 200, 'application/json; charset=utf-8', text)
}

/** The name of the snapshot a restore takes of the state it replaces. */
export const BEFORE_RESTORE = 'Before restore'

export async function remove(ctx: Ctx): Promise<void> {
  const s = await stored(ctx)
  if (!(await ctx.deps.store.deleteSnapshot(s.roadmapId, s.id)))
    throw new HttpError(404, ERROR_CODE.notFound, 'no such snapshot')
  const body: DeletedSnapshot = { deleted: snapshotJson(s) }
  sendJson(ctx.res, 200, body)
}

export async function restore(ctx: Ctx): Promise<void> {
  const s = await stored(ctx)
  const room = await readyRoom(ctx)
  // The state a restore replaces stays one click away in the history.
  await room.snapshot(SNAPSHOT_KIND.auto, BEFORE_RESTORE)
  const target = new Y.Doc(SERVER_DOC)
  try {
    Y.applyUpdate(target, s.state, ORIGIN.load)
    await room.change(ORIGIN.restore, (doc) => {
      const before = readRoadmap(doc)
      syncRoadmapDoc(doc, target)
      // The dates the restore moves count as slips like any other edit's.
      new Roadmap(doc, { origin: ORIGIN.restore }).recordDateChanges(before)
    })
  } finally {
    target.destroy()
  }
  const body: Restored = { restored: snapshotJson(s) }
  sendJson(ctx.res, 200, body)
}

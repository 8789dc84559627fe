// Restoring a snapshot is a new change on top of the history: every connected client sees the
// restored state, nobody's document is reset, and the stored history only grows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { api, createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll, openProvider, waitSynced } from './helpers/provider.js'
import { ServerFixture } from './helpers/server.js'
import { waitForDoc, waitForDocs, waitForEvent, stableJson } from './helpers/wait.js'

interface SnapshotInfo {
  id: string
  name?: string
  kind?: string
}

function setFeature(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const features = doc.getMap<Y.Map<unknown>>('features')
    let f = features.get(id)
    if (!f) {
      f = new Y.Map<unknown>()
      features.set(id, f)
      f.set('id', id)
    }
    for (const [k, v] of Object.entries(fields)) f.set(k, v)
  }, 'test')
}

const content = (doc: Y.Doc): string =>
  stableJson({
    features: doc.getMap('features').toJSON(),
    lanes: doc.getMap('lanes').toJSON(),
    roadmap: doc.getMap('roadmap').toJSON(),
  })

/** a ≥ b for every client clock (a contains all of b's history). */
function dominates(a: Y.Doc | Uint8Array, b: Uint8Array): boolean {
  const have = Y.decodeStateVector(a instanceof Uint8Array ? a : Y.encodeStateVector(a))
  for (const [client, clock] of Y.decodeStateVector(b))
    if ((have.get(client) ?? 0) < clock) return false
  return true
}

const snapshotsOf = (body: unknown): SnapshotInfo[] =>
  Array.isArray(body)
    ? (body as SnapshotInfo[])
    : ((body as { snapshots: SnapshotInfo[] }).snapshots ?? [])

describe('snapshot restore', () => {
  const fx = new ServerFixture()
  const providers: WebsocketProvider[] = []
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    destroyAll(...providers)
    await fx.dispose()
  })

  it('shows the restored state to every connected client, as a new change', async () => {
    const server = fx.server
    const roadmap = await createRoadmap(server, 'Snapshots')
    const a = await connectedProvider(server, roadmap.id, roadmap.editorToken)
    const b = await connectedProvider(server, roadmap.id, roadmap.editorToken)
    providers.push(a, b)

    a.doc.getMap('lanes').set('lane-1', new Y.Map<unknown>([['name', 'Platform']]))
    setFeature(a.doc, 'f-1', { title: 'Search', laneId: 'lane-1', status: 'planned' })
    setFeature(b.doc, 'f-2', { title: 'Billing', laneId: 'lane-1', status: 'in-progress' })
    await waitForDocs(
      [a.doc, b.doc],
      () => content(a.doc) === content(b.doc) && a.doc.getMap('features').size === 2,
      'a, b agree',
    )
    const snapshotContent = content(a.doc)

    const created = await api<SnapshotInfo>(
      server,
      'POST',
      `/api/roadmaps/${roadmap.id}/snapshots`,
      {
        token: roadmap.ownerToken,
        body: { name: 'Before the reshuffle' },
      },
    )
    expect(created.status).toBe(201)
    const sid = created.body.id
    const listed = await api(server, 'GET', `/api/roadmaps/${roadmap.id}/snapshots`, {
      token: roadmap.ownerToken,
    })
    expect(listed.status).toBe(200)
    expect(snapshotsOf(listed.body).map((s) => s.id)).toContain(sid)

    // Later edits: rename, delete, add.
    setFeature(a.doc, 'f-1', { title: 'Search v2', status: 'done' })
    b.doc.getMap('features').delete('f-2')
    setFeature(b.doc, 'f-3', { title: 'Exports', laneId: 'lane-1' })
    await waitForDocs(
      [a.doc, b.doc],
      () => content(a.doc) === content(b.doc) && b.doc.getMap('features').has('f-3'),
      'edits agree',
    )
    const svBeforeRestore = Y.encodeStateVector(a.doc)
    // A third client goes offline with everything so far and edits while the restore happens.
    const offline = await connectedProvider(server, roadmap.id, roadmap.editorToken)
    offline.destroy()
    offline.doc.getMap('roadmap').set('note', 'written offline')
    const snapshotCountBefore = snapshotsOf(listed.body).length

    // An editor cannot restore; the owner can.
    const denied = await api(
      server,
      'POST',
      `/api/roadmaps/${roadmap.id}/snapshots/${sid}/restore`,
      {
        token: roadmap.editorToken,
      },
    )
    expect(denied.status).toBe(403)
    const restored = await api(
      server,
      'POST',
      `/api/roadmaps/${roadmap.id}/snapshots/${sid}/restore`,
      {
        token: roadmap.ownerToken,
      },
    )
    expect(restored.status).toBe(200)

    // Every connected client shows the snapshot's state...
    await waitForDoc(a.doc, () => content(a.doc) === snapshotContent, 'a shows the restored state')
    await waitForDoc(b.doc, () => content(b.doc) === snapshotContent, 'b shows the restored state')
    // ...as a new change on top of what they had: nothing of their history was taken away.
    expect(dominates(a.doc, svBeforeRestore)).toBe(true)
    expect(dominates(b.doc, svBeforeRestore)).toBe(true)
    expect(dominates(svBeforeRestore, Y.encodeStateVector(a.doc))).toBe(false)
    const listedAfter = await api(server, 'GET', `/api/roadmaps/${roadmap.id}/snapshots`, {
      token: roadmap.ownerToken,
    })
    expect(snapshotsOf(listedAfter.body).length).toBeGreaterThanOrEqual(snapshotCountBefore)
    expect(snapshotsOf(listedAfter.body).map((s) => s.id)).toContain(sid)

    // A client that was offline during the restore keeps its pending edit, merged on top.
    const c = openProvider(server, roadmap.id, roadmap.editorToken, {
      doc: offline.doc,
      connect: false,
    })
    providers.push(c)
    c.connect()
    await waitSynced(c)
    await waitForDoc(
      a.doc,
      (d) => d.getMap('roadmap').get('note') === 'written offline',
      'offline edit at a',
    )
    expect(JSON.parse(content(a.doc)).features).toEqual(JSON.parse(snapshotContent).features)
    await waitForDocs(
      [a.doc, c.doc],
      () => content(a.doc) === content(c.doc),
      'a, c agree after reconnect',
    )
    await waitForDocs(
      [a.doc, b.doc],
      () => content(a.doc) === content(b.doc),
      'a, b agree after reconnect',
    )

    // Stored: after a restart the history still contains everything from before the restore.
    const svFinal = Y.encodeStateVector(a.doc)
    const finalContent = content(a.doc)
    destroyAll(a, b, c)
    providers.length = 0
    const restarted = await fx.restart('SIGTERM')
    const fresh = openProvider(restarted, roadmap.id, roadmap.editorToken, { connect: false })
    providers.push(fresh)
    fresh.connect()
    await waitForEvent<[boolean]>(fresh, 'sync', (s) => s, 'fresh provider synced')
    expect(dominates(fresh.doc, svFinal)).toBe(true)
    expect(dominates(fresh.doc, svBeforeRestore)).toBe(true)
    expect(content(fresh.doc)).toBe(finalContent)
  })
})

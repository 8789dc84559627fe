// Out of space, the server says so: /healthz is not ready (503), writes through the API
// answer 507 insufficient_storage, and a socket whose update could not be stored closes with
// 4507 'storage full'. One layer (the real server and SQLite) over a store double whose
// writes throw SQLITE_FULL on demand; once a write goes through, all is well again.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { ERROR_CODE } from '@meridian/protocol'
import type { MeridianServer } from '../app.js'
import { SqliteStore } from '../store/sqlite.js'
import type { AppendResult, NewRoadmap, SnapshotRecord } from '../store/store.js'
import { CLOSE } from '../sync/closeCodes.js'
import { encodeUpdate } from '../sync/protocol.js'
import { call, create, start, tempDir } from '../testing/harness.js'
import type { Created } from '../testing/harness.js'

const sqliteFull = (): Error =>
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })

class FullStore extends SqliteStore {
  full = false
  override async createRoadmap(input: NewRoadmap): Promise<void> {
    if (this.full) throw sqliteFull()
    return super.createRoadmap(input)
  }
  override async appendUpdates(
    id: string,
    updates: readonly Uint8Array[],
    at: number,
  ): Promise<AppendResult> {
    if (this.full) throw sqliteFull()
    return super.appendUpdates(id, updates, at)
  }
  override async createSnapshot(s: SnapshotRecord): Promise<void> {
    if (this.full) throw sqliteFull()
    return super.createSnapshot(s)
  }
}

describe('storage full', () => {
  let server: MeridianServer
  let store: FullStore
  let dir: string
  let r: Created
  beforeAll(async () => {
    dir = tempDir()
    store = new FullStore({ dataDir: dir })
    server = await start(dir, {}, store)
    r = await create(server)
  })
  afterAll(async () => {
    store.full = false
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers 507, reports not ready, closes writers with 4507, and recovers', async () => {
    expect((await call(server, 'GET', '/healthz')).status).toBe(200)
    store.full = true

    const created = await call(server, 'POST', '/api/roadmaps', { body: { title: 'x' } })
    expect(created.status).toBe(507)
    expect(created.body).toMatchObject({ error: { code: ERROR_CODE.insufficientStorage } })
    const health = await call(server, 'GET', '/healthz')
    expect(health.status).toBe(503)
    expect(health.body).toMatchObject({ error: { code: ERROR_CODE.insufficientStorage } })
    const snap = await call(server, 'POST', `/api/roadmaps/${r.id}/snapshots`, {
      token: r.editorToken,
      body: { name: 'n' },
    })
    expect(snap.status).toBe(507)

    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/ws/${r.id}?token=${r.editorToken}`,
    )
    await new Promise((resolve) => ws.once('open', resolve))
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    expect(await closed).toBe(CLOSE.storageFull.code)

    store.full = false
    expect((await call(server, 'POST', '/api/roadmaps', { body: { title: 'y' } })).status).toBe(201)
    expect((await call(server, 'GET', '/healthz')).status).toBe(200)
  })
})

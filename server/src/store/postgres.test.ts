import fs from 'node:fs'
import Pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { atFirstSync, create, provider, start, synced, tempDir, until } from '../testing/harness.js'
import { startPostgres } from '../testing/postgres.js'
import type { TestPostgres } from '../testing/postgres.js'
import { PostgresStore } from './postgres.js'
import { storeContract } from './store.contract.js'

let pg: TestPostgres
beforeAll(async () => {
  pg = await startPostgres()
}, 60_000)
afterAll(async () => {
  await pg.stop()
})

storeContract('postgres', async () => {
  const url = await pg.createDatabase()
  return {
    store: await PostgresStore.open({ connectionString: url }),
    reopen: () => PostgresStore.open({ connectionString: url }),
  }
})

describe('PostgresStore', () => {
  it('creates its tables once when two servers start on one database together', async () => {
    const url = await pg.createDatabase()
    const [a, b] = await Promise.all([
      PostgresStore.open({ connectionString: url }),
      PostgresStore.open({ connectionString: url }),
    ])
    expect(await a.countRoadmaps()).toBe(0)
    expect(await b.countRoadmaps()).toBe(0)
    await Promise.all([a.close(), b.close()])
  })

  it('refuses a database it cannot reach with an error that says so', async () => {
    await expect(
      PostgresStore.open({ connectionString: 'postgresql://postgres@/nowhere?host=/nonexistent' }),
    ).rejects.toThrow(/nonexistent|ENOENT|connect/)
  })

  it('serves a live roadmap: providers converge, and after a restart everything is there', async () => {
    const url = await pg.createDatabase()
    const dir = tempDir()
    try {
      let server = await start(dir, {}, await PostgresStore.open({ connectionString: url }))
      const r = await create(server)
      const a = provider(server, r.id, r.editorToken)
      const b = provider(server, r.id, r.ownerToken)
      await Promise.all([synced(a), synced(b)])
      expect(a.doc.getMap('roadmap').get('title')).toBe('Test roadmap')
      const features = a.doc.getMap<Y.Map<unknown>>('features')
      for (let i = 0; i < 50; i++) {
        a.doc.transact(
          () => features.set(`f${i}`, new Y.Map<unknown>([['title', `Feature ${i}`]])),
          'test',
        )
      }
      await until(b.doc, () => b.doc.getMap('features').size === 50, 'b has the features')
      a.destroy()
      b.destroy()
      await server.close()

      server = await start(dir, {}, await PostgresStore.open({ connectionString: url }))
      const c = provider(server, r.id, r.viewerToken)
      expect(await atFirstSync(c, (doc) => doc.getMap('features').size)).toBe(50)
      expect(c.doc.getMap('roadmap').get('title')).toBe('Test roadmap')
      c.destroy()
      await server.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads snapshots stored whole before delta chains, and chains new ones onto them', async () => {
    const url = await pg.createDatabase()
    const old = new Pg.Client({ connectionString: url })
    await old.connect()
    // The snapshots table as it was before chains.
    await old.query(`CREATE TABLE snapshots (
      ord BIGSERIAL, id TEXT PRIMARY KEY, roadmap_id TEXT NOT NULL, name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')), created_at BIGINT NOT NULL,
      state BYTEA NOT NULL)`)
    const first = new Uint8Array(4000).map((_, i) => (i * 31) % 256)
    await old.query(
      'INSERT INTO snapshots (id, roadmap_id, name, kind, created_at, state) VALUES ($1, $2, $3, $4, $5, $6)',
      ['old', 'r', 'before the upgrade', 'named', 10, Buffer.from(first)],
    )
    await old.end()

    const store = await PostgresStore.open({ connectionString: url })
    expect(await store.listSnapshots('r')).toEqual([
      {
        id: 'old',
        roadmapId: 'r',
        name: 'before the upgrade',
        kind: 'named',
        createdAt: 10,
        size: 4000,
        // Stored before editors were recorded: nobody is known.
        editors: [],
      },
    ])
    const next = first.slice()
    next[100] = 7
    await store.createSnapshot({
      id: 'new',
      roadmapId: 'r',
      name: 'after',
      kind: 'auto',
      createdAt: 11,
      size: next.byteLength,
      state: next,
    })
    expect(Buffer.from((await store.getSnapshot('r', 'old'))!.state).equals(first)).toBe(true)
    expect(Buffer.from((await store.getSnapshot('r', 'new'))!.state).equals(next)).toBe(true)
    expect(await store.historyBytes('r')).toBeLessThan(4000 + 200)
    await store.close()
  })
})

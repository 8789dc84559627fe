// Over 300 lines: every cluster scenario shares one PostgreSQL and one Redis started once.
import fs from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { pino } from 'pino'
import { Redis } from 'ioredis'
import type { MeridianServer } from '../app.js'
import {
  RawClient,
  bounded,
  call,
  create,
  provider,
  start,
  synced,
  tempDir,
  until,
} from '../testing/harness.js'
import { startPostgres } from '../testing/postgres.js'
import type { TestPostgres } from '../testing/postgres.js'
import { startRedis } from '../testing/redis.js'
import type { TestRedis } from '../testing/redis.js'
import { PostgresStore } from '../store/postgres.js'
import { CLOSE } from './closeCodes.js'
import { Cluster } from './cluster.js'
import { storedParts } from '../store/store.js'
import { mergeStates } from './docState.js'
import { createPrng } from '@meridian/model'

/** Resolves once `check` holds: checked now and after every awareness change of `p`. */
function untilAware(p: WebsocketProvider, check: () => boolean, what: string): Promise<void> {
  if (check()) return Promise.resolve()
  return bounded(
    new Promise<void>((resolve) => {
      const h = (): void => {
        if (!check()) return
        p.awareness.off('change', h)
        resolve()
      }
      p.awareness.on('change', h)
    }),
    what,
  )
}

const feature = (p: WebsocketProvider, key: string): void => {
  p.doc.transact(
    () => p.doc.getMap('features').set(key, new Y.Map<unknown>([['title', key]])),
    'test',
  )
}

describe('several server instances: PostgreSQL shared, Redis between them', () => {
  let pg: TestPostgres
  let redis: TestRedis
  beforeAll(async () => {
    ;[pg, redis] = await Promise.all([startPostgres(), startRedis()])
  }, 60_000)
  afterAll(async () => {
    await Promise.all([pg.stop(), redis.stop()])
  })

  const servers: MeridianServer[] = []
  const providers: WebsocketProvider[] = []
  const raws: RawClient[] = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
    for (const s of servers.splice(0)) await s.close()
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })

  /** `n` instances on one new database. */
  const instances = async (n: number): Promise<MeridianServer[]> => {
    const url = await pg.createDatabase()
    const out: MeridianServer[] = []
    for (let i = 0; i < n; i++) {
      const dir = tempDir()
      dirs.push(dir)
      const store = await PostgresStore.open({ connectionString: url })
      const cluster = await Cluster.connect(redis.url, pino({ level: 'silent' }))
      out.push(await start(dir, {}, store, cluster))
    }
    servers.push(...out)
    return out
  }
  /** What the shared database holds for a roadmap, as a document. */
  const storedDoc = async (server: MeridianServer, id: string): Promise<Y.Doc> => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.mergeUpdates(storedParts(await server.store.loadDoc(id))))
    return doc
  }
  const open = (server: MeridianServer, id: string, token: string): WebsocketProvider => {
    const p = provider(server, id, token)
    providers.push(p)
    return p
  }

  it('clients of different instances edit one roadmap live', async () => {
    const [s1, s2] = await instances(2)
    const r = await create(s1)
    const a = open(s1, r.id, r.editorToken)
    const b = open(s2, r.id, r.editorToken)
    await Promise.all([synced(a), synced(b)])
    // Created through one instance, loaded by the other from the shared database.
    expect(b.doc.getMap('roadmap').get('title')).toBe('Test roadmap')
    feature(a, 'from-a')
    await until(b.doc, () => b.doc.getMap('features').has('from-a'), 'b has a’s feature')
    feature(b, 'from-b')
    await until(a.doc, () => a.doc.getMap('features').has('from-b'), 'a has b’s feature')
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc))
    // What crossed is in each instance's metrics.
    const metrics = (await call(s2, 'GET', '/metrics')).text
    expect(metrics).toMatch(/^meridian_redis_up 1$/m)
    expect(metrics).toMatch(/^meridian_peer_messages_total\{kind="updates"\} [1-9]/m)
    // Each was stored once, by the instance its author is connected to.
    const doc = await storedDoc(s1, r.id)
    expect([...doc.getMap('features').keys()].sort()).toEqual(['from-a', 'from-b'])
  })

  it('presence crosses instances, with the role the connection’s instance set', async () => {
    const [s1, s2] = await instances(2)
    const r = await create(s1)
    const a = open(s1, r.id, r.editorToken)
    const v = open(s2, r.id, r.viewerToken)
    await Promise.all([synced(a), synced(v)])
    a.awareness.setLocalStateField('user', { name: 'Ana', role: 'owner' })
    v.awareness.setLocalStateField('user', { name: 'Vic', role: 'editor' })
    const userOf = (p: WebsocketProvider, id: number): Record<string, unknown> | undefined =>
      (p.awareness.getStates().get(id) as { user?: Record<string, unknown> } | undefined)?.user
    await untilAware(v, () => userOf(v, a.doc.clientID)?.name === 'Ana', 'the viewer sees Ana')
    await untilAware(a, () => userOf(a, v.doc.clientID)?.name === 'Vic', 'Ana sees the viewer')
    // Nobody can present themselves as more than their link allows, across instances too.
    expect(userOf(v, a.doc.clientID)?.role).toBe('editor')
    expect(userOf(a, v.doc.clientID)?.role).toBe('viewer')
    // Leaving is seen on the other instance.
    v.destroy()
    await untilAware(a, () => !a.awareness.getStates().has(v.doc.clientID), 'the viewer left')
  })

  it('revoking a link on one instance closes its sockets on the other', async () => {
    const [s1, s2] = await instances(2)
    const r = await create(s1)
    const link = await call<{ linkId: string; token: string }>(
      s1,
      'POST',
      `/api/roadmaps/${r.id}/links`,
      { token: r.ownerToken, body: { role: 'editor', label: 'Contractor' } },
    )
    const c = new RawClient(s2, r.id, link.body.token)
    raws.push(c)
    await c.opened
    const del = await call(s1, 'DELETE', `/api/roadmaps/${r.id}/links/${link.body.linkId}`, {
      token: r.ownerToken,
    })
    expect(del.status).toBe(200)
    expect(await bounded(c.closed, 'the socket on the other instance closes')).toEqual({
      code: CLOSE.revoked.code,
      reason: CLOSE.revoked.reason,
    })
  })

  it('counts the connections of every instance, as the share dialog shows them', async () => {
    const [s1, s2] = await instances(2)
    const r = await create(s1)
    const a = open(s1, r.id, r.editorToken)
    const v = open(s2, r.id, r.viewerToken)
    await Promise.all([synced(a), synced(v)])
    type Links = { links: { role: string; connections: number }[] }
    const counts = async (s: MeridianServer): Promise<Record<string, number>> => {
      const res = await call<Links>(s, 'GET', `/api/roadmaps/${r.id}/links`, {
        token: r.ownerToken,
      })
      return Object.fromEntries(res.body.links.map((l) => [l.role, l.connections]))
    }
    // Counted where the socket is, and read by both instances.
    const both = { owner: 0, editor: 1, viewer: 1 }
    const settled = async (s: MeridianServer, want: Record<string, number>): Promise<void> => {
      // The count travels through Redis: wait for it, not for a time.
      while (JSON.stringify(await counts(s)) !== JSON.stringify(want)) {
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    await bounded(settled(s1, both), 'instance one counts both sockets')
    await bounded(settled(s2, both), 'instance two counts both sockets')
    const meta = await call<{ connections: number }>(s1, 'GET', `/api/roadmaps/${r.id}`, {
      token: r.viewerToken,
    })
    expect(meta.body.connections).toBe(2)
    // A socket that closes on one instance leaves the count on the other.
    v.destroy()
    await bounded(settled(s1, { owner: 0, editor: 1, viewer: 0 }), 'the viewer left')
  })

  it('when only the publishing connection of one instance drops, the others catch up', async () => {
    const [s1, s2] = await instances(2)
    const r = await create(s1)
    const a = open(s1, r.id, r.editorToken)
    const b = open(s2, r.id, r.editorToken)
    await Promise.all([synced(a), synced(b)])
    // Cut every publishing connection (instance two's subscription stays up, so it has no
    // reason of its own to catch up), and edit at once: that update is stored, but its
    // message is lost.
    const admin = new Redis(redis.url)
    try {
      const clients = String(await admin.client('LIST'))
        .split('\n')
        .filter((l) => l.includes('name=meridian-pub-'))
      for (const l of clients) await admin.client('KILL', 'ID', /id=(\d+)/.exec(l)?.[1] ?? '')
    } finally {
      admin.disconnect()
    }
    feature(a, 'while-publishing-was-down')
    await until(
      b.doc,
      () => b.doc.getMap('features').has('while-publishing-was-down'),
      'b gets it once instance one publishes again',
    )
    expect(b.doc.getMap('features').toJSON()).toEqual(a.doc.getMap('features').toJSON())
  })

  it('after a Redis outage, an instance catches up from the database', async () => {
    const [s1, s2] = await instances(2)
    const r = await create(s1)
    const a = open(s1, r.id, r.editorToken)
    const b = open(s2, r.id, r.editorToken)
    await Promise.all([synced(a), synced(b)])
    await redis.stop()
    // Stored by s1 while nothing can reach s2.
    feature(a, 'during-outage')
    await until(a.doc, () => a.doc.getMap('features').has('during-outage'), 'a has it')
    const stored = async (): Promise<boolean> =>
      (await storedDoc(s1, r.id)).getMap('features').has('during-outage')
    while (!(await stored())) await new Promise((resolve) => setImmediate(resolve))
    expect(b.doc.getMap('features').has('during-outage')).toBe(false)
    await redis.start()
    await until(b.doc, () => b.doc.getMap('features').has('during-outage'), 'b caught up')
    expect(b.doc.getMap('features').toJSON()).toEqual(a.doc.getMap('features').toJSON())
  })

  const SEED = Number(process.env.MERIDIAN_CLUSTER_SEED ?? 20261127)

  it(`three instances converge under a seeded workload with Redis outages and compactions (seed ${SEED})`, async () => {
    const rng = createPrng(SEED)
    const [s1, s2, s3] = await instances(3)
    const r = await create(s1)
    const all = [s1, s2, s3]
    const clients = Array.from({ length: 6 }, (_, i) => open(all[i % 3], r.id, r.editorToken))
    await Promise.all(clients.map(synced))
    let redisDown = false
    let n = 0
    for (let step = 0; step < 400; step++) {
      const roll = rng.next()
      if (roll < 0.02) {
        // Redis goes away, or comes back.
        if (redisDown) await redis.start()
        else await redis.stop()
        redisDown = !redisDown
      } else if (roll < 0.04) {
        // An instance compacts its log now, whatever it has received.
        await all[rng.int(0, 2)].rooms.peek(r.id)?.compact(rng.chance(0.5))
      } else {
        const p = rng.pick(clients)
        const features = p.doc.getMap<Y.Map<unknown>>('features')
        const keys = [...features.keys()]
        if (keys.length > 0 && rng.chance(0.2)) {
          p.doc.transact(() => features.delete(rng.pick(keys)), 'test')
        } else if (keys.length > 0 && rng.chance(0.4)) {
          const f = features.get(rng.pick(keys))
          p.doc.transact(() => f?.set('title', `edited ${n++}`), 'test')
        } else {
          const key = `f${n++}`
          p.doc.transact(() => features.set(key, new Y.Map([['title', key]])), 'test')
        }
      }
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (redisDown) await redis.start()
    // Everyone ends with the same document (whatever order each replica's map holds its keys
    // in)...
    const jsonOf = (m: Y.Map<unknown>): string =>
      JSON.stringify(Object.entries(m.toJSON()).sort(([a], [b]) => (a < b ? -1 : 1)))
    const json = (p: WebsocketProvider): string => jsonOf(p.doc.getMap('features'))
    const converged = (): boolean => clients.every((p) => json(p) === json(clients[0]))
    await bounded(
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (!converged()) return
          for (const p of clients) p.doc.off('update', check)
          resolve()
        }
        for (const p of clients) p.doc.on('update', check)
        check()
      }),
      'all six clients converge',
    )
    // ...and the database holds it all.
    for (const s of all) await s.rooms.peek(r.id)?.flush()
    const doc = await storedDoc(s1, r.id)
    expect(jsonOf(doc.getMap('features'))).toBe(json(clients[0]))
    expect(clients[0].doc.getMap('features').size).toBeGreaterThan(50)
  })

  it('a compaction keeps stored updates the compacting instance had not received', async () => {
    const store = await PostgresStore.open({ connectionString: await pg.createDatabase() })
    await store.createRoadmap({
      roadmap: { id: 'r', title: 't', createdAt: 1, updatedAt: 1 },
      links: [],
      state: null,
      stateVector: null,
    })
    const edit = (key: string): Uint8Array => {
      const d = new Y.Doc()
      d.getMap('features').set(key, key)
      return Y.encodeStateAsUpdate(d)
    }
    const mine = edit('mine')
    await store.appendUpdates('r', [mine], 2)
    // Another instance stored this; it is still on its way to us.
    const { lastSeq } = await store.appendUpdates('r', [edit('theirs')], 3)
    const ours = mergeStates([mine])
    await store.compact('r', ours.state, ours.stateVector, lastSeq, mergeStates)
    const d = await store.loadDoc('r')
    expect(d.updates).toEqual([])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, d.state as Uint8Array)
    expect([...doc.getMap('features').keys()].sort()).toEqual(['mine', 'theirs'])
    await store.close()
  })
})

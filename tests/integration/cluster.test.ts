// Beyond one machine (docs/ARCHITECTURE.md, "The pieces"): two real server processes on one PostgreSQL database
// (DATABASE_URL), fanning updates out through Redis (REDIS_URL). Clients of different
// processes edit one roadmap live; SIGKILL of one process loses nothing the other relayed,
// and the killed one comes back with everything from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { startPostgres } from '../../server/src/testing/postgres.js'
import type { TestPostgres } from '../../server/src/testing/postgres.js'
import { startRedis } from '../../server/src/testing/redis.js'
import type { TestRedis } from '../../server/src/testing/redis.js'
import { createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { ServerFixture } from './helpers/server.js'
import { waitForDoc } from './helpers/wait.js'

const EACH = 25

const addFeatures = (p: WebsocketProvider, prefix: string): void => {
  for (let i = 0; i < EACH; i++) {
    p.doc.transact(
      () => p.doc.getMap('features').set(`${prefix}${i}`, new Y.Map([['title', `${prefix} ${i}`]])),
      'test',
    )
  }
}
const count = (p: WebsocketProvider): number => p.doc.getMap('features').size

describe('two server processes, one PostgreSQL database, Redis between them', () => {
  let pg: TestPostgres
  let redis: TestRedis
  let one: ServerFixture
  let two: ServerFixture
  const providers: WebsocketProvider[] = []
  beforeAll(async () => {
    ;[pg, redis] = await Promise.all([startPostgres(), startRedis()])
    const env = { DATABASE_URL: await pg.createDatabase(), REDIS_URL: redis.url }
    one = new ServerFixture(env)
    two = new ServerFixture(env)
    await Promise.all([one.start(), two.start()])
  }, 60_000)
  afterAll(async () => {
    destroyAll(...providers)
    await Promise.all([one.dispose(), two.dispose()])
    await Promise.all([pg.stop(), redis.stop()])
  })

  it('clients of both edit live, and killing one process loses nothing', async () => {
    const r = await createRoadmap(one.server, 'Across processes')
    const a = await connectedProvider(one.server, r.id, r.editorToken)
    const b = await connectedProvider(two.server, r.id, r.editorToken)
    providers.push(a, b)
    addFeatures(a, 'a')
    addFeatures(b, 'b')
    await waitForDoc(a.doc, () => count(a) === 2 * EACH, 'a has both clients’ features')
    await waitForDoc(b.doc, () => count(b) === 2 * EACH, 'b has both clients’ features')

    // b has received every feature of a: process one dies, nothing of it may be lost.
    await one.server.stop('SIGKILL')
    const c = await connectedProvider(two.server, r.id, r.viewerToken)
    providers.push(c)
    expect(count(c)).toBe(2 * EACH)

    await one.start()
    const d = await connectedProvider(one.server, r.id, r.viewerToken)
    providers.push(d)
    expect(count(d)).toBe(2 * EACH)
    expect(Y.encodeStateVector(d.doc)).toEqual(Y.encodeStateVector(c.doc))
  })
})

// Creating and importing roadmaps against a real server process: imports are bounded in
// entities (and bytes), and one address may create or import only so many roadmaps a minute.
// Limits are set low by env here.
import { exportRoadmap, largeRoadmap } from '@meridian/model'
import { ERROR_CODE } from '@meridian/protocol'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

const servers: ServerProcess[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) if (!s.hasExited()) await s.stop('SIGKILL')
})

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const s = await startServer({ env })
  servers.push(s)
  return s
}

function exported(features: number, lanes: number): string {
  const doc = new Y.Doc()
  largeRoadmap(doc, { features, lanes, seed: 7 })
  return JSON.stringify(exportRoadmap(doc))
}

async function post(server: ServerProcess, path: string, body: string) {
  const res = await fetch(server.origin + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown }
}

describe('creating and importing roadmaps', () => {
  it('refuses an import with more entities than allowed (413) and takes one within', async () => {
    const server = await serve({ MERIDIAN_IMPORT_MAX_ENTITIES: '500' })
    const big = await post(server, '/api/roadmaps/import', exported(2_000, 20))
    expect(big.status).toBe(413)
    expect(big.body).toMatchObject({ error: { code: ERROR_CODE.tooLarge } })
    const small = await post(server, '/api/roadmaps/import', exported(20, 2))
    expect(small.status).toBe(201)
    expect(server.hasExited()).toBe(false)
  })

  it('refuses an import body over the configured size with 413', async () => {
    const server = await serve({ MERIDIAN_IMPORT_MAX_BYTES: '4096' })
    const r = await post(server, '/api/roadmaps/import', exported(200, 4))
    expect(r.status).toBe(413)
    expect(r.body).toMatchObject({ error: { code: ERROR_CODE.tooLarge } })
  })

  it('one address creates and imports a bounded number of roadmaps a minute (429)', async () => {
    const server = await serve({ MERIDIAN_CREATES_PER_MINUTE: '3' })
    const title = JSON.stringify({ title: 'Plan' })
    for (let i = 0; i < 3; i++)
      expect((await post(server, '/api/roadmaps', title)).status).toBe(201)
    const refused = await post(server, '/api/roadmaps', title)
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ error: { code: ERROR_CODE.rateLimited } })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // Imports draw on the same budget.
    expect((await post(server, '/api/roadmaps/import', exported(5, 1))).status).toBe(429)
  })
})

// Snapshots within bounds against a real server process: a roadmap holds at most so many, an
// owner deletes one to make room, and named snapshots are rate-limited per roadmap. Limits
// are set low by env here.
import { ERROR_CODE } from '@meridian/protocol'
import type { Snapshot } from '@meridian/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createRoadmap } from './helpers/api.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

describe('snapshot limits', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({
      env: { MERIDIAN_SNAPSHOTS_PER_ROADMAP: '3', MERIDIAN_SNAPSHOTS_PER_MINUTE: '5' },
    })
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('refuses past the count (409), frees a place on an owner’s delete, then rate-limits (429)', async () => {
    const r = await createRoadmap(server)
    const take = (name: string) =>
      api<Snapshot>(server, 'POST', `/api/roadmaps/${r.id}/snapshots`, {
        token: r.editorToken,
        body: { name },
      })
    const taken: Snapshot[] = []
    for (const name of ['one', 'two', 'three']) {
      const s = await take(name)
      expect(s.status).toBe(201)
      taken.push(s.body)
    }
    const full = await take('four')
    expect(full.status).toBe(409)
    expect(full.body).toMatchObject({ error: { code: ERROR_CODE.limitReached } })

    const path = `/api/roadmaps/${r.id}/snapshots/${taken[0].id}`
    expect((await api(server, 'DELETE', path, { token: r.editorToken })).status).toBe(403)
    const deleted = await api(server, 'DELETE', path, { token: r.ownerToken })
    expect(deleted.status).toBe(200)
    expect(deleted.body).toMatchObject({ deleted: { id: taken[0].id, name: 'one' } })
    expect((await api(server, 'DELETE', path, { token: r.ownerToken })).status).toBe(404)
    const list = await api<{ snapshots: Snapshot[] }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}/snapshots`,
      {
        token: r.viewerToken,
      },
    )
    expect(list.body.snapshots.map((s) => s.name).sort()).toEqual(['three', 'two'])

    expect((await take('four')).status).toBe(201)
    const limited = await take('five')
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ error: { code: ERROR_CODE.rateLimited } })
  })
})

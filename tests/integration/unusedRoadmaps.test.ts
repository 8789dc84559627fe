// The clean-up of never-used roadmaps against a real server process: a roadmap nobody opened
// or edited is deleted once MERIDIAN_UNUSED_ROADMAP_TTL_HOURS has passed (set to 1.8 s here);
// one that was opened stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createRoadmap } from './helpers/api.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'
import { WAIT_MS } from './helpers/wait.js'

describe('unused roadmaps', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({ env: { MERIDIAN_UNUSED_ROADMAP_TTL_HOURS: '0.0005' } })
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  /** Resolves once the server has logged the deletion of `id`. */
  async function deleted(id: string): Promise<void> {
    const until = Date.now() + WAIT_MS
    while (!server.logs().some((l) => l.includes('deleted unused roadmaps') && l.includes(id))) {
      if (Date.now() > until) throw new Error(`roadmap ${id} was not deleted`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  it('deletes a roadmap never opened and keeps an opened one', async () => {
    const unused = await createRoadmap(server, 'Never opened')
    const opened = await createRoadmap(server, 'Opened')
    expect(
      (await api(server, 'GET', `/api/roadmaps/${opened.id}`, { token: opened.viewerToken }))
        .status,
    ).toBe(200)
    await deleted(unused.id)
    const gone = await api(server, 'GET', `/api/roadmaps/${unused.id}`, {
      token: unused.ownerToken,
    })
    expect(gone.status).toBeGreaterThanOrEqual(401)
    expect(
      (await api(server, 'GET', `/api/roadmaps/${opened.id}`, { token: opened.ownerToken })).status,
    ).toBe(200)
  })
})

// A refused link says why in a code, the same over HTTP and on a refused WebSocket upgrade:
// clients tell an unknown, a revoked and an expired link apart without reading a message.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { DENIAL } from '@meridian/protocol'
import type { CreatedLink, DenialReason, ErrorBody } from '@meridian/protocol'
import type { MeridianServer } from '../app.js'
import { newLink } from '../auth/newLink.js'
import { ROLE } from '../store/store.js'
import { bounded, call, create, start, tempDir } from '../testing/harness.js'
import type { Created } from '../testing/harness.js'

/** The status and body of a refused upgrade. */
function refusedUpgrade(url: string): Promise<{ status: number; body: ErrorBody }> {
  return bounded(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.on('open', () => reject(new Error('the upgrade was accepted')))
      ws.on('unexpected-response', (_req, res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ErrorBody }),
        )
      })
      ws.on('error', () => {})
    }),
    'the refused upgrade',
  )
}

describe('link refusals', () => {
  let server: MeridianServer
  let dir: string
  let r: Created
  const tokens: Partial<Record<DenialReason, string>> = {}

  beforeAll(async () => {
    dir = tempDir()
    server = await start(dir)
    r = await create(server)
    const revoked = await call<CreatedLink>(server, 'POST', `/api/roadmaps/${r.id}/links`, {
      token: r.ownerToken,
      body: { role: 'editor' },
    })
    await call(server, 'DELETE', `/api/roadmaps/${r.id}/links/${revoked.body.linkId}`, {
      token: r.ownerToken,
    })
    const expired = newLink(r.id, ROLE.viewer, null, Date.now() - 1000, Date.now() - 2000)
    await server.store.createLink(expired.link)
    tokens[DENIAL.linkRevoked] = revoked.body.token
    tokens[DENIAL.linkExpired] = expired.token
    tokens[DENIAL.linkUnknown] = 'no-such-token'
  })
  afterAll(async () => {
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.each([DENIAL.linkUnknown, DENIAL.linkRevoked, DENIAL.linkExpired])(
    '%s: 401 with that reason, over HTTP and on the WebSocket upgrade',
    async (reason) => {
      const token = tokens[reason] ?? ''
      const http = await call<ErrorBody>(server, 'GET', `/api/roadmaps/${r.id}`, { token })
      expect(http.status).toBe(401)
      expect(http.body.error).toMatchObject({ code: 'unauthorized', reason })
      const session = await call<ErrorBody>(server, 'GET', `/api/session?token=${token}`)
      expect(session.body.error.reason).toBe(reason)
      const ws = await refusedUpgrade(
        `${server.url.replace('http', 'ws')}/ws/${r.id}?token=${token}`,
      )
      expect(ws.status).toBe(401)
      expect(ws.body.error).toMatchObject({ code: 'unauthorized', reason })
    },
  )

  it('a missing token and an unknown roadmap have reasons of their own', async () => {
    const missing = await call<ErrorBody>(server, 'GET', `/api/roadmaps/${r.id}`)
    expect(missing.body.error.reason).toBe(DENIAL.tokenMissing)
    const unknown = await call<ErrorBody>(server, 'GET', '/api/roadmaps/AAAAAAAAAAAAAAAA', {
      token: r.ownerToken,
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.reason).toBe(DENIAL.roadmapUnknown)
  })
})

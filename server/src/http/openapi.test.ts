// The served OpenAPI description is valid OpenAPI 3.1, and every route's real responses (a
// real server, a real SQLite store) validate against it: the description cannot drift.
import fs from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { demoRoadmap, exportRoadmap, readSessions, Sessions } from '@meridian/model'
import type { CreatedLink, Snapshot } from '@meridian/protocol'
import type { MeridianServer } from '../app.js'
import { newLink } from '../auth/newLink.js'
import { ROLE } from '../store/store.js'
import { ApiContract } from '../testing/apiContract.js'
import type { OpenApiDoc } from '../testing/apiContract.js'
import { call, create, provider, start, synced, tempDir, until } from '../testing/harness.js'
import type { Created } from '../testing/harness.js'

describe('OpenAPI description', () => {
  let server: MeridianServer
  let dir: string
  let contract: ApiContract
  let r: Created
  const problems: string[] = []

  /** `call`, with the response checked against the description. */
  async function hit<T = unknown>(
    method: string,
    path: string,
    opts: Parameters<typeof call>[3] = {},
  ) {
    const res = await call<T>(server, method, path, opts)
    const type = res.headers.get('content-type') ?? ''
    problems.push(...contract.check(method, path, res.status, type, res.body))
    return res
  }

  beforeAll(async () => {
    dir = tempDir()
    server = await start(dir)
    r = await create(server, 'Described roadmap')
  })
  afterAll(async () => {
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('is served at /api/openapi.json and validates as OpenAPI 3.1', async () => {
    const res = await call<OpenApiDoc>(server, 'GET', '/api/openapi.json')
    expect(res.status).toBe(200)
    const validator = new Validator()
    const result = await validator.validate({ ...res.body })
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    contract = new ApiContract(res.body)
    problems.push(
      ...contract.check('GET', '/api/openapi.json', res.status, 'application/json', res.body),
    )
  })

  it('describes every response of every route', async () => {
    const owner = { token: r.ownerToken }
    const base = `/api/roadmaps/${r.id}`
    expect((await hit('GET', '/healthz')).status).toBe(200)
    expect((await hit('GET', '/metrics')).status).toBe(200)
    expect((await hit('POST', '/api/roadmaps', { body: { title: 'Another' } })).status).toBe(201)
    const doc = new Y.Doc()
    demoRoadmap(doc, { today: '2026-06-01' })
    const imported = await hit<Created>('POST', '/api/roadmaps/import', {
      body: exportRoadmap(doc),
    })
    expect(imported.status).toBe(201)
    const demo = imported.body
    expect((await hit('GET', `/api/session?token=${r.editorToken}`)).status).toBe(200)
    expect((await hit('GET', base, owner)).status).toBe(200)
    for (const q of ['', '?format=csv', '?format=md', '?today=2026-06-01'])
      expect(
        (await hit('GET', `/api/roadmaps/${demo.id}/backlog${q}`, { token: demo.viewerToken }))
          .status,
      ).toBe(200)
    expect(
      (await hit('GET', `/api/roadmaps/${demo.id}/report`, { token: demo.viewerToken })).status,
    ).toBe(200)
    expect(
      (await hit('GET', `/api/roadmaps/${demo.id}/export`, { token: demo.viewerToken })).status,
    ).toBe(200)
    const snap = await hit<Snapshot>('POST', `${base}/snapshots`, {
      token: r.editorToken,
      body: { name: 'Before review' },
    })
    expect(snap.status).toBe(201)
    expect((await hit('GET', `${base}/snapshots`, owner)).status).toBe(200)
    expect((await hit('GET', `${base}/snapshots/${snap.body.id}`, owner)).status).toBe(200)
    for (const q of [`from=${snap.body.id}`, `from=${snap.body.id}&to=now&format=md`])
      expect((await hit('GET', `${base}/compare?${q}`, { token: r.viewerToken })).status).toBe(200)
    expect((await hit('POST', `${base}/snapshots/${snap.body.id}/restore`, owner)).status).toBe(200)
    const demoSnap = await hit<Snapshot>('POST', `/api/roadmaps/${demo.id}/snapshots`, {
      token: demo.ownerToken,
      body: { name: 'Demo' },
    })
    const featureId = Object.keys(exportRoadmap(doc).features)[0]
    const restoredEntity = await hit(
      'POST',
      `/api/roadmaps/${demo.id}/snapshots/${demoSnap.body.id}/restore-entity`,
      {
        token: demo.ownerToken,
        body: { kind: 'features', id: featureId },
      },
    )
    expect(restoredEntity.status).toBe(200)
    expect((await hit('DELETE', `${base}/snapshots/${snap.body.id}`, owner)).status).toBe(200)
    const link = await hit<CreatedLink>('POST', `${base}/links`, {
      ...owner,
      body: {
        role: 'viewer',
        label: 'Board',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    })
    expect(link.status).toBe(201)
    expect((await hit('GET', `${base}/links`, owner)).status).toBe(200)
    const personal = await hit<CreatedLink>('POST', `${base}/links`, {
      ...owner,
      body: { role: 'editor', personName: 'Dana Reyes' },
    })
    expect(personal.status).toBe(201)
    expect((await hit('POST', `${base}/links/${personal.body.linkId}/token`, owner)).status).toBe(
      200,
    )
    expect((await hit('DELETE', `${base}/links/${link.body.linkId}`, owner)).status).toBe(200)

    // The exchange: images, PDFs, the calendar feed and a CSV import.
    const viewer = { token: r.viewerToken }
    expect((await hit('GET', `${base}/timeline.svg`, viewer)).status).toBe(200)
    expect((await hit('GET', `${base}/timeline.png?size=slide`, viewer)).status).toBe(200)
    expect((await hit('GET', `${base}/timeline.pdf`, viewer)).status).toBe(200)
    expect((await hit('GET', `${base}/report.pdf`, viewer)).status).toBe(200)
    expect((await hit('GET', `${base}/calendar.ics`, viewer)).status).toBe(200)
    const csv = 'Summary,Issue Type,Start date,Due date\nBilling,Epic,2026-01-05,2026-02-27\n'
    expect((await hit('POST', `${base}/import/csv`, { ...owner, body: { csv } })).status).toBe(201)
    const fromCsv = await hit('POST', '/api/roadmaps/import/csv', { body: { csv, title: 'CSV' } })
    expect(fromCsv.status).toBe(201)

    // A planning session's recap (the session written over a socket, read back by a viewer's).
    const editing = provider(server, r.id, r.editorToken)
    await synced(editing)
    const sessionId = new Sessions(editing.doc, { origin: 'test' }).start({
      title: 'Review',
      facilitator: { key: 'k', name: 'Ann' },
      checkpointId: null,
      topics: [],
    })
    const watching = provider(server, r.id, r.viewerToken)
    await synced(watching)
    await until(watching.doc, () => readSessions(watching.doc).length === 1, 'session stored')
    editing.destroy()
    watching.destroy()
    for (const format of ['pdf', 'md'])
      expect(
        (await hit('GET', `${base}/sessions/${sessionId}/recap.${format}`, viewer)).status,
      ).toBe(200)

    // Refusals: each answers with the error envelope.
    const expired = newLink(r.id, ROLE.viewer, null, Date.now() - 1000, Date.now() - 2000)
    await server.store.createLink(expired.link)
    const refusals: Array<[string, string, Parameters<typeof call>[3]]> = [
      ['POST', '/api/roadmaps', { body: { title: '' } }],
      ['POST', '/api/roadmaps', { raw: '{bad', headers: { 'content-type': 'application/json' } }],
      ['POST', '/api/roadmaps/import', { body: { format: 'nope' } }],
      ['GET', '/api/session', {}],
      ['GET', base, {}],
      ['GET', base, { token: 'unknown-token' }],
      ['GET', base, { token: link.body.token }],
      ['GET', base, { token: expired.token }],
      ['GET', '/api/roadmaps/AAAAAAAAAAAAAAAA', owner],
      ['GET', `${base}/links`, { token: r.editorToken }],
      ['GET', `${base}/backlog?format=pdf`, owner],
      ['GET', `${base}/snapshots/AAAAAAAAAAAAAAAA`, owner],
      ['GET', `${base}/compare?from=AAAAAAAAAAAAAAAA`, owner],
      ['GET', `${base}/compare?from=now&format=pdf`, owner],
      ['DELETE', `${base}/links/AAAAAAAAAAAAAAAA`, owner],
      ['POST', `${base}/links/AAAAAAAAAAAAAAAA/token`, owner],
      ['DELETE', `${base}/snapshots/AAAAAAAAAAAAAAAA`, owner],
      ['DELETE', base, owner],
      ['GET', `${base}/timeline.svg?width=5`, viewer],
      ['POST', `${base}/import/csv`, { ...owner, body: { csv: 'Summary\n', mapping: { x: 1 } } }],
      ['POST', '/api/roadmaps/import/csv', { body: { csv: 'Summary\nx\n', title: 7 } }],
    ]
    for (const [method, path, opts] of refusals) {
      const res = await hit(method, path, opts)
      expect(res.status).toBeGreaterThanOrEqual(400)
    }

    expect(problems).toEqual([])
    expect(contract.unexercised()).toEqual([])
  })
})

// GET …/sessions/:sessionId/recap.pdf and recap.md: a real server, a session driven over a
// real WebSocket, the PDF read back with pdftotext.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { compareRoadmaps, readRoadmap, readSessions, Roadmap, Sessions } from '@meridian/model'
import type { SessionId } from '@meridian/model'
import type { MeridianServer } from '../../app.js'
import { call, create, provider, start, synced, tempDir, until } from '../../testing/harness.js'
import type { Created } from '../../testing/harness.js'

function pdfText(dir: string, pdf: Buffer): string {
  const file = path.join(dir, 'recap.pdf')
  fs.writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

describe('recap routes', () => {
  let server: MeridianServer
  let dir: string
  let r: Created
  let p: WebsocketProvider
  let sessionId: SessionId

  beforeAll(async () => {
    dir = tempDir()
    server = await start(dir)
    r = await create(server, 'Recap roadmap')
    p = provider(server, r.id, r.editorToken)
    await synced(p)
    const roadmap = new Roadmap(p.doc, { origin: 'test' })
    const sessions = new Sessions(p.doc, { origin: 'test' })
    const lane = roadmap.lanes.create({ name: 'Platform' })
    const pipeline = roadmap.features.create({
      laneId: lane,
      title: 'Event pipeline',
      start: '2026-02-02',
      end: '2026-03-27',
    })
    const audit = roadmap.features.create({ laneId: lane, title: 'Audit log' })
    const before = readRoadmap(p.doc)
    sessionId = sessions.start({
      title: 'Q2 planning',
      facilitator: { key: 'k-ann', name: 'Ann' },
      checkpointId: null,
      topics: [{ kind: 'feature', ref: pipeline }],
    })
    sessions.join(sessionId, { key: 'seen:vera', name: 'Vera' })
    const vote = sessions.openVote(sessionId, {
      title: 'Impact next quarter',
      mode: 'score',
      options: [pipeline, audit],
    })!
    sessions.cast(sessionId, vote, { key: 'k-ann', name: 'Ann' }, { [pipeline]: 5, [audit]: 2 })
    sessions.cast(sessionId, vote, { key: 'k-bo', name: 'Bo' }, { [pipeline]: 4, [audit]: 3 })
    sessions.reveal(sessionId, vote)
    sessions.recordDecision(sessionId, {
      kind: 'feature',
      ref: pipeline,
      text: 'Ship behind a flag',
      by: 'Ann',
    })
    roadmap.features.update(pipeline, { start: '2026-02-16', end: '2026-04-10' })
    const comparison = compareRoadmaps(before, readRoadmap(p.doc), {
      fromDate: '2026-03-01',
      toDate: '2026-03-01',
    })
    sessions.end(sessionId, comparison)
    // Read back through a viewer's connection: the server has stored the whole session.
    const viewer = provider(server, r.id, r.viewerToken)
    await synced(viewer)
    await until(viewer.doc, () => readSessions(viewer.doc)[0]?.endedAt != null, 'session ended')
    viewer.destroy()
  })
  afterAll(async () => {
    p.destroy()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const base = () => `/api/roadmaps/${r.id}/sessions`

  it('serves the recap as a PDF with the changes, the decisions, the votes and who attended', async () => {
    const res = await fetch(`${server.url}${base()}/${sessionId}/recap.pdf?token=${r.viewerToken}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const text = pdfText(dir, Buffer.from(await res.arrayBuffer()))
    expect(text).toContain('Q2 planning')
    expect(text).toMatch(/Event pipeline.*slipped/i)
    expect(text).toContain('Ship behind a flag')
    expect(text).toContain('Vote: Impact next quarter')
    expect(text).toMatch(/1\.\s+Event pipeline — 4\.5 mean score/)
    expect(text).toMatch(/2\.\s+Audit log — 2\.5 mean score/)
    expect(text).toMatch(/Attended by Ann, Bo, Vera/)
    // Days read as in the app (packages/model dateDisplay.ts), never as ISO.
    expect(text).toContain('Apr 10, 2026')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('serves it as Markdown, and refuses an unknown session or a missing token', async () => {
    const md = await call(server, 'GET', `${base()}/${sessionId}/recap.md`, {
      token: r.viewerToken,
    })
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.text).toContain('## Vote: Impact next quarter')
    expect(md.text).toContain('1. Event pipeline: 4.5 mean score')
    expect(md.text).toContain(
      'slipped 14 days (Feb 2, 2026 – Mar 27, 2026 → Feb 16, 2026 – Apr 10, 2026)',
    )
    expect(md.text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    const unknown = await call(server, 'GET', `${base()}/no-such-session/recap.pdf`, {
      token: r.viewerToken,
    })
    expect(unknown.status).toBe(404)
    expect((await call(server, 'GET', `${base()}/${sessionId}/recap.pdf`)).status).toBe(401)
  })

  it('is in the OpenAPI description', async () => {
    const res = await call<{ paths: Record<string, unknown> }>(server, 'GET', '/api/openapi.json')
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/roadmaps/{id}/sessions/{sessionId}/recap.pdf',
        '/api/roadmaps/{id}/sessions/{sessionId}/recap.md',
      ]),
    )
  })
})

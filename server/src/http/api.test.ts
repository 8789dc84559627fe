import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { Roadmap } from '@meridian/model'
import type { MeridianServer } from '../app.js'
import { call, create, provider, start, synced, tempDir, until } from '../testing/harness.js'
import type { Created } from '../testing/harness.js'

describe('HTTP API', () => {
  let server: MeridianServer
  let dir: string
  let r: Created
  const providers: WebsocketProvider[] = []
  beforeAll(async () => {
    dir = tempDir()
    const clientDir = path.join(dir, 'client')
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>app</title>')
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1)')
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret')
    server = await start(dir, { clientDir })
    r = await create(server, 'Roadmap under test')
  })
  afterAll(async () => {
    for (const p of providers) p.destroy()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const expectError = (
    res: { status: number; body: unknown },
    status: number,
    code?: string,
  ): void => {
    expect(res.status).toBe(status)
    const body = res.body as { error: { code: string; message: string } }
    expect(typeof body.error.code).toBe('string')
    expect(typeof body.error.message).toBe('string')
    if (code) expect(body.error.code).toBe(code)
  }

  it('creates a roadmap with three tokens and reports its meta with the role', async () => {
    expect(r).toMatchObject({ title: 'Roadmap under test' })
    expect(r.ownerToken).not.toBe(r.editorToken)
    for (const [token, role] of [
      [r.ownerToken, 'owner'],
      [r.editorToken, 'editor'],
      [r.viewerToken, 'viewer'],
    ] as const) {
      const meta = await call<{ role: string; title: string; counts: { features: number } }>(
        server,
        'GET',
        `/api/roadmaps/${r.id}`,
        { token },
      )
      expect(meta.status).toBe(200)
      expect(meta.body).toMatchObject({
        role,
        title: 'Roadmap under test',
        counts: { features: 0 },
      })
    }
    const viaQuery = await call<{ role: string }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}?token=${r.viewerToken}`,
    )
    expect(viaQuery.body.role).toBe('viewer')
    const session = await call<{ roadmapId: string; role: string }>(
      server,
      'GET',
      `/api/session?token=${r.editorToken}`,
    )
    expect(session.body).toMatchObject({ roadmapId: r.id, role: 'editor' })
  })

  it('answers bad input with the right status and error shape, writing nothing', async () => {
    expectError(
      await call(server, 'POST', '/api/roadmaps', {
        raw: '{bad json',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'bad_request',
    )
    expectError(
      await call(server, 'POST', '/api/roadmaps', { body: { title: '' } }),
      400,
      'bad_request',
    )
    expectError(await call(server, 'POST', '/api/roadmaps', { body: { nope: 1 } }), 400)
    expectError(
      await call(server, 'POST', '/api/roadmaps', { body: { title: 'x'.repeat(100_000) } }),
      413,
      'payload_too_large',
    )
    expectError(await call(server, 'GET', `/api/roadmaps/${r.id}`), 401, 'unauthorized')
    expectError(await call(server, 'GET', `/api/roadmaps/${r.id}`, { token: 'nope' }), 401)
    expectError(
      await call(server, 'GET', `/api/roadmaps/AAAAAAAAAAAAAAAA`, { token: r.ownerToken }),
      404,
      'not_found',
    )
    expectError(await call(server, 'GET', `/api/roadmaps/bad..id`, { token: r.ownerToken }), 404)
    expectError(
      await call(server, 'DELETE', `/api/roadmaps/${r.id}`, { token: r.ownerToken }),
      405,
      'method_not_allowed',
    )
    expectError(
      await call(server, 'GET', `/api/roadmaps/${r.id}/links`, { token: r.editorToken }),
      403,
      'forbidden',
    )
    expectError(
      await call(server, 'POST', `/api/roadmaps/${r.id}/snapshots`, {
        token: r.viewerToken,
        body: { name: 'x' },
      }),
      403,
    )
    expectError(
      await call(server, 'POST', `/api/roadmaps/${r.id}/links`, {
        token: r.ownerToken,
        body: { role: 'god' },
      }),
      400,
    )
    expectError(
      await call(server, 'POST', `/api/roadmaps/${r.id}/links`, {
        token: r.ownerToken,
        body: { role: 'viewer', expiresAt: 5 },
      }),
      400,
    )
    expectError(
      await call(server, 'GET', `/api/roadmaps/${r.id}/snapshots/AAAAAAAAAAAA`, {
        token: r.ownerToken,
      }),
      404,
    )
    expectError(
      await call(server, 'DELETE', `/api/roadmaps/${r.id}/links/AAAAAAAAAAAA`, {
        token: r.ownerToken,
      }),
      404,
    )
    expectError(
      await call(server, 'GET', `/api/roadmaps/${r.id}/backlog?format=xls`, {
        token: r.ownerToken,
      }),
      400,
    )
    expectError(
      await call(server, 'GET', `/api/roadmaps/${r.id}/backlog?today=tomorrow`, {
        token: r.ownerToken,
      }),
      400,
    )
    expectError(await call(server, 'GET', '/api/nothing'), 404)
    const links = await call<{ links: unknown[] }>(server, 'GET', `/api/roadmaps/${r.id}/links`, {
      token: r.ownerToken,
    })
    expect(links.body.links).toHaveLength(3)
    const snaps = await call<{ snapshots: unknown[] }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}/snapshots`,
      { token: r.viewerToken },
    )
    expect(snaps.body.snapshots).toHaveLength(0)
  })

  it('derives backlog (json, csv, md) and report from the live document', async () => {
    const p = provider(server, r.id, r.editorToken)
    providers.push(p)
    await synced(p)
    const rm = new Roadmap(p.doc, { origin: 'test' })
    const lane = rm.lanes.create({ name: 'Platform' })
    rm.features.create({
      laneId: lane,
      title: 'Single sign-on',
      start: '2026-01-05',
      end: '2026-02-27',
    })
    // The HTTP view is of the server's document: wait until the edit was relayed back to a peer.
    const probe = provider(server, r.id, r.viewerToken)
    providers.push(probe)
    await until(probe.doc, () => probe.doc.getMap('features').size === 1, 'probe has the feature')
    const json = await call<{ entries: { title: string; laneId: string }[] }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}/backlog?today=2026-01-10`,
      { token: r.viewerToken },
    )
    expect(json.status).toBe(200)
    expect(json.body.entries).toHaveLength(1)
    expect(json.body.entries[0]).toMatchObject({ title: 'Single sign-on', laneId: lane })
    const csv = await call(
      server,
      'GET',
      `/api/roadmaps/${r.id}/backlog?format=csv&today=2026-01-10`,
      { token: r.viewerToken },
    )
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.text).toContain('Single sign-on')
    const md = await call(server, 'GET', `/api/roadmaps/${r.id}/backlog?format=md`, {
      token: r.viewerToken,
    })
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.text).toContain('Single sign-on')
    const report = await call(server, 'GET', `/api/roadmaps/${r.id}/report?today=2026-01-10`, {
      token: r.viewerToken,
    })
    expect(report.status).toBe(200)
  })

  it('exports, imports (400 naming the path when malformed) and restores snapshots live', async () => {
    const exported = await call<{
      meta: { title: string }
      features: Record<string, { title: string }>
    }>(server, 'GET', `/api/roadmaps/${r.id}/export`, { token: r.viewerToken })
    expect(exported.status).toBe(200)
    const imported = await call<Created>(server, 'POST', '/api/roadmaps/import', {
      body: exported.body,
    })
    expect(imported.status).toBe(201)
    const again = await call<{ features: Record<string, { title: string }> }>(
      server,
      'GET',
      `/api/roadmaps/${imported.body.id}/export`,
      {
        token: imported.body.viewerToken,
      },
    )
    expect(Object.values(again.body.features).map((f) => f.title)).toEqual(['Single sign-on'])
    const bad = await call<{ error: { path: string; message: string } }>(
      server,
      'POST',
      '/api/roadmaps/import',
      {
        body: { ...exported.body, features: { x: { title: 5 } } },
      },
    )
    expectError(bad, 400, 'invalid_import')
    expect(bad.body.error.message).toContain('features')

    // Snapshot, change, restore: every connected client sees the snapshot's content.
    const a = provider(server, imported.body.id, imported.body.editorToken)
    const b = provider(server, imported.body.id, imported.body.viewerToken)
    providers.push(a, b)
    await Promise.all([synced(a), synced(b)])
    const snap = await call<{ id: string; kind: string }>(
      server,
      'POST',
      `/api/roadmaps/${imported.body.id}/snapshots`,
      {
        token: imported.body.editorToken,
        body: { name: 'Before' },
      },
    )
    expect(snap.status).toBe(201)
    expect(snap.body.kind).toBe('named')
    const rm = new Roadmap(a.doc, { origin: 'test' })
    const [feature] = [...a.doc.getMap('features').keys()]
    rm.features.update(feature as never, { title: 'Renamed' })
    rm.lanes.create({ name: 'Added later' })
    await until(b.doc, () => b.doc.getMap('lanes').size === 2, 'b sees the change')
    const got = await call<{
      snapshot: { name: string }
      roadmap: { features: Record<string, { title: string }> }
    }>(server, 'GET', `/api/roadmaps/${imported.body.id}/snapshots/${snap.body.id}`, {
      token: imported.body.viewerToken,
    })
    expect(got.body.snapshot.name).toBe('Before')
    expect(Object.values(got.body.roadmap.features)[0].title).toBe('Single sign-on')
    expectError(
      await call(
        server,
        'POST',
        `/api/roadmaps/${imported.body.id}/snapshots/${snap.body.id}/restore`,
        { token: imported.body.editorToken },
      ),
      403,
    )
    const restored = await call(
      server,
      'POST',
      `/api/roadmaps/${imported.body.id}/snapshots/${snap.body.id}/restore`,
      {
        token: imported.body.ownerToken,
      },
    )
    expect(restored.status).toBe(200)
    const titleOf = (doc: Y.Doc): unknown =>
      (doc.getMap('features').get(feature) as Y.Map<unknown>).get('title')
    await until(
      b.doc,
      () => b.doc.getMap('lanes').size === 1 && titleOf(b.doc) === 'Single sign-on',
      'b restored',
    )
    await until(
      a.doc,
      () => a.doc.getMap('lanes').size === 1 && titleOf(a.doc) === 'Single sign-on',
      'a restored',
    )
    expect(a.doc.getMap('features').get(feature)).toBeInstanceOf(Y.Map)
  })

  it('keeps syncing when an update handler on the server document throws', async () => {
    const x = await create(server, 'Throwing')
    const a = provider(server, x.id, x.editorToken)
    const b = provider(server, x.id, x.editorToken)
    providers.push(a, b)
    await Promise.all([synced(a), synced(b)])
    const room = server.rooms.peek(x.id)
    if (!room) throw new Error('room not loaded')
    room.doc().on('update', () => {
      throw new Error('observer bug')
    })
    a.doc.getMap('m').set('one', 1)
    await until(b.doc, () => b.doc.getMap('m').get('one') === 1, 'first')
    a.doc.getMap('m').set('two', 2)
    await until(b.doc, () => b.doc.getMap('m').get('two') === 2, 'second')
    const exported = await call<{ meta: { title: string } }>(
      server,
      'GET',
      `/api/roadmaps/${x.id}/export`,
      { token: x.ownerToken },
    )
    expect(exported.status).toBe(200)
  })

  it('serves the client with SPA fallback, long-cached assets and no escape from its directory', async () => {
    for (const p of ['/', '/r/abc', '/embed/abc']) {
      const res = await call(server, 'GET', p)
      expect(res.status).toBe(200)
      expect(res.text).toContain('<title>app</title>')
      expect(res.headers.get('cache-control')).toBe('no-cache')
    }
    const asset = await call(server, 'GET', '/assets/app-abc123.js')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(asset.headers.get('content-type')).toContain('javascript')
    expect((await call(server, 'GET', '/../secret.txt')).text).not.toContain('secret')
    expect((await call(server, 'GET', '/%2e%2e/secret.txt')).status).toBe(404)
    expect((await call(server, 'GET', '/nothing.js')).status).toBe(404)
    // A browser at a wrong address gets the app (its "page not found"), still with a 404.
    const page = await call(server, 'GET', '/no/such/page', { headers: { accept: 'text/html' } })
    expect(page.status).toBe(404)
    expect(page.text).toContain('<title>app</title>')
    const escape = await call(server, 'GET', '/%2e%2e/secret.txt', {
      headers: { accept: 'text/html' },
    })
    expect(escape.text).not.toContain('secret')
  })

  it('answers health and metrics', async () => {
    expect((await call(server, 'GET', '/healthz')).body).toEqual({ ok: true })
    const m = await call(server, 'GET', '/metrics')
    expect(m.status).toBe(200)
    for (const name of [
      'meridian_connections',
      'meridian_roadmaps_loaded',
      'meridian_updates_total',
      'meridian_bytes_stored',
      'meridian_store_latency_seconds',
      'meridian_messages_dropped_total',
      'meridian_sockets_closed_total',
    ]) {
      expect(m.text).toContain(name)
    }
  })
})

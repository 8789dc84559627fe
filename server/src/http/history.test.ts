// The history routes on a real server and SQLite store: compare a snapshot with now (JSON and
// Markdown), bring one deleted feature back with its items, restore a whole snapshot (which
// first snapshots the state it replaces and records the dates it moves as slips), and the
// history's size in the roadmap meta and /metrics.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { Roadmap, readRoadmap, readSlipLedger } from '@meridian/model'
import type { FeatureId, RoadmapComparison } from '@meridian/model'
import type { RoadmapMeta, Snapshot, SnapshotList } from '@meridian/protocol'
import type { MeridianServer } from '../app.js'
import { call, create, provider, start, synced, tempDir, until } from '../testing/harness.js'
import type { Created } from '../testing/harness.js'

describe('history routes', () => {
  let server: MeridianServer
  let dir: string
  let r: Created
  const providers: WebsocketProvider[] = []

  beforeAll(async () => {
    dir = tempDir()
    server = await start(dir)
    r = await create(server, 'History')
  })
  afterAll(async () => {
    for (const p of providers) p.destroy()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('compares, brings one entity back, restores and counts the history', async () => {
    const base = `/api/roadmaps/${r.id}`
    const owner = { token: r.ownerToken }
    const p = provider(server, r.id, r.editorToken)
    providers.push(p)
    await synced(p)
    const rm = new Roadmap(p.doc, { origin: 'test', author: 'Ben' })
    const lane = rm.lanes.create({ name: 'Platform' })
    const sso = rm.features.create({
      laneId: lane,
      title: 'SSO',
      start: '2026-03-02',
      end: '2026-03-27',
    })
    const audit = rm.features.create({
      laneId: lane,
      title: 'Audit log',
      start: '2026-04-06',
      end: '2026-04-24',
    })
    rm.items.create({ featureId: sso as FeatureId, title: 'SAML assertions' })
    const probe = provider(server, r.id, r.viewerToken)
    providers.push(probe)
    await until(probe.doc, () => probe.doc.getMap('items').size === 1, 'probe has the plan')
    const snap = await call<Snapshot>(server, 'POST', `${base}/snapshots`, {
      token: r.editorToken,
      body: { name: 'Q3 steering review' },
    })
    expect(snap.status).toBe(201)

    rm.features.update(audit, { start: '2026-04-16', end: '2026-05-04' })
    rm.features.delete(sso)
    rm.risks.create({ title: 'Vendor lock-in' })
    await until(probe.doc, () => probe.doc.getMap('risks').size === 1, 'probe has the edits')

    const json = await call<RoadmapComparison>(
      server,
      'GET',
      `${base}/compare?from=${snap.body.id}`,
      {
        token: r.viewerToken,
      },
    )
    expect(json.status).toBe(200)
    const lines = json.body.changes.map((c) => `${c.type} ${c.kind} ${c.title}`)
    expect(lines).toEqual(
      expect.arrayContaining([
        'slipped features Audit log',
        'removed features SSO',
        'added risks Vendor lock-in',
      ]),
    )
    expect(json.body.features.find((f) => f.id === audit)?.before?.start).toBe('2026-04-06')
    const md = await call(server, 'GET', `${base}/compare?from=${snap.body.id}&to=now&format=md`, {
      token: r.viewerToken,
    })
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.text).toContain('Feature **Audit log** slipped 10 days')
    expect(md.text).toContain('Risk **Vendor lock-in**')
    const same = await call(
      server,
      'GET',
      `${base}/compare?from=${snap.body.id}&to=${snap.body.id}&format=md`,
      owner,
    )
    expect(same.text).toContain('No changes.')

    const back = await call(server, 'POST', `${base}/snapshots/${snap.body.id}/restore-entity`, {
      ...owner,
      body: { kind: 'features', id: sso },
    })
    expect(back.body).toEqual({ kind: 'features', id: sso, items: 1 })
    await until(
      probe.doc,
      () => probe.doc.getMap('items').size === 1,
      'the feature and its item are back',
    )
    expect(readRoadmap(probe.doc).features.find((f) => f.id === sso)?.title).toBe('SSO')
    const editor = await call(server, 'POST', `${base}/snapshots/${snap.body.id}/restore-entity`, {
      token: r.editorToken,
      body: { kind: 'features', id: sso },
    })
    expect(editor.status).toBe(403)

    const restored = await call(server, 'POST', `${base}/snapshots/${snap.body.id}/restore`, owner)
    expect(restored.status).toBe(200)
    await until(
      probe.doc,
      () => readRoadmap(probe.doc).features.find((f) => f.id === audit)?.start === '2026-04-06',
      'the restore reached the peer',
    )
    const list = await call<SnapshotList>(server, 'GET', `${base}/snapshots`, owner)
    expect(list.body.snapshots.map((s) => s.name)).toContain('Before restore')
    // The restore moved Audit log back: the ledger records it like any other date change.
    const moves = readSlipLedger(probe.doc).filter((e) => e.id === audit)
    // (Entries of one second are ordered by key, so compare them as a set.)
    expect(moves.map((e) => `${e.from.start} → ${e.to.start}`).sort()).toEqual([
      '2026-04-06 → 2026-04-16',
      '2026-04-16 → 2026-04-06',
    ])

    const meta = await call<RoadmapMeta>(server, 'GET', base, owner)
    expect(meta.body.historyBytes).toBeGreaterThan(0)
    const metrics = await call(server, 'GET', '/metrics')
    const gauge = /^meridian_history_bytes (\d+)$/m.exec(metrics.text)
    expect(Number(gauge?.[1])).toBeGreaterThanOrEqual(meta.body.historyBytes)
  })
})

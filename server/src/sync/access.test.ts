import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
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
import { CLOSE } from './closeCodes.js'
import { MESSAGE, SYNC, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.js'

const isType =
  (type: number, sub?: number) =>
  (f: Uint8Array): boolean =>
    f[0] === type && (sub === undefined || f[1] === sub)

function authReason(f: Uint8Array): string {
  const d = decoding.createDecoder(f)
  decoding.readVarUint(d)
  decoding.readVarUint(d)
  return decoding.readVarString(d)
}

function anUpdate(key: string, value: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('features').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

describe('roles and links on the socket', () => {
  let server: MeridianServer
  let dir: string
  const providers: WebsocketProvider[] = []
  const raws: RawClient[] = []
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const setup = async (): Promise<void> => {
    dir = tempDir()
    server = await start(dir)
  }
  const raw = (id: string, token: string): RawClient => {
    const r = new RawClient(server, id, token)
    raws.push(r)
    return r
  }

  it('refuses a bad token with 401 before the upgrade', async () => {
    await setup()
    const r = await create(server)
    const status = await bounded(
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/${r.id}?token=wrong`)
        ws.on('unexpected-response', (_req, res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => {
            expect(JSON.parse(body)).toMatchObject({ error: { code: 'unauthorized' } })
            resolve(res.statusCode ?? 0)
          })
        })
        ws.on('error', () => {})
      }),
      '401',
    )
    expect(status).toBe(401)
    const other = await create(server, 'Other')
    // A valid token of another roadmap is no token for this one.
    await expect(raw(r.id, other.ownerToken).opened).rejects.toThrow('HTTP 401')
    await expect(raw('nosuchroadmap', r.ownerToken).opened).rejects.toThrow('HTTP 404')
  })

  it("drops a viewer's document changes and tells it so, but answers its sync step 1", async () => {
    await setup()
    const r = await create(server)
    const editor = provider(server, r.id, r.editorToken)
    providers.push(editor)
    await synced(editor)
    const v = raw(r.id, r.viewerToken)
    await v.opened
    await v.next(isType(MESSAGE.sync, SYNC.step1), 'server step 1')
    v.send(encodeSyncStep1(Uint8Array.of(0)))
    const step2 = await v.next(isType(MESSAGE.sync, SYNC.step2), 'step 2')
    expect(step2.byteLength).toBeGreaterThan(10)

    v.send(encodeUpdate(anUpdate('evil', 'update')))
    v.send(encodeSyncStep2(anUpdate('evil2', 'step2')))
    const denied = await v.next(isType(MESSAGE.auth), 'permission denied')
    expect(authReason(denied)).toBe('read-only')
    // Nothing reached the editor, nothing was stored: an editor's change still flows.
    editor.doc.getMap('features').set('good', 'yes')
    const seen = await v.next(
      (f) => isType(MESSAGE.sync, SYNC.update)(f) && Buffer.from(f).includes('good'),
      'editor update',
    )
    expect(Buffer.from(seen).includes('evil')).toBe(false)
    expect(editor.doc.getMap('features').has('evil')).toBe(false)
    const exported = await call<{ features: Record<string, unknown> }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}/export`,
      { token: r.ownerToken },
    )
    expect(exported.status).toBe(200)
    const fresh = provider(server, r.id, r.ownerToken)
    providers.push(fresh)
    await synced(fresh)
    expect(fresh.doc.getMap('features').has('evil')).toBe(false)
    expect(fresh.doc.getMap('features').has('evil2')).toBe(false)
    expect(fresh.doc.getMap('features').get('good')).toBe('yes')
  })

  it('a viewer provider syncs and receives edits without being denied', async () => {
    await setup()
    const r = await create(server)
    const editor = provider(server, r.id, r.editorToken)
    const viewer = provider(server, r.id, r.viewerToken)
    providers.push(editor, viewer)
    await Promise.all([synced(editor), synced(viewer)])
    editor.doc.getMap('features').set('a', 1)
    editor.doc.getMap('features').delete('a')
    editor.doc.getMap('features').set('b', 2)
    await until(viewer.doc, () => viewer.doc.getMap('features').get('b') === 2, 'viewer has b')
    // Reconnecting sends the viewer's whole delete set back: not a change, not refused.
    viewer.disconnect()
    viewer.connect()
    await synced(viewer)
    editor.doc.getMap('features').set('c', 3)
    await until(viewer.doc, () => viewer.doc.getMap('features').get('c') === 3, 'viewer has c')
    const dropped = (await server.metrics.dropped.get()).values.filter(
      (v) => v.labels.reason === 'read-only',
    )
    expect(dropped.reduce((n, v) => n + v.value, 0)).toBe(0)
  })

  it('revoking a link closes its sockets with 4401 and refuses it afterwards', async () => {
    await setup()
    const r = await create(server)
    const link = await call<{ linkId: string; token: string; url: string }>(
      server,
      'POST',
      `/api/roadmaps/${r.id}/links`,
      {
        token: r.ownerToken,
        body: { role: 'editor', label: 'PM' },
      },
    )
    expect(link.status).toBe(201)
    expect(link.body.url).toContain(`/r/${r.id}?token=`)
    const c = raw(r.id, link.body.token)
    const keep = raw(r.id, r.editorToken)
    await Promise.all([c.opened, keep.opened])
    const listed = await call<{
      links: { linkId: string; connections: number; label: string | null }[]
    }>(server, 'GET', `/api/roadmaps/${r.id}/links`, { token: r.ownerToken })
    expect(listed.body.links).toHaveLength(4)
    expect(listed.body.links.find((l) => l.linkId === link.body.linkId)).toMatchObject({
      connections: 1,
      label: 'PM',
    })
    expect(JSON.stringify(listed.body)).not.toContain(link.body.token)
    const del = await call(server, 'DELETE', `/api/roadmaps/${r.id}/links/${link.body.linkId}`, {
      token: r.ownerToken,
    })
    expect(del.status).toBe(200)
    expect(await c.closed).toEqual({ code: CLOSE.revoked.code, reason: CLOSE.revoked.reason })
    await expect(raw(r.id, link.body.token).opened).rejects.toThrow('HTTP 401')
    expect(keep.ws.readyState).toBe(WebSocket.OPEN)
  })

  it("closes an expired link's sockets with 4403", async () => {
    await setup()
    const r = await create(server)
    const expiresAt = Date.now() + 400
    const link = await call<{ token: string }>(server, 'POST', `/api/roadmaps/${r.id}/links`, {
      token: r.ownerToken,
      body: { role: 'viewer', expiresAt },
    })
    const c = raw(r.id, link.body.token)
    await c.opened
    expect((await c.closed).code).toBe(CLOSE.expired.code)
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt)
    await expect(raw(r.id, link.body.token).opened).rejects.toThrow('HTTP 401')
  })
})

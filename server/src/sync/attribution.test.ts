// Acceptances carry the name of the connection that made them (attribution.ts), over a real
// server and real sockets.
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { MeridianServer } from '../app.js'
import type { CreatedLink } from '@meridian/protocol'
import { call, create, provider, start, synced, tempDir, until } from '../testing/harness.js'

const open: { server: MeridianServer; dir: string; providers: WebsocketProvider[] }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    for (const p of o.providers) p.destroy()
    await o.server.close()
    fs.rmSync(o.dir, { recursive: true, force: true })
  }
})

const named = (server: MeridianServer, id: string, token: string, name: string) =>
  new WebsocketProvider(server.url.replace('http', 'ws') + '/ws', id, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token, name },
  })

const acceptedBy = (doc: Y.Doc, id: string): unknown =>
  (doc.getMap('items').get(id) as Y.Map<unknown> | undefined)?.get('acceptedBy')

describe('who accepted an item', () => {
  it('is the connection’s name, whatever its client wrote', async () => {
    const dir = tempDir()
    const server = await start(dir)
    const r = await create(server)
    const dana = named(server, r.id, r.editorToken, 'Dana')
    const other = provider(server, r.id, r.viewerToken)
    open.push({ server, dir, providers: [dana, other] })
    await Promise.all([synced(dana), synced(other)])

    const item = new Y.Map<unknown>()
    item.set('title', 'Checkout')
    item.set('status', 'todo')
    item.set('acceptedBy', null)
    dana.doc.getMap('items').set('item-1', item)
    await until(other.doc, () => acceptedBy(other.doc, 'item-1') === null, 'the item')

    // Dana's client claims someone else accepted it.
    dana.doc.transact(() => {
      item.set('status', 'done')
      item.set('acceptedBy', 'Mallory')
    })
    await until(other.doc, () => acceptedBy(other.doc, 'item-1') === 'Dana', 'the correction')
    await until(dana.doc, () => acceptedBy(dana.doc, 'item-1') === 'Dana', 'Dana told')

    // What a newcomer loads is the corrected value, too.
    const later = provider(server, r.id, r.viewerToken)
    open[0].providers.push(later)
    await synced(later)
    expect(acceptedBy(later.doc, 'item-1')).toBe('Dana')
  })

  it('leaves others’ acceptances alone when a client resends them', async () => {
    const dir = tempDir()
    const server = await start(dir)
    const r = await create(server)
    const lee = named(server, r.id, r.editorToken, 'Lee')
    open.push({ server, dir, providers: [lee] })
    await synced(lee)
    const item = new Y.Map<unknown>()
    item.set('status', 'done')
    item.set('acceptedBy', 'Lee')
    lee.doc.getMap('items').set('item-1', item)

    // Dana reconnects with a copy of the document holding Lee's acceptance.
    const dana = named(server, r.id, r.editorToken, 'Dana')
    open[0].providers.push(dana)
    await until(dana.doc, () => acceptedBy(dana.doc, 'item-1') === 'Lee', 'Lee’s acceptance')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(dana.doc))
    dana.destroy()
    const again = new WebsocketProvider(server.url.replace('http', 'ws') + '/ws', r.id, copy, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: r.editorToken, name: 'Dana' },
    })
    const check = provider(server, r.id, r.viewerToken)
    open[0].providers.push(again, check)
    await Promise.all([synced(again), synced(check)])
    // Dana's frames are handled in order: once her next edit arrives, her sync reply has been.
    again.doc.getMap('m').set('after', true)
    await until(check.doc, () => check.doc.getMap('m').get('after') === true, 'the next edit')
    expect(acceptedBy(check.doc, 'item-1')).toBe('Lee')
  })

  it('is a personal link’s person, whatever name its client sends', async () => {
    const dir = tempDir()
    const server = await start(dir)
    const r = await create(server)
    const link = await call<CreatedLink>(server, 'POST', `/api/roadmaps/${r.id}/links`, {
      token: r.ownerToken,
      body: { role: 'editor', personName: 'Dana Reyes' },
    })
    const dana = named(server, r.id, link.body.token, 'Someone else')
    open.push({ server, dir, providers: [dana] })
    await synced(dana)
    const item = new Y.Map<unknown>()
    dana.doc.getMap('items').set('item-1', item)
    item.set('status', 'done')
    item.set('acceptedBy', 'Someone else')
    await until(dana.doc, () => acceptedBy(dana.doc, 'item-1') === 'Dana Reyes', 'the stamp')
  })
})

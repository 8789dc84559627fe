import fs from 'node:fs'
import { once } from 'node:events'
import type net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import WebSocket from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import type { MeridianServer } from '../app.js'
import type { Config } from '../config.js'
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
import { encodeUpdate } from './protocol.js'

describe('roadmap lifecycle', () => {
  let server: MeridianServer | null = null
  let dir = ''
  const providers: WebsocketProvider[] = []
  const raws: RawClient[] = []
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy()
    for (const r of raws.splice(0)) r.ws.terminate()
    await server?.close()
    server = null
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const setup = async (over: Partial<Config> = {}): Promise<MeridianServer> => {
    dir = tempDir()
    server = await start(dir, over)
    return server
  }

  it('unloads a roadmap nobody is connected to after the grace period, and reloads it whole', async () => {
    const s = await setup({ unloadGraceMs: 50 })
    const r = await create(s)
    const a = provider(s, r.id, r.editorToken)
    await synced(a)
    for (let i = 0; i < 300; i++) a.doc.getMap('m').set(`k${i}`, i)
    const probe = provider(s, r.id, r.viewerToken)
    await until(probe.doc, () => probe.doc.getMap('m').size === 300, 'relayed')
    const unloaded = once(s.rooms.events, 'unloaded')
    a.destroy()
    probe.destroy()
    expect(await bounded(unloaded, 'unload')).toEqual([r.id])
    expect(s.rooms.peek(r.id)).toBeUndefined()
    const b = provider(s, r.id, r.viewerToken)
    providers.push(b)
    await synced(b)
    expect(b.doc.getMap('m').size).toBe(300)
  })

  it('takes automatic snapshots once edits have gone on long enough', async () => {
    const s = await setup({ autoSnapshotMs: 0 })
    const r = await create(s)
    const a = provider(s, r.id, r.editorToken)
    const b = provider(s, r.id, r.editorToken)
    providers.push(a, b)
    await Promise.all([synced(a), synced(b)])
    a.doc.getMap('m').set('x', 1)
    await until(b.doc, () => b.doc.getMap('m').get('x') === 1, 'relayed')
    const list = await call<{ snapshots: { kind: string }[] }>(
      s,
      'GET',
      `/api/roadmaps/${r.id}/snapshots`,
      {
        token: r.viewerToken,
      },
    )
    expect(list.body.snapshots.map((x) => x.kind)).toContain('auto')
  })

  it('closes a slow consumer before its backlog grows without bound', async () => {
    const s = await setup({ slowConsumerBytes: 256 * 1024, maxPayload: 4 * 1024 * 1024 })
    const r = await create(s)
    const slow = new RawClient(s, r.id, r.viewerToken)
    const writer = new RawClient(s, r.id, r.editorToken)
    const healthy = provider(s, r.id, r.viewerToken)
    raws.push(slow, writer)
    providers.push(healthy)
    await Promise.all([slow.opened, writer.opened, synced(healthy)])
    const socket = (slow.ws as unknown as { _socket: net.Socket })._socket
    socket.pause()
    const closed = new Promise<string>((resolve) => {
      s.rooms.events.on('closed', (_c, kind) => {
        if (kind === 'slowConsumer') resolve(kind)
      })
    })
    let stop = false
    void closed.then(() => (stop = true))
    const doc = new Y.Doc()
    const big = 'x'.repeat(200_000)
    // Write until the server gives up on the paused client; each round waits for the healthy
    // client to have it, so the server is never the one that is behind.
    for (let i = 0; i < 400 && !stop; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getMap('m').set(`k${i}`, big)
      writer.send(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))
      await until(healthy.doc, () => healthy.doc.getMap('m').has(`k${i}`), `update ${i}`)
    }
    expect(await bounded(closed, 'slow consumer closed')).toBe('slowConsumer')
    socket.resume()
    expect((await slow.closed).code).not.toBe(CLOSE.goingAway.code)
    expect(healthy.wsconnected).toBe(true)
  })

  it('closes a connection that stops answering pings, and only that one', async () => {
    const s = await setup({ heartbeatMs: 250 })
    const r = await create(s)
    const url = `${s.url.replace('http', 'ws')}/ws/${r.id}?token=${r.editorToken}`
    const deaf = new WebSocket(url, { autoPong: false })
    const healthy = provider(s, r.id, r.viewerToken)
    providers.push(healthy)
    await Promise.all([once(deaf, 'open'), synced(healthy)])
    const [code] = (await bounded(once(deaf, 'close'), 'deaf closed')) as [number]
    expect([CLOSE.noHeartbeat.code, 1006]).toContain(code)
    expect(healthy.wsconnected).toBe(true)
  })

  it('closes sockets with 1001 on shutdown, after storing everything', async () => {
    const s = await setup()
    const r = await create(s)
    const c = new RawClient(s, r.id, r.editorToken)
    const watcher = new RawClient(s, r.id, r.viewerToken)
    raws.push(c, watcher)
    await Promise.all([c.opened, watcher.opened])
    const doc = new Y.Doc()
    doc.getMap('m').set('last', 'word')
    c.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    // Relayed means stored: then shut down.
    await watcher.next((f) => Buffer.from(f).includes('word'), 'relayed')
    const closing = s.close()
    expect((await c.closed).code).toBe(CLOSE.goingAway.code)
    await closing
    server = await start(dir)
    const p = provider(server, r.id, r.viewerToken)
    providers.push(p)
    await synced(p)
    expect(p.doc.getMap('m').get('last')).toBe('word')
  })
})

import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { MeridianServer } from '../app.js'
import { atFirstSync, create, provider, start, synced, tempDir, until } from '../testing/harness.js'

describe('sync over y-websocket', () => {
  const servers: MeridianServer[] = []
  const providers: WebsocketProvider[] = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const p of providers.splice(0)) {
      p.destroy()
      p.doc.destroy()
    }
    for (const s of servers.splice(0)) await s.close()
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })
  const dir = (): string => {
    const d = tempDir()
    dirs.push(d)
    return d
  }

  it('two providers converge through the server', async () => {
    const server = await start(dir())
    servers.push(server)
    const r = await create(server)
    const a = provider(server, r.id, r.editorToken)
    const b = provider(server, r.id, r.ownerToken)
    providers.push(a, b)
    await Promise.all([synced(a), synced(b)])
    // The created roadmap arrives with its title.
    expect(a.doc.getMap('roadmap').get('title')).toBe('Test roadmap')
    a.doc.transact(
      () => a.doc.getMap('features').set('f1', new Y.Map([['title', 'From A']])),
      'test',
    )
    b.doc.transact(() => b.doc.getMap('lanes').set('l1', new Y.Map([['name', 'From B']])), 'test')
    b.doc.getText('t').insert(0, 'hello')
    await until(
      a.doc,
      () => a.doc.getMap('lanes').has('l1') && a.doc.getText('t').toString() === 'hello',
      'a has b',
    )
    await until(b.doc, () => b.doc.getMap('features').has('f1'), 'b has a')
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc))
  })

  it('a provider connecting after a restart has everything at its first synced', async () => {
    const d = dir()
    let server = await start(d)
    const r = await create(server)
    const a = provider(server, r.id, r.editorToken)
    providers.push(a)
    await synced(a)
    const features = a.doc.getMap<Y.Map<unknown>>('features')
    for (let i = 0; i < 200; i++) {
      a.doc.transact(
        () => features.set(`f${i}`, new Y.Map<unknown>([['title', `Feature ${i}`]])),
        'test',
      )
    }
    // The server has stored an update once another client has received it.
    const probe = provider(server, r.id, r.viewerToken)
    providers.push(probe)
    await until(probe.doc, () => probe.doc.getMap('features').size === 200, 'probe has all')
    a.destroy()
    probe.destroy()
    await server.close()

    server = await start(d)
    servers.push(server)
    const c = provider(server, r.id, r.viewerToken)
    providers.push(c)
    expect(await atFirstSync(c, (doc) => doc.getMap('features').size)).toBe(200)
    expect(c.doc.getMap('roadmap').get('title')).toBe('Test roadmap')
  })

  it('a killed server (no graceful stop) keeps every relayed update', async () => {
    const d = dir()
    const server = await start(d)
    const r = await create(server)
    const a = provider(server, r.id, r.editorToken)
    const b = provider(server, r.id, r.editorToken)
    providers.push(a, b)
    await Promise.all([synced(a), synced(b)])
    for (let i = 0; i < 50; i++) a.doc.getMap('m').set(`k${i}`, i)
    await until(b.doc, () => b.doc.getMap('m').size === 50, 'relayed')
    // Open the same files from a second store while the first still runs: what a restart
    // after kill -9 would see (WAL included).
    const again = await start(d)
    servers.push(again, server)
    const c = provider(again, r.id, r.viewerToken)
    providers.push(c)
    await synced(c)
    expect(c.doc.getMap('m').size).toBe(50)
  })

  it('marks awareness states with the role of the connection', async () => {
    const server = await start(dir())
    servers.push(server)
    const r = await create(server)
    const editor = provider(server, r.id, r.editorToken)
    const viewer = provider(server, r.id, r.viewerToken)
    providers.push(editor, viewer)
    await Promise.all([synced(editor), synced(viewer)])
    viewer.awareness.setLocalState({ user: { name: 'Stakeholder', role: 'editor' } })
    editor.awareness.setLocalState({ user: { name: 'Dev', role: 'owner' } })
    const roleOf = (p: WebsocketProvider, id: number): unknown =>
      (p.awareness.getStates().get(id) as { user?: { role?: unknown } } | undefined)?.user?.role
    await bounded(editor, () => roleOf(editor, viewer.awareness.clientID) === 'viewer')
    await bounded(viewer, () => roleOf(viewer, editor.awareness.clientID) === 'editor')
  })
})

function bounded(p: WebsocketProvider, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('awareness timeout')), 15_000)
    const h = (): void => {
      if (!check()) return
      clearTimeout(timer)
      p.awareness.off('change', h)
      resolve()
    }
    p.awareness.on('change', h)
  })
}

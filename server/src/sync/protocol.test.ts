import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type net from 'node:net'
import type { WebsocketProvider } from 'y-websocket'
import type { MeridianServer } from '../app.js'
import { RawClient, create, provider, start, synced, tempDir, until } from '../testing/harness.js'
import type { Created } from '../testing/harness.js'
import { CLOSE } from './closeCodes.js'
import { MESSAGE, SYNC, encodeAwareness, encodeSyncStep1, encodeUpdate } from './protocol.js'

const isUpdateWith =
  (text: string) =>
  (f: Uint8Array): boolean =>
    f[0] === MESSAGE.sync && f[1] === SYNC.update && Buffer.from(f).includes(text)

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder()
  for (const p of parts) p(e)
  return encoding.toUint8Array(e)
}

describe('protocol robustness', () => {
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
  const setup = async (maxPayload = 64 * 1024): Promise<Created> => {
    dir = tempDir()
    server = await start(dir, { maxPayload })
    return create(server)
  }
  const raw = (id: string, token: string): RawClient => {
    const r = new RawClient(server, id, token)
    raws.push(r)
    return r
  }

  const BAD: [string, Uint8Array][] = [
    ['an empty frame', new Uint8Array(0)],
    ['an unknown message type', frame((e) => encoding.writeVarUint(e, 9))],
    [
      'an unknown sync message',
      frame(
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint(e, 7),
      ),
    ],
    ['a truncated update', encodeUpdate(Uint8Array.of(5, 200, 1)).subarray(0, 4)],
    ['an update of garbage', encodeUpdate(Uint8Array.of(1, 1, 200, 200, 200, 1, 9, 9, 9, 9))],
    ['a garbage state vector', encodeSyncStep1(Uint8Array.of(3, 255, 255))],
    ['garbage awareness', encodeAwareness(Uint8Array.of(1, 2))],
  ]

  for (const [what, bad] of BAD) {
    it(`closes only the socket that sent ${what} (4400), the room goes on`, async () => {
      const r = await setup()
      const a = provider(server, r.id, r.editorToken)
      const b = provider(server, r.id, r.editorToken)
      providers.push(a, b)
      await Promise.all([synced(a), synced(b)])
      const evil = raw(r.id, r.editorToken)
      await evil.opened
      evil.send(bad)
      expect(await evil.closed).toEqual({
        code: CLOSE.protocolError.code,
        reason: CLOSE.protocolError.reason,
      })
      a.doc.getMap('m').set('after', what)
      await until(b.doc, () => b.doc.getMap('m').get('after') === what, 'b still syncs')
    })
  }

  it('refuses an update that decodes but does not integrate: not stored, not relayed', async () => {
    // A sync step 2 found by the protocol fuzzer (tests/integration): it decodes, but
    // applying it throws inside Yjs. Relayed, it would break every client that applies it.
    const poison = fs.readFileSync(new URL('./fixtures/unintegrable-step2.bin', import.meta.url))
    const r = await setup()
    const a = provider(server, r.id, r.editorToken)
    providers.push(a)
    await synced(a)
    const evil = raw(r.id, r.editorToken)
    await evil.opened
    evil.send(poison)
    expect((await evil.closed).code).toBe(CLOSE.protocolError.code)
    a.doc.getMap('m').set('after', 1)
    const fresh = provider(server, r.id, r.ownerToken)
    providers.push(fresh)
    await synced(fresh)
    await until(fresh.doc, () => fresh.doc.getMap('m').get('after') === 1, 'later edits flow')
    expect(fresh.doc.getMap('features').size).toBe(0)
  })

  it('takes updates out of order: a gap does not make the missing part look old', async () => {
    const r = await setup()
    const watcher = provider(server, r.id, r.viewerToken)
    providers.push(watcher)
    await synced(watcher)
    const x = new Y.Doc()
    x.clientID = 77
    const parts: Uint8Array[] = []
    x.on('update', (u: Uint8Array) => parts.push(u))
    x.getText('t').insert(0, 'first ')
    x.getText('t').insert(6, 'second')
    const sender = raw(r.id, r.editorToken)
    await sender.opened
    sender.send(encodeUpdate(parts[1]))
    sender.send(encodeUpdate(parts[0]))
    await until(watcher.doc, () => watcher.doc.getText('t').length === 12, 'both')
    expect(watcher.doc.getText('t').toString()).toEqual('first second')
  })

  it('closes an oversized frame with 1009 and keeps the room', async () => {
    const r = await setup(16 * 1024)
    const a = provider(server, r.id, r.editorToken)
    providers.push(a)
    await synced(a)
    const big = raw(r.id, r.editorToken)
    await big.opened
    big.send(new Uint8Array(64 * 1024))
    expect((await big.closed).code).toBe(1009)
    // Someone else in the room (another link: the closed one is refused from this address
    // for a while, sync/penaltyBox.ts).
    const ok = raw(r.id, r.viewerToken)
    await ok.opened
    a.doc.getMap('m').set('k', 'still-here')
    await ok.next(isUpdateWith('still-here'), 'update after oversize')
  })

  it('relays one merged frame per turn and no echo to the sender', async () => {
    const r = await setup()
    const sender = raw(r.id, r.editorToken)
    const watcher = raw(r.id, r.editorToken)
    await Promise.all([sender.opened, watcher.opened])
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 20; i++) doc.getMap('m').set(`k${i}`, `v${i}`)
    // All twenty in one write: they arrive in one turn of the server's event loop.
    const socket = (sender.ws as unknown as { _socket: net.Socket })._socket
    socket.cork()
    for (const u of updates) sender.send(encodeUpdate(u))
    socket.uncork()
    await watcher.next(isUpdateWith('v19'), 'last update')
    const relayed = watcher.frames.filter((f) => f[0] === MESSAGE.sync && f[1] === SYNC.update)
    expect(relayed.length).toBe(1)
    const check = new Y.Doc()
    for (const f of relayed) {
      const d = decoding.createDecoder(f)
      decoding.readVarUint(d)
      decoding.readVarUint(d)
      Y.applyUpdate(check, decoding.readVarUint8Array(d))
    }
    expect(check.getMap('m').size).toBe(20)
    // The sender got no copy of its own updates.
    expect(sender.frames.some((f) => f[0] === MESSAGE.sync && f[1] === SYNC.update)).toBe(false)
  })

  it('never lets a client present another role through awareness, nor remove another client', async () => {
    const r = await setup()
    const a = raw(r.id, r.editorToken)
    const b = raw(r.id, r.editorToken)
    await Promise.all([a.opened, b.opened])
    const aw = (clientId: number, clock: number, state: string): Uint8Array =>
      frame(
        (e) => encoding.writeVarUint(e, 1),
        (e) => encoding.writeVarUint(e, clientId),
        (e) => encoding.writeVarUint(e, clock),
        (e) => encoding.writeVarString(e, state),
      )
    a.send(encodeAwareness(aw(111, 1, JSON.stringify({ user: { name: 'A', role: 'owner' } }))))
    const got = await b.next(
      (f) => f[0] === MESSAGE.awareness && Buffer.from(f).includes('"A"'),
      'a awareness',
    )
    expect(Buffer.from(got).toString()).toContain('"role":"editor"')
    // The sender hears its own state back too: for a client alone in a roadmap this is the
    // message that tells y-websocket the connection is alive.
    const echo = await a.next(
      (f) => f[0] === MESSAGE.awareness && Buffer.from(f).includes('"A"'),
      'own awareness echoed',
    )
    expect(Buffer.from(echo).toString()).toContain('"role":"editor"')
    // b tries to remove a's state: ignored.
    b.send(encodeAwareness(aw(111, 5, 'null')))
    a.send(encodeAwareness(aw(111, 2, JSON.stringify({ user: { name: 'A2' } }))))
    await b.next((f) => f[0] === MESSAGE.awareness && Buffer.from(f).includes('"A2"'), 'a renewed')
  })
})

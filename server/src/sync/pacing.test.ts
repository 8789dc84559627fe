import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { MeridianServer } from '../app.js'
import { RawClient, create, start, tempDir } from '../testing/harness.js'
import { REAL_CLOCK } from './clock.js'
import type { Clock } from './clock.js'
import { FanoutPacer, MAX_HOLD_MS } from './pacer.js'
import { MESSAGE, SYNC, encodeSyncStep1, encodeUpdate } from './protocol.js'
import type { Room } from './room.js'

describe('fan-out pacing', () => {
  it('waits after a relay about as long as the relay took, and not at all when it is cheap', () => {
    const p = new FanoutPacer(1)
    expect(p.delay(0)).toBeLessThanOrEqual(0)
    // A room whose relays keep taking 3 ms: the estimate converges on 3 ms.
    for (let i = 0; i < 40; i++) p.relayed(i * 10, i * 10 + 3)
    const end = 39 * 10 + 3
    expect(p.delay(end)).toBeCloseTo(3, 1)
    expect(p.delay(end + 2)).toBeCloseTo(1, 1)
    expect(p.delay(end + 3.5)).toBeLessThan(0)
    // One slow relay (a GC pause) moves the estimate only part of the way.
    p.relayed(400, 430)
    expect(p.delay(430)).toBeLessThan(MAX_HOLD_MS + 0.01)
    const cheap = new FanoutPacer(1)
    for (let i = 0; i < 40; i++) cheap.relayed(i, i + 0.02)
    expect(cheap.delay(39.02)).toBeLessThan(0.5)
  })

  it('scales with the hold factor, never waits past the cap, and is off at 0', () => {
    const twice = new FanoutPacer(2)
    const off = new FanoutPacer(0)
    for (let i = 0; i < 40; i++) {
      twice.relayed(i * 10, i * 10 + 2)
      off.relayed(i * 10, i * 10 + 2)
    }
    expect(twice.delay(392)).toBeCloseTo(4, 1)
    expect(off.delay(392)).toBeLessThanOrEqual(0)
    const slow = new FanoutPacer(4)
    for (let i = 0; i < 40; i++) slow.relayed(i * 100, i * 100 + 50)
    expect(slow.delay(3950)).toBeCloseTo(MAX_HOLD_MS, 5)
  })

  describe('on a live roadmap', () => {
    let server: MeridianServer
    let dir: string
    const raws: RawClient[] = []
    afterEach(async () => {
      for (const r of raws.splice(0)) r.ws.terminate()
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    const isUpdate = (f: Uint8Array): boolean => f[0] === MESSAGE.sync && f[1] === SYNC.update
    const edit = (key: string): Uint8Array => {
      const doc = new Y.Doc()
      doc.getMap('features').set(key, new Y.Map([['title', key]]))
      return Y.encodeStateAsUpdate(doc)
    }

    it('sends what arrives while a busy roadmap waits as one message, losing nothing', async () => {
      dir = tempDir()
      // Real sockets and timers; the pacing's time stands still while `held`, so the hold
      // cannot run out however slowly this machine handles the frames.
      let held: number | null = null
      const clock: Clock = { ...REAL_CLOCK, monotonic: () => held ?? performance.now() }
      server = await start(dir, {}, undefined, null, clock)
      const r = await create(server)
      const [a, b, c] = ['A', 'B', 'C'].map(() => new RawClient(server, r.id, r.editorToken))
      raws.push(a, b, c)
      for (const x of [a, b, c]) {
        await x.opened
        x.send(encodeSyncStep1(Uint8Array.of(0)))
        await x.next((f) => f[0] === MESSAGE.sync && f[1] === SYNC.step2, 'sync step 2')
      }
      const room = server.rooms.peek(r.id) as Room
      // As if each relay of this roadmap took the longest a pause may be: its next one waits.
      held = performance.now()
      for (let i = 0; i < 30; i++) room.pacer.relayed(held - MAX_HOLD_MS, held)
      // Each edit reaches the room while it waits; nothing goes out.
      const arrived = async (n: number): Promise<void> => {
        while (room.pendingUpdates < n && !c.frames.some(isUpdate)) {
          await new Promise((resolve) => setImmediate(resolve))
        }
      }
      a.send(encodeUpdate(edit('from-a')))
      await arrived(1)
      b.send(encodeUpdate(edit('from-b')))
      await arrived(2)
      expect(c.frames.filter(isUpdate)).toHaveLength(0)
      held = null
      const got = await c.next(isUpdate, 'the relayed edits')
      const d = decoding.createDecoder(got)
      decoding.readVarUint(d)
      decoding.readVarUint(d)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, decoding.readVarUint8Array(d))
      expect([...doc.getMap('features').keys()].sort()).toEqual(['from-a', 'from-b'])
      expect(c.frames.filter(isUpdate)).toHaveLength(1)
      // One relay: one socket write to each of the three.
      expect((await server.metrics.relays.get()).values[0].value).toBe(1)
      expect((await server.metrics.relayWrites.get()).values[0].value).toBe(3)
      // And both were stored before they went out.
      const stored = await server.store.loadDoc(r.id)
      const all = new Y.Doc()
      for (const u of [stored.state, ...stored.updates]) if (u) Y.applyUpdate(all, u)
      expect(all.getMap('features').has('from-a')).toBe(true)
      expect(all.getMap('features').has('from-b')).toBe(true)
    })
  })
})

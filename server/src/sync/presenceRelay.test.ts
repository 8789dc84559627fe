// The presence relay path over in-memory sockets (server/src/testing/roomWorld.ts): what one
// turn's presence costs each recipient, and that a state the server leaves as it was reaches
// the others as the bytes its client sent.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { world as newWorld } from '../testing/roomWorld.js'
import { PRESENCE_TICK_MS } from './presenceTick.js'
import type { Client } from '../testing/roomWorld.js'
import { MESSAGE } from './protocol.js'
import type { Rooms } from './rooms.js'

const worlds: Rooms[] = []
afterEach(async () => {
  for (const rooms of worlds.splice(0)) await rooms.closeAll()
})

const world = async (): ReturnType<typeof newWorld> => {
  const w = await newWorld()
  worlds.push(w.rooms)
  return w
}

/** Each awareness message `c` received: its entries, the state's bytes as they arrived. */
const entriesOf = (c: Client): { clientId: number; clock: number; json: Uint8Array }[][] =>
  c.frames('awareness').map((f) => {
    if (!('payload' in f)) return []
    const d = decoding.createDecoder(f.payload)
    return Array.from({ length: decoding.readVarUint(d) }, () => ({
      clientId: decoding.readVarUint(d),
      clock: decoding.readVarUint(d),
      json: decoding.readVarUint8Array(d),
    }))
  })

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('the presence relay', () => {
  it('sends every presence change of a turn to each recipient in one frame, one write', async () => {
    const { clock, connect } = await world()
    const watchers = [await connect(), await connect(), await connect()]
    const a = await connect('editor', 'link-a')
    const b = await connect('editor', 'link-b')
    const at = (x: number): string => JSON.stringify({ user: { role: 'editor' }, pointer: { x } })
    a.announce({ clientId: 1, clock: 1, state: at(0) })
    await clock.settle()
    const writes = [...watchers, a, b].map((c) => c.socket.writes)
    const seen = [...watchers, a, b].map((c) => entriesOf(c).length)
    // Two pointers move in one turn, one of them twice.
    b.announce({ clientId: 2, clock: 1, state: at(2) })
    a.announce({ clientId: 1, clock: 2, state: at(1) })
    a.announce({ clientId: 1, clock: 3, state: at(3) })
    await clock.settle()
    const turn = [...watchers, a, b].map((c, i) => ({
      writes: c.socket.writes - writes[i],
      messages: entriesOf(c)
        .slice(seen[i])
        .map((m) => m.map((e) => `${e.clientId}@${e.clock}`)),
    }))
    const everyone = { writes: 1, messages: [['2@1', '1@2', '1@3']] }
    // Each sender gets the others' changes of the turn, not its own (the server left them as
    // they were).
    expect(turn).toEqual([
      everyone,
      everyone,
      everyone,
      { writes: 1, messages: [['2@1']] },
      { writes: 1, messages: [['1@2', '1@3']] },
    ])
  })

  it('relays a validated state as the bytes its client sent, spacing and number forms kept', async () => {
    const { clock, connect } = await world()
    const watcher = await connect()
    const viewer = await connect('viewer', 'link-view')
    const editor = await connect('editor', 'link-ed')
    // Not what JSON.stringify would write: a re-serialised state would differ in its bytes.
    const state = '{ "user" : {"name":"Zoë","role":"editor"}, "pointer":{"x":1.50,"y":2e1} }'
    editor.announce({ clientId: 7, clock: 3, state })
    await clock.settle()
    for (const c of [watcher, viewer]) {
      const [entry] = entriesOf(c).flat()
      expect(entry).toMatchObject({ clientId: 7, clock: 3 })
      expect(Buffer.from(entry.json).equals(bytes(state))).toBe(true)
    }
    // A joiner is greeted with the same bytes.
    const late = await connect()
    const [greeting] = entriesOf(late).flat()
    expect(Buffer.from(greeting.json).equals(bytes(state))).toBe(true)
  })

  it('never passes on bytes that are not UTF-8: the others get the text they decode to', async () => {
    const { clock, connect } = await world()
    const watcher = await connect()
    const editor = await connect('editor', 'link-ed')
    const json = new Uint8Array([
      ...bytes('{"user":{"name":"'),
      0xff,
      ...bytes('","role":"editor"}}'),
    ])
    const enc = encoding.createEncoder()
    encoding.writeVarUint(enc, MESSAGE.awareness)
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, 3)
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint8Array(update, json)
    encoding.writeVarUint8Array(enc, encoding.toUint8Array(update))
    editor.send(encoding.toUint8Array(enc))
    await clock.settle()
    const [entry] = entriesOf(watcher).flat()
    const strict = new TextDecoder('utf-8', { fatal: true })
    expect(JSON.parse(strict.decode(entry.json))).toEqual({
      user: { name: '\uFFFD', role: 'editor' },
    })
  })

  it('relays a state whose role the server set as the corrected state, to its sender too', async () => {
    const { clock, connect } = await world()
    const watcher = await connect()
    const viewer = await connect('viewer', 'link-view')
    viewer.announce({ clientId: 9, clock: 1, state: '{"user":{"name":"V","role":"editor"}}' })
    await clock.settle()
    const expected = { user: { name: 'V', role: 'viewer' } }
    expect(watcher.presence()).toEqual([new Map([[9, expected]])])
    expect(viewer.presence()).toEqual([new Map([[9, expected]])])
  })

  it('holds presence on a busy server for the tick, all of it in one frame; an edit goes at once', async () => {
    const { clock, connect } = await world()
    const watcher = await connect()
    const a = await connect('editor', 'link-a')
    const b = await connect('editor', 'link-b')
    const at = (x: number): string => JSON.stringify({ user: { role: 'editor' }, pointer: { x } })
    a.announce({ clientId: 1, clock: 1, state: at(0) })
    b.announce({ clientId: 2, clock: 1, state: at(0) })
    await clock.settle()
    const seen = watcher.frames('awareness').length
    const news = (): string[][] =>
      entriesOf(watcher)
        .slice(seen)
        .map((m) => m.map((e) => `${e.clientId}@${e.clock}`))
    clock.load = 1
    a.announce({ clientId: 1, clock: 2, state: at(1) })
    await clock.advance(1)
    b.announce({ clientId: 2, clock: 2, state: at(2) })
    await clock.advance(1)
    expect(news()).toEqual([])
    await clock.advance(PRESENCE_TICK_MS)
    expect(news()).toEqual([['1@2', '2@2']])
    // An edit ends the wait: it goes with the presence held so far, in the same write.
    a.announce({ clientId: 1, clock: 3, state: at(3) })
    await clock.settle()
    const writes = watcher.socket.writes
    b.edit('k')
    await clock.settle()
    expect(watcher.socket.writes - writes).toBe(1)
    expect(watcher.relayed().at(-1)).toEqual(['k'])
    expect(news().at(-1)).toEqual(['1@3'])
    // An idle server relays presence in the turn it arrived.
    clock.load = 0
    a.announce({ clientId: 1, clock: 4, state: at(4) })
    await clock.settle()
    expect(news().at(-1)).toEqual(['1@4'])
  })
})

// Presence (awareness) through a room over in-memory sockets (server/src/testing/roomWorld.ts):
// who may speak for a client id, and what one connection may announce.
import { afterEach, describe, expect, it } from 'vitest'
import { world as newWorld } from '../testing/roomWorld.js'
import type { Client } from '../testing/roomWorld.js'
import { CLOSE } from './closeCodes.js'
import type { RoomOptions } from './host.js'
import type { Rooms } from './rooms.js'

const worlds: Rooms[] = []
afterEach(async () => {
  for (const rooms of worlds.splice(0)) await rooms.closeAll()
})

const world = async (over: Partial<RoomOptions> = {}): ReturnType<typeof newWorld> => {
  const w = await newWorld(over)
  worlds.push(w.rooms)
  return w
}

const user = (name: string) => JSON.stringify({ user: { name, color: '#123456' } })

/** Every state `c` was sent for `clientId`, in order (null: removed). */
const statesOf = (c: Client, clientId: number): unknown[] =>
  c.presence().flatMap((m) => (m.has(clientId) ? [m.get(clientId)] : []))

describe('presence in a room', () => {
  it("does not let a viewer take over an editor's client id while the editor reconnects", async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    let editor = await connect('editor', 'link-ed')
    editor.announce({ clientId: 7, clock: 1, state: user('Ed') })
    await clock.settle()
    editor.socket.terminate()
    await clock.settle()
    const viewer = await connect('viewer', 'link-view')
    viewer.announce({ clientId: 7, clock: 5, state: user('Forged') })
    await clock.settle()
    editor = await connect('editor', 'link-ed')
    editor.announce({ clientId: 7, clock: 2, state: user('Ed') })
    await clock.settle()
    const ed = { user: { name: 'Ed', color: '#123456', role: 'editor' } }
    expect(statesOf(watcher, 7)).toEqual([ed, null, ed])
    expect(statesOf(editor, 7)).toEqual([ed])
    expect(viewer.socket.isOpen).toBe(true)
  })

  it('frees a client id once the hold after its connection closed has passed', async () => {
    const { clock, connect } = await world({
      awareness: { maxClientIds: 4, maxStateBytes: 8192, claimHoldMs: 1_000 },
    })
    const watcher = await connect('editor', 'link-watcher')
    const editor = await connect('editor', 'link-ed')
    editor.announce({ clientId: 7, clock: 1, state: user('Ed') })
    await clock.settle()
    editor.socket.terminate()
    await clock.advance(1_000)
    const other = await connect('editor', 'link-other')
    other.announce({ clientId: 7, clock: 2, state: user('Olga') })
    await clock.settle()
    expect(statesOf(watcher, 7).at(-1)).toEqual({
      user: { name: 'Olga', color: '#123456', role: 'editor' },
    })
  })

  it('closes a connection announcing thousands of client ids (4413), and the others go on', async () => {
    const { clock, rooms, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const editor = await connect('editor', 'link-ed')
    const flood = await connect('viewer', 'link-flood')
    flood.announce(
      ...Array.from({ length: 5_000 }, (_, i) => ({ clientId: 1_000 + i, clock: 1, state: '{}' })),
    )
    await clock.settle()
    expect(flood.socket.closedWith).toEqual(CLOSE.presenceTooLarge)
    editor.announce({ clientId: 7, clock: 1, state: user('Ed') })
    await clock.settle()
    expect(watcher.presence().map((m) => [...m.keys()])).toEqual([[7]])
    expect([...(rooms.peek('roadmap-1')?.awareness.states.keys() ?? [])]).toEqual([7])
  })

  it('drops client ids past a connection’s allowance, and closes one with a state too large', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const many = await connect('viewer', 'link-many')
    for (let i = 1; i <= 5; i++) {
      many.announce({ clientId: 100 + i, clock: 1, state: user(`p${i}`) })
      await clock.settle()
    }
    // y-websocket clients send back every state they hear: past its allowance a connection's
    // states are dropped, and it stays.
    expect(many.socket.closedWith).toBeNull()
    const big = await connect('editor', 'link-big')
    big.announce({ clientId: 9, clock: 1, state: user('x'.repeat(9_000)) })
    await clock.settle()
    expect(big.socket.closedWith).toEqual(CLOSE.presenceTooLarge)
    const seen = new Set(watcher.presence().flatMap((m) => [...m.keys()]))
    expect([...seen].sort()).toEqual([101, 102, 103, 104])
  })

  it('keeps a client that echoes the room’s presence back, as y-websocket does', async () => {
    const { clock, connect } = await world()
    const echoer = await connect('editor', 'link-shared')
    echoer.announce({ clientId: 1, clock: 1, state: user('Me') })
    await clock.settle()
    const others = await Promise.all(
      [2, 3, 4, 5, 6, 7].map(async (id) => {
        const c = await connect('editor', 'link-shared')
        c.announce({ clientId: id, clock: 1, state: user(`p${id}`) })
        return c
      }),
    )
    await clock.settle()
    // Six other people's states and then their removals, sent back in one message each.
    echoer.announce(
      ...[2, 3, 4, 5, 6, 7].map((id) => ({ clientId: id, clock: 1, state: user(`p${id}`) })),
    )
    await clock.settle()
    for (const o of others) o.socket.close(1000, 'bye')
    await clock.settle()
    echoer.announce(...[2, 3, 4, 5, 6, 7].map((id) => ({ clientId: id, clock: 2, state: 'null' })))
    echoer.announce(...[2, 3].map((id) => ({ clientId: id, clock: 1, state: user(`p${id}`) })))
    await clock.settle()
    expect(echoer.socket.closedWith).toBeNull()
  })

  it("relays a turn's presence to each member in one frame, the validated bytes unchanged", async () => {
    const { clock, connect } = await world()
    const watcher = await connect('viewer', 'link-watcher')
    const [a, b] = [await connect('editor', 'link-a'), await connect('editor', 'link-b')]
    watcher.announce({ clientId: 3, clock: 1, state: '{"user":{"name":"W","role":"viewer"}}' })
    await clock.settle()
    for (const c of [watcher, a, b]) c.socket.received.length = 0
    // As sent: spaces and key order a re-serialisation would not keep.
    const stateA = '{"pointer": {"x": 1}, "user": {"role": "editor", "name": "A"}}'
    const stateB = '{"user":{"name":"B","role":"editor"},  "pointer":null}'
    a.announce({ clientId: 1, clock: 1, state: stateA })
    b.announce({ clientId: 2, clock: 1, state: stateB })
    await clock.settle()
    const raw = (c: Client) => c.frames('awareness').map((f) => ('payload' in f ? f.payload : null))
    const text = (c: Client) => raw(c).map((p) => Buffer.from(p ?? []).toString())
    expect(raw(watcher)).toHaveLength(1)
    expect(text(watcher)[0]).toContain(stateA)
    expect(text(watcher)[0]).toContain(stateB)
    expect(watcher.presence()[0]).toEqual(
      new Map([
        [1, JSON.parse(stateA)],
        [2, JSON.parse(stateB)],
      ]),
    )
    // Each sender gets the other's, not its own back: it hears the room's renewals anyway.
    expect(a.presence().map((m) => [...m.keys()])).toEqual([[2]])
    expect(b.presence().map((m) => [...m.keys()])).toEqual([[1]])
  })

  it('echoes presence to a sender alone in the room, or whose role the server set', async () => {
    const { clock, connect } = await world()
    const alone = await connect('editor', 'link-alone')
    alone.announce({ clientId: 1, clock: 1, state: user('Solo') })
    await clock.settle()
    expect(alone.presence().map((m) => [...m.keys()])).toEqual([[1]])
    const viewer = await connect('viewer', 'link-viewer')
    viewer.announce({
      clientId: 2,
      clock: 1,
      state: JSON.stringify({ user: { name: 'V', role: 'editor' } }),
    })
    await clock.settle()
    expect(viewer.presence().at(-1)?.get(2)).toEqual({ user: { name: 'V', role: 'viewer' } })
  })

  it("relays every presence change of a turn, two moves of one person's pointer included", async () => {
    const { clock, connect } = await world()
    const watcher = await connect('viewer', 'link-watcher')
    const a = await connect('editor', 'link-a')
    watcher.announce({ clientId: 3, clock: 1, state: '{"user":{"name":"W","role":"viewer"}}' })
    await clock.settle()
    watcher.socket.received.length = 0
    const at = (x: number) => JSON.stringify({ user: { name: 'A', role: 'editor' }, pointer: x })
    a.announce({ clientId: 1, clock: 1, state: at(1) })
    a.announce({ clientId: 1, clock: 2, state: at(2) })
    await clock.settle()
    const frames = watcher.frames('awareness')
    expect(frames).toHaveLength(1)
    const text = Buffer.from('payload' in frames[0] ? frames[0].payload : []).toString()
    expect([text.indexOf(at(1)) >= 0, text.indexOf(at(1)) < text.indexOf(at(2))]).toEqual([
      true,
      true,
    ])
  })
})

// The room as one layer: real Rooms and Room over in-memory sockets with a clock the test
// moves (server/src/testing/roomWorld.ts). What crosses real sockets and processes is in the
// protocol, access, lifecycle and pacing tests beside this one, and in tests/.
import { afterEach, describe, expect, it } from 'vitest'
import { ID, world as newWorld } from '../testing/roomWorld.js'
import { CLOSE } from './closeCodes.js'
import { READ_ONLY_REASON } from './dispatch.js'
import type { RoomOptions } from './host.js'
import { encodeSyncStep1 } from './protocol.js'
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

describe('a room over in-memory sockets', () => {
  it('stores a turn before anything of it is relayed', async () => {
    const { clock, store, connect } = await world()
    const [a, b] = [await connect(), await connect()]
    const seenWhenStored: string[][][] = []
    store.onStored = () => seenWhenStored.push(b.relayed())
    store.appends.shut = true
    a.edit('x')
    await clock.settle()
    expect(store.appends.held).toBe(1)
    expect(b.relayed()).toEqual([])
    store.appends.open()
    await clock.settle()
    expect(seenWhenStored).toEqual([[]])
    expect(b.relayed()).toEqual([['x']])
    expect(await store.storedKeys(ID)).toEqual(['x'])
  })

  it('relays nothing of a turn the store refused, and closes the roadmap', async () => {
    const { clock, store, connect } = await world()
    const [a, b] = [await connect(), await connect()]
    store.failAppends = true
    a.edit('lost')
    await clock.settle()
    expect(b.relayed()).toEqual([])
    expect([a.socket.closedWith, b.socket.closedWith]).toEqual([
      CLOSE.internalError,
      CLOSE.internalError,
    ])
  })

  it("denies a viewer's edit: nothing stored, nothing relayed, the viewer stays", async () => {
    const { clock, store, connect } = await world()
    const [viewer, editor] = [await connect('viewer'), await connect('editor')]
    viewer.edit('not-allowed')
    await clock.settle()
    expect(viewer.frames('denied')).toEqual([{ kind: 'denied', reason: READ_ONLY_REASON }])
    expect(editor.relayed()).toEqual([])
    expect(await store.storedKeys(ID)).toEqual([])
    expect(viewer.socket.isOpen).toBe(true)
    editor.edit('allowed')
    await clock.settle()
    expect(viewer.relayed()).toEqual([['allowed']])
  })

  it('cuts a consumer that stopped reading, and the others go on', async () => {
    const { clock, connect } = await world({ slowConsumerBytes: 4 * 1024 })
    const [a, slow, c] = [await connect(), await connect(), await connect()]
    slow.socket.reading = false
    for (let i = 0; i < 4; i++) {
      a.edit(`big-${i}`, 'x'.repeat(2 * 1024))
      await clock.settle()
    }
    expect(slow.socket.closedWith).toEqual(CLOSE.slowConsumer)
    expect(slow.socket.terminated).toBe(true)
    expect(c.relayed()).toEqual([['big-0'], ['big-1'], ['big-2'], ['big-3']])
    expect(a.socket.isOpen).toBe(true)
  })

  it('keeps storing and relaying while a compaction is in progress, and loses nothing', async () => {
    const { clock, store, connect } = await world({ compactLogCount: 3 })
    const [a, b] = [await connect(), await connect()]
    store.compactions.shut = true
    const keys = Array.from({ length: 8 }, (_, i) => `k${i}`)
    for (const k of keys) {
      a.edit(k)
      await clock.settle()
    }
    // The fourth edit started a compaction; the ones after it were stored and relayed.
    expect(store.compactions.held).toBe(1)
    expect(b.relayed()).toEqual(keys.map((k) => [k]))
    store.compactions.open()
    await clock.settle()
    expect(store.compacted).toBe(1)
    expect(await store.storedKeys(ID)).toEqual(keys)
    const late = await connect()
    late.send(encodeSyncStep1(Uint8Array.of(0)))
    await clock.settle()
    expect(late.keys()).toEqual(keys)
  })

  it('closes a connection that stops answering pings, after two heartbeats', async () => {
    const { clock, connect } = await world({ heartbeatMs: 1_000 })
    const [live, dead] = [await connect(), await connect()]
    live.socket.onPing = () => (live.conn.alive = true)
    await clock.advance(1_000)
    expect(dead.socket.isOpen).toBe(true)
    await clock.advance(1_000)
    expect(dead.socket.closedWith).toEqual(CLOSE.noHeartbeat)
    expect(dead.socket.terminated).toBe(true)
    expect(live.socket.isOpen).toBe(true)
  })

  it('compacts a large log once edits have been quiet for the idle time', async () => {
    const { clock, store, connect } = await world({ idleCompactMs: 1_000 })
    const a = await connect()
    a.edit('big', 'x'.repeat(70 * 1024))
    await clock.settle()
    await clock.advance(600)
    expect((await store.loadDoc(ID)).updates).toHaveLength(1)
    await clock.advance(1_000)
    expect((await store.loadDoc(ID)).updates).toHaveLength(0)
    expect(await store.storedKeys(ID)).toEqual(['big'])
  })

  it('takes an automatic snapshot once edits have gone on for the snapshot interval', async () => {
    const { clock, store, connect } = await world({ autoSnapshotMs: 10_000 })
    const a = await connect()
    a.edit('first')
    await clock.settle()
    await clock.advance(9_000)
    a.edit('second')
    await clock.settle()
    expect(await store.listSnapshots(ID)).toEqual([])
    await clock.advance(1_000)
    a.edit('third')
    await clock.settle()
    const snapshots = await store.listSnapshots(ID)
    expect(snapshots.map((s) => s.kind)).toEqual(['auto'])
  })

  it('unloads a roadmap after the grace period without connections, settled', async () => {
    const { clock, store, rooms, connect } = await world({
      unloadGraceMs: 2_000,
      autoSnapshotMs: 5_000,
    })
    const unloaded: string[] = []
    rooms.events.on('unloaded', (id) => unloaded.push(id))
    const a = await connect()
    a.edit('kept')
    await clock.advance(5_000)
    a.socket.terminate()
    await clock.advance(1_500)
    expect(rooms.peek(ID)).toBeDefined()
    await clock.advance(1_000)
    expect(unloaded).toEqual([ID])
    expect(rooms.peek(ID)).toBeUndefined()
    expect((await store.listSnapshots(ID)).map((s) => s.kind)).toEqual(['auto'])
    expect((await store.loadDoc(ID)).updates).toHaveLength(0)
  })

  it('holds the next relay of a busy roadmap and sends what arrived meanwhile as one', async () => {
    const { clock, connect } = await world({ fanoutHold: 1 })
    const [a, b, c] = [await connect(), await connect(), await connect()]
    for (const x of [a, b, c]) {
      x.socket.writeCost = 4
      x.socket.spend = (ms) => clock.spend(ms)
    }
    a.edit('one')
    await clock.settle()
    expect(c.relayed()).toEqual([['one']])
    a.edit('two')
    b.edit('three')
    await clock.settle()
    expect(c.relayed()).toEqual([['one']])
    await clock.advance(8)
    expect(c.relayed()).toEqual([['one'], ['three', 'two']])
  })
})

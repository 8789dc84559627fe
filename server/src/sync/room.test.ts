// The room as one layer: real Rooms and Room over in-memory sockets (testing/memorySocket.ts)
// and a clock the test moves (testing/manualClock.ts), with the in-memory store. What crosses
// real sockets and processes is in protocol, access, lifecycle and pacing tests and tests/.
import * as decoding from 'lib0/decoding'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Metrics } from '../metrics.js'
import { MemoryStore } from '../store/memory.js'
import type { AppendResult, Role } from '../store/store.js'
import { storedParts } from '../store/store.js'
import { ManualClock } from '../testing/manualClock.js'
import { MemorySocket } from '../testing/memorySocket.js'
import { CLOSE } from './closeCodes.js'
import { Conn } from './conn.js'
import type { RoomOptions } from './host.js'
import { AUTH_PERMISSION_DENIED, MESSAGE, SYNC, encodeSyncStep1, encodeUpdate } from './protocol.js'
import { READ_ONLY_REASON } from './room.js'
import { Rooms } from './rooms.js'

const ID = 'roadmap-1'
const OPTIONS: RoomOptions = {
  slowConsumerBytes: 32 * 1024 * 1024,
  idleCompactMs: 1_000,
  autoSnapshotMs: 60_000,
  unloadGraceMs: 2_000,
  compactLogBytes: 1024 * 1024,
  compactLogCount: 10_000,
  heartbeatMs: 30_000,
  fanoutHold: 0,
}

/** A gate a test opens: calls wait on it while it is shut. */
class Gate {
  private waiting: (() => void)[] = []
  shut = false
  async pass(): Promise<void> {
    if (this.shut) await new Promise<void>((resolve) => this.waiting.push(resolve))
  }
  open(): void {
    this.shut = false
    for (const go of this.waiting.splice(0)) go()
  }
  get held(): number {
    return this.waiting.length
  }
}

/** The in-memory store, with its writes held or failed on demand. */
class TestStore extends MemoryStore {
  readonly appends = new Gate()
  readonly compactions = new Gate()
  failAppends = false
  onStored: () => void = () => undefined
  compacted = 0

  override async appendUpdates(
    id: string,
    updates: readonly Uint8Array[],
    at: number,
  ): Promise<AppendResult> {
    await this.appends.pass()
    if (this.failAppends) throw new Error('disk full')
    const r = await super.appendUpdates(id, updates, at)
    this.onStored()
    return r
  }

  override async compact(
    id: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    throughSeq: number,
  ): Promise<void> {
    await this.compactions.pass()
    await super.compact(id, state, stateVector, throughSeq)
    this.compacted++
  }

  async storedKeys(id: string): Promise<string[]> {
    const doc = new Y.Doc()
    for (const part of storedParts(await this.loadDoc(id))) Y.applyUpdate(doc, part)
    return [...doc.getMap('m').keys()].sort()
  }
}

type Received =
  | { kind: 'step1' | 'step2' | 'update' | 'awareness'; payload: Uint8Array }
  | { kind: 'denied'; reason: string }

function parse(frame: Uint8Array): Received {
  const d = decoding.createDecoder(frame)
  const type = decoding.readVarUint(d)
  if (type === MESSAGE.auth) {
    expect(decoding.readVarUint(d)).toBe(AUTH_PERMISSION_DENIED)
    return { kind: 'denied', reason: decoding.readVarString(d) }
  }
  if (type === MESSAGE.awareness)
    return { kind: 'awareness', payload: decoding.readVarUint8Array(d) }
  const sub = decoding.readVarUint(d)
  const kind = sub === SYNC.step1 ? 'step1' : sub === SYNC.step2 ? 'step2' : 'update'
  return { kind, payload: decoding.readVarUint8Array(d) }
}

/** The map keys an update sets (read from its structs: it may depend on updates not here). */
const keysOf = (update: Uint8Array): string[] =>
  Y.decodeUpdate(update)
    .structs.flatMap((s) => (s instanceof Y.Item && s.parentSub !== null ? [s.parentSub] : []))
    .sort()

class Client {
  readonly socket = new MemorySocket()
  readonly conn: Conn
  private readonly doc = new Y.Doc()

  constructor(
    private readonly rooms: Rooms,
    role: Role,
  ) {
    this.conn = new Conn(this.socket, role, `link-${role}`, null)
    this.socket.onClose = () => rooms.detach(this.conn)
    rooms.attach(ID, this.conn)
  }

  send(frame: Uint8Array): void {
    this.rooms.receive(this.conn, frame)
  }

  /** Sets `key` in its own document and sends the update (what a provider does). */
  edit(key: string, value: unknown = key): void {
    const before = Y.encodeStateVector(this.doc)
    this.doc.getMap('m').set(key, value)
    this.send(encodeUpdate(Y.encodeStateAsUpdate(this.doc, before)))
  }

  frames(kind: Received['kind']): Received[] {
    return this.socket.received.map(parse).filter((f) => f.kind === kind)
  }

  /** The keys of each update message it received, in order. */
  relayed(): string[][] {
    return this.frames('update').map((f) => ('payload' in f ? keysOf(f.payload) : []))
  }

  /** The keys it holds after applying everything the server sent. */
  keys(): string[] {
    const doc = new Y.Doc()
    for (const f of this.socket.received.map(parse))
      if (f.kind === 'step2' || f.kind === 'update') Y.applyUpdate(doc, f.payload)
    return [...doc.getMap('m').keys()].sort()
  }
}

const worlds: Rooms[] = []
afterEach(async () => {
  for (const rooms of worlds.splice(0)) await rooms.closeAll()
})

async function world(over: Partial<RoomOptions> = {}) {
  const clock = new ManualClock()
  const store = new TestStore()
  await store.createRoadmap({
    roadmap: { id: ID, title: 'Plan', createdAt: clock.now(), updatedAt: clock.now() },
    links: [],
    state: null,
    stateVector: null,
  })
  const metrics = new Metrics(async () => 0)
  const rooms = new Rooms(
    store,
    metrics,
    pino({ level: 'silent' }),
    null,
    { ...OPTIONS, ...over },
    clock,
  )
  worlds.push(rooms)
  const connect = async (role: Role = 'editor'): Promise<Client> => {
    const c = new Client(rooms, role)
    await clock.settle()
    return c
  }
  return { clock, store, rooms, connect }
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

// A room's world for its unit tests (server/src/sync/room.test.ts): real Rooms and Room over
// in-memory sockets (memorySocket.ts), a clock the test moves (manualClock.ts), and the
// in-memory store with writes held or failed on demand; clients that speak the sync protocol.
import * as decoding from 'lib0/decoding'
import { pino } from 'pino'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { Metrics } from '../metrics.js'
import { MemoryStore } from '../store/memory.js'
import type { AppendResult, Role } from '../store/store.js'
import { storedParts } from '../store/store.js'
import { AWARENESS_LIMITS, encodeAwarenessUpdate } from '../sync/awareness.js'
import type { AwarenessChange } from '../sync/awareness.js'
import { Conn } from '../sync/conn.js'
import type { RoomOptions } from '../sync/host.js'
import { PRESENCE_RATE } from '../sync/presenceRate.js'
import { PRESENCE_TICK_MS } from '../sync/presenceTick.js'
import {
  AUTH_PERMISSION_DENIED,
  MESSAGE,
  SYNC,
  encodeAwareness,
  encodeUpdate,
} from '../sync/protocol.js'
import { Rooms } from '../sync/rooms.js'
import { ManualClock } from './manualClock.js'
import { MemorySocket } from './memorySocket.js'

export const ID = 'roadmap-1'
const OPTIONS: RoomOptions = {
  slowConsumerBytes: 32 * 1024 * 1024,
  idleCompactMs: 1_000,
  autoSnapshotMs: 60_000,
  unloadGraceMs: 2_000,
  compactLogBytes: 1024 * 1024,
  compactLogCount: 10_000,
  heartbeatMs: 30_000,
  fanoutHold: 0,
  presenceTickMs: PRESENCE_TICK_MS,
  snapshotsPerRoadmap: 200,
  awareness: AWARENESS_LIMITS,
  presenceRate: PRESENCE_RATE,
}

/** A gate a test opens: calls wait on it while it is shut. */
export class Gate {
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
export class TestStore extends MemoryStore {
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

export type Received =
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

export class Client {
  readonly socket = new MemorySocket()
  readonly conn: Conn
  private readonly doc = new Y.Doc()

  constructor(
    private readonly rooms: Rooms,
    role: Role,
    linkId = `link-${role}`,
  ) {
    this.conn = new Conn(this.socket, role, linkId, null)
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

  /** Sends these awareness states (what a provider's awareness does). */
  announce(...changes: AwarenessChange[]): void {
    this.send(encodeAwareness(encodeAwarenessUpdate(changes, changes.length)))
  }

  /** Each awareness message it received: its states by client id (null: removed). */
  presence(): Map<number, unknown>[] {
    return this.frames('awareness').map((f) => {
      const states = new Map<number, unknown>()
      if (!('payload' in f)) return states
      const d = decoding.createDecoder(f.payload)
      const n = decoding.readVarUint(d)
      for (let i = 0; i < n; i++) {
        const id = decoding.readVarUint(d)
        decoding.readVarUint(d)
        states.set(id, JSON.parse(decoding.readVarString(d)))
      }
      return states
    })
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

export async function world(over: Partial<RoomOptions> = {}) {
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
  const connect = async (role: Role = 'editor', linkId?: string): Promise<Client> => {
    const c = new Client(rooms, role, linkId)
    await clock.settle()
    return c
  }
  return { clock, store, rooms, connect }
}

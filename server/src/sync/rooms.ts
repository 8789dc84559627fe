// The loaded roadmaps: loading on first connection, flushing (flushes.ts), the heartbeat,
// idle compaction, unloading after a grace period, link expiry (expiry.ts).
import { EventEmitter } from 'node:events'
import type { Logger } from '../log.js'
import { errorText } from '../log.js'
import type { Metrics } from '../metrics.js'
import { StorageHealth } from '../store/storageFull.js'
import type { Store } from '../store/store.js'
import { REAL_CLOCK } from './clock.js'
import type { Clock, Timer } from './clock.js'
import type { CloseKind } from './closeCodes.js'
import type { Cluster } from './cluster.js'
import type { Conn } from './conn.js'
import { LinkExpiry } from './expiry.js'
import { Flushes } from './flushes.js'
import type { Flushable, RoomHost, RoomOptions } from './host.js'
import { ROOM_STATUS, Room } from './room.js'

const SWEEP_BUDGET_MS = 25

export interface RoomsEvents {
  /** a roadmap left memory */
  unloaded: [roadmapId: string]
  /** the server closed a socket */
  closed: [conn: Conn, kind: CloseKind]
}

export class Rooms implements RoomHost {
  /** For observers (tests, diagnostics): what happened, as it happens. */
  readonly events = new EventEmitter<RoomsEvents>()
  private readonly rooms = new Map<string, Room>()
  private readonly flushes: Flushes
  private readonly expiry: LinkExpiry
  private readonly sweeper: Timer
  private readonly heartbeat: Timer
  private sweeping = false
  private lastWriteAt = 0
  private checkpointDue = false
  private readonly roomOf = new WeakMap<Conn, Room>()
  readonly storage = new StorageHealth()

  constructor(
    readonly store: Store,
    readonly metrics: Metrics,
    readonly log: Logger,
    readonly cluster: Cluster | null,
    readonly options: RoomOptions,
    readonly clock: Clock = REAL_CLOCK,
  ) {
    this.flushes = new Flushes(clock, log, options.presenceTickMs)
    this.expiry = new LinkExpiry(clock, (conn) => this.roomOf.get(conn)?.close(conn, 'expired'))
    // Revocations made on other instances close this one's sockets of the link too. Redis
    // keeps nothing for a dropped connection: when this instance's subscription comes back,
    // every roadmap catches up from the store; when its publishing connection comes back, it
    // asks the others to do so.
    cluster?.linkClosed((l) => this.closeLocal(l.roadmapId, l.linkId, l.kind))
    cluster?.reconnected({
      received: () => {
        for (const room of this.rooms.values()) {
          void room.catchUp()
          cluster.setCounts(room.id, this.localConnections(room.id)).catch((e: unknown) => {
            this.log.warn(
              { roadmapId: room.id, err: errorText(e) },
              'redis: restoring counts failed',
            )
          })
        }
      },
      published: () => {
        for (const room of this.rooms.values()) cluster.publishResync(room.id)
      },
    })
    const every = Math.max(
      20,
      Math.min(1000, Math.floor(Math.min(options.unloadGraceMs, options.idleCompactMs) / 2)),
    )
    this.sweeper = clock.setInterval(() => void this.sweep(), every)
    // Every connection is pinged this often; one that has not answered since is closed.
    this.heartbeat = clock.setInterval(() => this.beat(), options.heartbeatMs)
  }

  /** Finds peers that vanished without closing (a dropped network): they never answer. */
  private beat(): void {
    for (const room of this.rooms.values()) {
      for (const c of room.conns) {
        if (!c.open) continue
        if (!c.alive) {
          room.close(c, 'noHeartbeat')
          continue
        }
        c.alive = false
        try {
          c.socket.ping()
        } catch {
          // the socket is closing; its close event cleans up
        }
      }
    }
  }

  get(id: string): Room {
    let room = this.rooms.get(id)
    if (!room || room.status === ROOM_STATUS.failed || room.status === ROOM_STATUS.unloaded) {
      room = new Room(id, this)
      this.rooms.set(id, room)
      this.metrics.roadmapsLoaded.set(this.rooms.size)
      this.markUsed(id)
    }
    return room
  }

  /** An opened roadmap is in use: the sweep of unused roadmaps (roadmaps/unused.ts) keeps it. */
  private markUsed(id: string): void {
    const at = this.clock.now()
    this.store
      .getRoadmap(id)
      .then((r) => (r && r.updatedAt === r.createdAt ? this.store.touchRoadmap(id, at) : undefined))
      .catch((e: unknown) =>
        this.log.warn({ roadmapId: id, err: errorText(e) }, 'marking a roadmap used failed'),
      )
  }

  /** A loaded room, or undefined (never loads). */
  peek(id: string): Room | undefined {
    const room = this.rooms.get(id)
    return room && room.status !== ROOM_STATUS.unloaded ? room : undefined
  }

  get size(): number {
    return this.rooms.size
  }

  /** The ids of the roadmaps loaded on this instance. */
  loadedIds(): string[] {
    return [...this.rooms.keys()].filter((id) => this.peek(id) !== undefined)
  }

  attach(id: string, conn: Conn): Room {
    const room = this.get(id)
    this.roomOf.set(conn, room)
    if (conn.expiresAt !== null) this.expiry.watch(conn, conn.expiresAt)
    room.attach(conn)
    this.cluster?.connected(id, conn.linkId, 1)
    return room
  }

  detach(conn: Conn): void {
    this.expiry.forget(conn)
    const room = this.roomOf.get(conn)
    if (!room) return
    this.roomOf.delete(conn)
    room.detach(conn)
    this.cluster?.connected(room.id, conn.linkId, -1)
  }

  receive(conn: Conn, data: Uint8Array): void {
    const room = this.roomOf.get(conn)
    if (!room) return
    try {
      room.receive(conn, data)
    } catch (e) {
      // A bug, not bad input (that is handled as a value): this socket only.
      this.log.error({ roadmapId: room.id, err: errorText(e) }, 'handling a message failed')
      room.close(conn, 'internalError')
    }
  }

  scheduleFlush(room: Flushable): void {
    this.flushes.schedule(room)
  }

  wrote(): void {
    this.storage.wrote()
    this.lastWriteAt = this.clock.now()
    this.checkpointDue = true
  }

  closed(conn: Conn, kind: CloseKind): void {
    this.metrics.socketsClosed.inc({ reason: kind })
    this.events.emit('closed', conn, kind)
  }

  /** Closes every live socket of a link (revoked or expired), on every instance. */
  closeLink(roadmapId: string, linkId: string, kind: CloseKind): number {
    this.cluster?.publishLinkClosed({ roadmapId, linkId, kind })
    return this.closeLocal(roadmapId, linkId, kind)
  }

  private closeLocal(roadmapId: string, linkId: string, kind: CloseKind): number {
    const room = this.peek(roadmapId)
    return room ? room.closeWhere((c) => c.linkId === linkId, kind) : 0
  }

  /** Live sockets per link of a roadmap, on this instance and (with a cluster) the others. */
  async connectionsByLink(roadmapId: string): Promise<Map<string, number>> {
    const out = this.localConnections(roadmapId)
    if (this.cluster) {
      for (const [linkId, n] of await this.cluster.countsElsewhere(roadmapId))
        out.set(linkId, (out.get(linkId) ?? 0) + n)
    }
    return out
  }

  private localConnections(roadmapId: string): Map<string, number> {
    const out = new Map<string, number>()
    const room = this.peek(roadmapId)
    if (room)
      for (const c of room.conns) if (c.open) out.set(c.linkId, (out.get(c.linkId) ?? 0) + 1)
    return out
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return
    this.sweeping = true
    try {
      const now = this.clock.now()
      // Compaction blocks the loop (SQLite is synchronous): a bounded amount per sweep.
      const budgetEnd = this.clock.monotonic() + SWEEP_BUDGET_MS
      for (const room of this.rooms.values()) {
        if (room.status === ROOM_STATUS.failed) {
          if (room.conns.size === 0) this.forget(room)
          continue
        }
        if (room.status !== ROOM_STATUS.ready) continue
        room.dropDocIfUnused(now)
        if (this.clock.monotonic() > budgetEnd) continue
        if (
          room.needsCompaction &&
          room.logIsLarge &&
          room.idle &&
          now - room.lastEditAt >= this.options.idleCompactMs
        ) {
          await room.compact(true)
        }
        if (
          room.conns.size === 0 &&
          room.idle &&
          now - room.emptySince >= this.options.unloadGraceMs
        ) {
          await this.unload(room)
        }
      }
      if (this.checkpointDue && this.clock.now() - this.lastWriteAt >= this.options.idleCompactMs) {
        this.checkpointDue = false
        await this.store.checkpoint()
      }
    } catch (e) {
      this.log.error({ err: errorText(e) }, 'sweep failed')
    } finally {
      this.sweeping = false
    }
  }

  private async unload(room: Room): Promise<void> {
    await this.settle(room)
    if (room.conns.size > 0) return
    this.forget(room)
  }

  /** Stores what is pending, compacts, and takes the automatic snapshot a session earns. */
  private async settle(room: Room): Promise<void> {
    if (room.status !== ROOM_STATUS.ready) return
    await room.flush()
    if (room.needsCompaction) await room.compact(true)
    if (room.editedSinceSnapshot) {
      const [snapshots, meta] = await Promise.all([
        this.store.listSnapshots(room.id),
        this.store.getRoadmap(room.id),
      ])
      const last = snapshots.reduce((t, s) => Math.max(t, s.createdAt), meta?.createdAt ?? 0)
      if (this.clock.now() - last >= this.options.autoSnapshotMs) await room.snapshot('auto', null)
    }
  }

  private forget(room: Room): void {
    room.status = ROOM_STATUS.unloaded
    room.dropDoc()
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    this.flushes.forget(room)
    this.cluster?.leave(room.id)
    this.metrics.roadmapsLoaded.set(this.rooms.size)
    this.log.debug({ roadmapId: room.id }, 'roadmap unloaded')
    this.events.emit('unloaded', room.id)
  }

  /** Shutdown: close every socket with 1001, store and compact every room. */
  async closeAll(): Promise<void> {
    this.clock.clear(this.sweeper)
    this.clock.clear(this.heartbeat)
    const sockets: Promise<void>[] = []
    for (const room of this.rooms.values()) {
      for (const c of room.conns) sockets.push(c.socket.closed())
      room.closeWhere(() => true, 'goingAway')
    }
    // Give clients a moment to answer the close frame, then cut whoever did not.
    let timer: Timer | undefined
    await Promise.race([
      Promise.all(sockets),
      new Promise<void>((resolve) => (timer = this.clock.setTimeout(resolve, 2_000, true))),
    ])
    this.clock.clear(timer)
    for (const room of this.rooms.values()) for (const c of room.conns) c.socket.terminate()
    for (const room of [...this.rooms.values()]) {
      try {
        await this.settle(room)
      } catch (e) {
        this.log.error({ roadmapId: room.id, err: errorText(e) }, 'settling on shutdown failed')
      }
      this.forget(room)
    }
  }
}

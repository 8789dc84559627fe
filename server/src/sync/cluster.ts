// Several server instances behind one load balancer (DESIGN.md: "Redis pub/sub to fan updates
// out between server instances"). They share one PostgreSQL database; each relays what its
// own clients send to the other instances that have the roadmap open, through one Redis
// channel per roadmap:
//
// - updates, after they are stored (with the seq of the last one), so a peer never relays
//   anything that is not stored, and stores nothing again;
// - awareness changes of its own connections (role already set by the instance that holds
//   the connection);
// - link revocations, on one channel for all roadmaps, so a revoked link's sockets close on
//   every instance.
//
// A message is binary: one byte of kind, the sending instance's 16-byte id, then the payload.
// An instance ignores its own messages.
import crypto from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Logger } from '../log.js'
import type { CloseKind } from './closeCodes.js'

const KIND = { updates: 1, awareness: 2 } as const
const ID_BYTES = 16
const ROADMAP_PREFIX = 'meridian:roadmap:'
const LINKS_CHANNEL = 'meridian:links'

export type PeerMessage =
  | { kind: 'updates'; update: Uint8Array; lastSeq: number }
  | { kind: 'awareness'; update: Uint8Array }

export interface LinkClosed {
  roadmapId: string
  linkId: string
  kind: CloseKind
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export class Cluster {
  private readonly id = crypto.randomBytes(ID_BYTES)
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly rooms = new Map<string, (m: PeerMessage) => void>()
  private onLinkClosed: ((l: LinkClosed) => void) | null = null
  private onReconnect: (() => void) | null = null
  private subscribedOnce = false

  private constructor(
    url: string,
    private readonly log: Logger,
  ) {
    // While Redis is unreachable a publish fails at once rather than queueing without bound:
    // the other instances catch up from the database when it is back (see `reconnected`).
    this.pub = new Redis(url, { lazyConnect: true, enableOfflineQueue: false })
    this.sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 })
    for (const r of [this.pub, this.sub]) {
      r.on('error', (e: unknown) => this.log.warn({ err: errorText(e) }, 'redis connection error'))
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel, message),
    )
    // ioredis subscribes again by itself after a reconnect; what was published meanwhile is
    // lost (pub/sub keeps nothing), so the rooms catch up from the store.
    this.sub.on('ready', () => {
      if (this.subscribedOnce) this.onReconnect?.()
      this.subscribedOnce = true
    })
  }

  static async connect(url: string, log: Logger): Promise<Cluster> {
    const c = new Cluster(url, log)
    try {
      await Promise.all([c.pub.connect(), c.sub.connect()])
      await c.sub.subscribe(LINKS_CHANNEL)
    } catch (e) {
      c.pub.disconnect()
      c.sub.disconnect()
      throw e
    }
    return c
  }

  /** Messages of other instances about `roadmapId` go to `handler` until `leave`. */
  async join(roadmapId: string, handler: (m: PeerMessage) => void): Promise<void> {
    this.rooms.set(roadmapId, handler)
    await this.sub.subscribe(ROADMAP_PREFIX + roadmapId)
  }

  leave(roadmapId: string): void {
    if (!this.rooms.delete(roadmapId)) return
    this.sub.unsubscribe(ROADMAP_PREFIX + roadmapId).catch((e: unknown) => {
      this.log.warn({ roadmapId, err: errorText(e) }, 'redis unsubscribe failed')
    })
  }

  /** Stored updates (merged into one) of this instance's clients, and the seq of the last. */
  publishUpdates(roadmapId: string, update: Uint8Array, lastSeq: number): void {
    const enc = encoding.createEncoder()
    encoding.writeVarUint(enc, lastSeq)
    encoding.writeUint8Array(enc, update)
    this.publish(ROADMAP_PREFIX + roadmapId, KIND.updates, encoding.toUint8Array(enc))
  }

  publishAwareness(roadmapId: string, update: Uint8Array): void {
    this.publish(ROADMAP_PREFIX + roadmapId, KIND.awareness, update)
  }

  publishLinkClosed(l: LinkClosed): void {
    this.publish(LINKS_CHANNEL, 0, Buffer.from(JSON.stringify(l)))
  }

  /** Called after the connection to Redis came back: messages may have been lost. */
  reconnected(handler: () => void): void {
    this.onReconnect = handler
  }

  /** Revocations made on other instances. */
  linkClosed(handler: (l: LinkClosed) => void): void {
    this.onLinkClosed = handler
  }

  private publish(channel: string, kind: number, payload: Uint8Array): void {
    const msg = Buffer.allocUnsafe(1 + ID_BYTES + payload.byteLength)
    msg[0] = kind
    this.id.copy(msg, 1)
    msg.set(payload, 1 + ID_BYTES)
    this.pub.publish(channel, msg).catch((e: unknown) => {
      this.log.warn({ channel, err: errorText(e) }, 'redis publish failed')
    })
  }

  private receive(channelBuf: Buffer, msg: Buffer): void {
    if (msg.byteLength < 1 + ID_BYTES || this.id.equals(msg.subarray(1, 1 + ID_BYTES))) return
    const channel = channelBuf.toString()
    const payload = new Uint8Array(msg.buffer, msg.byteOffset + 1 + ID_BYTES)
    try {
      if (channel === LINKS_CHANNEL) {
        const l = JSON.parse(Buffer.from(payload).toString()) as LinkClosed
        this.onLinkClosed?.(l)
        return
      }
      const handler = this.rooms.get(channel.slice(ROADMAP_PREFIX.length))
      if (!handler) return
      if (msg[0] === KIND.updates) {
        const dec = decoding.createDecoder(payload)
        const lastSeq = decoding.readVarUint(dec)
        handler({ kind: 'updates', lastSeq, update: payload.subarray(dec.pos) })
      } else if (msg[0] === KIND.awareness) {
        handler({ kind: 'awareness', update: payload })
      }
    } catch (e) {
      this.log.error({ channel, err: errorText(e) }, 'a message from another instance failed')
    }
  }

  async close(): Promise<void> {
    this.rooms.clear()
    await Promise.allSettled([this.sub.quit(), this.pub.quit()])
  }
}

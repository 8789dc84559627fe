// Several server instances behind one load balancer (docs/ARCHITECTURE.md, "The pieces";
// server/README.md on REDIS_URL). They share one PostgreSQL database; each relays what its
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
import { errorText } from '../log.js'
import type { CloseKind } from './closeCodes.js'

const KIND = { updates: 1, awareness: 2, resync: 3 } as const
const ID_BYTES = 16
const ROADMAP_PREFIX = 'meridian:roadmap:'
const LINKS_CHANNEL = 'meridian:links'
/** Hash per roadmap: field `<instance>:<linkId>`, value the live sockets of that link there. */
const COUNTS_PREFIX = 'meridian:conns:'
/** Key per instance, set while it runs: the counts of an instance without it are ignored. */
const INSTANCE_PREFIX = 'meridian:instance:'
const INSTANCE_TTL_MS = 30_000
const INSTANCE_RENEW_MS = 10_000

/** How long (ms) opening a roadmap waits for Redis to answer its subscription. */
const JOIN_WAIT_MS = 2_000

export type PeerMessage =
  | { kind: 'updates'; update: Uint8Array; lastSeq: number }
  | { kind: 'awareness'; update: Uint8Array }
  /** the sender may have failed to publish some stored updates: read them from the store */
  | { kind: 'resync' }

export interface LinkClosed {
  roadmapId: string
  linkId: string
  kind: CloseKind
}

export class Cluster {
  private readonly id = crypto.randomBytes(ID_BYTES)
  private readonly idHex = this.id.toString('hex')
  private alive: NodeJS.Timeout | null = null
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly rooms = new Map<string, (m: PeerMessage) => void>()
  private onLinkClosed: ((l: LinkClosed) => void) | null = null
  private onReconnect: (() => void) | null = null
  private onPublisherBack: (() => void) | null = null
  private subscribedOnce = false
  private publishedOnce = false

  private constructor(
    url: string,
    private readonly log: Logger,
  ) {
    // While Redis is unreachable a publish fails at once rather than queueing without bound:
    // the other instances catch up from the database when it is back (see `reconnected`).
    this.pub = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      connectionName: `meridian-pub-${this.idHex}`,
    })
    // The subscriptions are made again here, not by ioredis: its own resubscribe after a
    // reconnect has no handler, so a connection lost again before it is answered ends in an
    // unhandled rejection (and the channels are forgotten).
    this.sub = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
      autoResubscribe: false,
      connectionName: `meridian-sub-${this.idHex}`,
    })
    for (const r of [this.pub, this.sub]) {
      r.on('error', (e: unknown) => this.log.warn({ err: errorText(e) }, 'redis connection error'))
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel, message),
    )
    // After a reconnect: subscribes again to every channel, and once that is answered the
    // rooms catch up from the store, since what was published meanwhile is lost (pub/sub keeps
    // nothing). If the connection drops before the answer, the next `ready` tries again.
    this.sub.on('ready', () => {
      if (this.subscribedOnce) this.resubscribe()
      this.subscribedOnce = true
    })
    // Publishes failed while the publishing connection was down: when it is back, the other
    // instances are asked to catch up (their own connection may never have dropped).
    this.pub.on('ready', () => {
      if (this.publishedOnce) this.onPublisherBack?.()
      this.publishedOnce = true
    })
  }

  static async connect(url: string, log: Logger): Promise<Cluster> {
    const c = new Cluster(url, log)
    try {
      await Promise.all([c.pub.connect(), c.sub.connect()])
      await c.sub.subscribe(LINKS_CHANNEL)
      await c.renew()
    } catch (e) {
      c.pub.disconnect()
      c.sub.disconnect()
      throw e
    }
    c.alive = setInterval(() => void c.renew(), INSTANCE_RENEW_MS)
    c.alive.unref()
    return c
  }

  private resubscribe(): void {
    const channels = [LINKS_CHANNEL, ...[...this.rooms.keys()].map((id) => ROADMAP_PREFIX + id)]
    this.sub.subscribe(...channels).then(
      () => this.onReconnect?.(),
      (e: unknown) => this.log.warn({ err: errorText(e) }, 'redis: subscribing again failed'),
    )
  }

  private async renew(): Promise<void> {
    await this.pub
      .set(INSTANCE_PREFIX + this.idHex, '1', 'PX', INSTANCE_TTL_MS)
      .catch((e: unknown) => this.log.warn({ err: errorText(e) }, 'redis: renewing failed'))
  }

  /** A socket of `linkId` opened (+1) or closed (-1) here. */
  connected(roadmapId: string, linkId: string, delta: 1 | -1): void {
    const key = COUNTS_PREFIX + roadmapId
    const field = `${this.idHex}:${linkId}`
    this.pub
      .hincrby(key, field, delta)
      .then((n) => (n <= 0 ? this.pub.hdel(key, field) : 0))
      .catch((e: unknown) => this.log.warn({ roadmapId, err: errorText(e) }, 'redis: count failed'))
  }

  /** Replaces this instance's counts for a roadmap (after Redis came back). */
  async setCounts(roadmapId: string, counts: ReadonlyMap<string, number>): Promise<void> {
    const key = COUNTS_PREFIX + roadmapId
    const own = Object.keys(await this.pub.hgetall(key)).filter((f) =>
      f.startsWith(this.idHex + ':'),
    )
    const tx = this.pub.multi()
    if (own.length > 0) tx.hdel(key, ...own)
    for (const [linkId, n] of counts) if (n > 0) tx.hset(key, `${this.idHex}:${linkId}`, n)
    await tx.exec()
  }

  /** Live sockets per link on the other running instances (empty if Redis cannot say). */
  async countsElsewhere(roadmapId: string): Promise<Map<string, number>> {
    const out = new Map<string, number>()
    try {
      const fields = Object.entries(await this.pub.hgetall(COUNTS_PREFIX + roadmapId))
        .map(([f, v]) => ({
          instance: f.slice(0, f.indexOf(':')),
          linkId: f.slice(f.indexOf(':') + 1),
          n: Number(v),
        }))
        .filter((x) => x.instance !== this.idHex && x.n > 0)
      const instances = [...new Set(fields.map((x) => x.instance))]
      if (instances.length === 0) return out
      const running = await this.pub.mget(instances.map((i) => INSTANCE_PREFIX + i))
      const live = new Set(instances.filter((_, i) => running[i] !== null))
      for (const x of fields)
        if (live.has(x.instance)) out.set(x.linkId, (out.get(x.linkId) ?? 0) + x.n)
    } catch (e) {
      this.log.warn({ roadmapId, err: errorText(e) }, 'redis: reading counts failed')
    }
    return out
  }

  /** Both connections to Redis are up. */
  get up(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  /** Messages of other instances about `roadmapId` go to `handler` until `leave`. */
  async join(roadmapId: string, handler: (m: PeerMessage) => void): Promise<void> {
    this.rooms.set(roadmapId, handler)
    // While Redis is away the roadmap opens all the same: its channel is subscribed with the
    // others when Redis is back, and then the rooms catch up from the store (resubscribe).
    if (this.sub.status !== 'ready') return
    const subscribed = this.sub.subscribe(ROADMAP_PREFIX + roadmapId)
    let timer: NodeJS.Timeout | undefined
    const answered = await Promise.race([
      subscribed.then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), JOIN_WAIT_MS))),
    ])
    clearTimeout(timer)
    if (answered) return
    // Redis went away meanwhile: the roadmap opens without the answer. Should the subscription
    // still be made, the room then reads what it may have missed; if it fails, the next `ready`
    // subscribes again and every room catches up.
    subscribed.then(
      () => {
        if (this.rooms.get(roadmapId) === handler) handler({ kind: 'resync' })
      },
      (e: unknown) => this.log.warn({ roadmapId, err: errorText(e) }, 'redis: subscribing failed'),
    )
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

  /**
   * `received`: this instance's subscription came back (it may have missed messages);
   * `published`: its publishing connection came back (others may have missed its messages).
   */
  reconnected(handlers: { received: () => void; published: () => void }): void {
    this.onReconnect = handlers.received
    this.onPublisherBack = handlers.published
  }

  /** Asks the other instances to read `roadmapId` from the store again. */
  publishResync(roadmapId: string): void {
    this.publish(ROADMAP_PREFIX + roadmapId, KIND.resync, new Uint8Array(0))
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
    // `msg` may be a view into ioredis's read buffer: the payload ends where `msg` ends.
    const payload = new Uint8Array(
      msg.buffer,
      msg.byteOffset + 1 + ID_BYTES,
      msg.byteLength - 1 - ID_BYTES,
    )
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
      } else if (msg[0] === KIND.resync) {
        handler({ kind: 'resync' })
      }
    } catch (e) {
      this.log.error({ channel, err: errorText(e) }, 'a message from another instance failed')
    }
  }

  async close(): Promise<void> {
    this.rooms.clear()
    if (this.alive) clearInterval(this.alive)
    await this.pub.del(INSTANCE_PREFIX + this.idHex).catch(() => 0)
    await Promise.allSettled([this.sub.quit(), this.pub.quit()])
  }
}

// A Redis connection that drops again while the subscriptions are being made again: the
// instance must not end in an unhandled rejection (Node ends the process on one), and must be
// subscribed once Redis answers. A roadmap opened while Redis is away opens, and hears the
// other instances once Redis is back. A real Redis, reached through a TCP proxy that can cut
// every connection that sends SUBSCRIBE, or refuse every connection.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pino } from 'pino'
import { bounded } from '../testing/harness.js'
import { startRedis } from '../testing/redis.js'
import type { TestRedis } from '../testing/redis.js'
import { Cluster } from './cluster.js'
import type { PeerMessage } from './cluster.js'

interface Proxy {
  url: string
  /** While set, a connection is cut as soon as it sends SUBSCRIBE. */
  cutSubscribes: boolean
  /** While set, every new connection is closed at once (Redis unreachable). */
  down: boolean
  /** Connections closed at once so far, and who is told of each. */
  refused: number
  onRefused: (() => void) | null
  /** Connections cut so far. */
  cuts: number
  onCut: (() => void) | null
  /** Cuts every open connection now. */
  cutAll(): void
  close(): Promise<void>
}

function proxyTo(port: number): Promise<Proxy> {
  const open = new Set<net.Socket>()
  const proxy: Proxy = {
    url: '',
    cutSubscribes: false,
    down: false,
    refused: 0,
    onRefused: null,
    cuts: 0,
    onCut: null,
    cutAll: () => {
      for (const s of open) s.destroy()
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server = net.createServer((client) => {
    if (proxy.down) {
      client.destroy()
      proxy.refused++
      proxy.onRefused?.()
      return
    }
    const upstream = net.connect(port, '127.0.0.1')
    open.add(client)
    const cut = (): void => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', () => {
      open.delete(client)
      upstream.destroy()
    })
    upstream.on('close', () => client.destroy())
    client.on('error', cut)
    upstream.on('error', cut)
    client.on('data', (d: Buffer) => {
      if (proxy.cutSubscribes && /\bsubscribe\b/i.test(d.toString('latin1'))) {
        cut()
        proxy.cuts++
        proxy.onCut?.()
        return
      }
      upstream.write(d)
    })
    upstream.on('data', (d: Buffer) => client.write(d))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      proxy.url = `redis://127.0.0.1:${(server.address() as net.AddressInfo).port}`
      resolve(proxy)
    })
  })
}

/** Resolves when `cluster` has subscribed again after a reconnect (its rooms are told then). */
const whenReconnected = (cluster: Cluster): Promise<void> =>
  new Promise((resolve) =>
    cluster.reconnected({ received: () => resolve(), published: () => undefined }),
  )

/** A room's side: what it received, and a wait for the next message. */
function roomListener() {
  const received: PeerMessage[] = []
  let heard: (() => void) | null = null
  return {
    received,
    handler: (m: PeerMessage): void => {
      received.push(m)
      heard?.()
    },
    next: (): Promise<void> => new Promise((resolve) => (heard = resolve)),
  }
}

describe('the subscribing connection to Redis', () => {
  let redis: TestRedis
  beforeAll(async () => {
    redis = await startRedis()
  }, 60_000)
  afterAll(async () => {
    await redis.stop()
  })

  it('survives drops while it subscribes again, and is subscribed once Redis answers', async () => {
    const rejections: unknown[] = []
    const onRejection = (e: unknown): void => void rejections.push(e)
    process.on('unhandledRejection', onRejection)
    const log = pino({ level: 'silent' })
    const proxy = await proxyTo(Number(new URL(redis.url).port))
    const listener = await Cluster.connect(proxy.url, log)
    const sender = await Cluster.connect(redis.url, log)
    try {
      const room = roomListener()
      await listener.join('r1', room.handler)
      const reconnected = whenReconnected(listener)

      // Every reconnect's SUBSCRIBE is cut, more times than a command is retried (3).
      proxy.cutSubscribes = true
      const enoughCuts = new Promise<void>((resolve) => {
        proxy.onCut = () => {
          if (proxy.cuts >= 6) resolve()
        }
      })
      proxy.cutAll()
      await bounded(enoughCuts, 'six cut resubscriptions', 30_000)
      proxy.cutSubscribes = false
      // The next reconnect subscribes again; the rooms are told only once it is answered.
      await bounded(reconnected, 'the subscription made again', 30_000)
      const arrived = room.next()
      sender.publishAwareness('r1', new Uint8Array([7]))
      await bounded(arrived, 'a message on the roadmap channel')
      expect(room.received).toEqual([{ kind: 'awareness', update: new Uint8Array([7]) }])
      // Let the rejected commands' handlers (if any were missing) run before looking.
      await new Promise((resolve) => setImmediate(resolve))
      expect(rejections).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
      await Promise.all([listener.close(), sender.close()])
      proxy.cutAll()
      await proxy.close()
    }
  }, 60_000)

  it('opens a roadmap while Redis is away, and hears the other instances once it is back', async () => {
    const log = pino({ level: 'silent' })
    const proxy = await proxyTo(Number(new URL(redis.url).port))
    const listener = await Cluster.connect(proxy.url, log)
    const sender = await Cluster.connect(redis.url, log)
    try {
      const reconnected = whenReconnected(listener)
      // Redis goes away; both connections have tried to reconnect and been refused
      const bothRefused = new Promise<void>((resolve) => {
        proxy.onRefused = () => {
          if (proxy.refused >= 2) resolve()
        }
      })
      proxy.down = true
      proxy.cutAll()
      await bounded(bothRefused, 'the reconnects refused')
      const room = roomListener()
      // it was refused, or waited for Redis, and the roadmap did not open
      await bounded(listener.join('r2', room.handler), 'joining a roadmap while Redis is away')
      proxy.down = false
      await bounded(reconnected, 'the subscriptions made when Redis is back', 30_000)
      const arrived = room.next()
      sender.publishAwareness('r2', new Uint8Array([9]))
      await bounded(arrived, 'a message on the roadmap channel')
      expect(room.received).toEqual([{ kind: 'awareness', update: new Uint8Array([9]) }])
    } finally {
      await Promise.all([listener.close(), sender.close()])
      proxy.cutAll()
      await proxy.close()
    }
  }, 60_000)
})

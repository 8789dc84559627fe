// In-process servers for the server's own tests: real sockets on port 0, real SQLite in a
// temp dir, real y-websocket providers. Waits are for events, bounded only to fail clearly.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { pino } from 'pino'
import { startServer } from '../app.js'
import type { CreatedRoadmap } from '@meridian/protocol'
import type { MeridianServer } from '../app.js'
import type { Config } from '../config.js'
import { defaultLimits } from '../config.js'
import type { Store } from '../store/store.js'
import type { Clock } from '../sync/clock.js'
import { PRESENCE_RATE } from '../sync/presenceRate.js'
import { READ_LIMITS } from '../sync/readPacer.js'
import { PRESENCE_TICK_MS } from '../sync/presenceTick.js'
import type { Cluster } from '../sync/cluster.js'
import { SqliteStore } from '../store/sqlite.js'

export const WAIT_MS = 15_000

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-srv-'))
}

export function testConfig(dataDir: string, over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    maxPayload: 1024 * 1024,
    clientDir: path.join(dataDir, 'no-client'),
    demo: false,
    unloadGraceMs: 100,
    slowConsumerBytes: 32 * 1024 * 1024,
    idleCompactMs: 50,
    autoSnapshotMs: 5 * 60_000,
    heartbeatMs: 30_000,
    fanoutHold: 1,
    presenceTickMs: PRESENCE_TICK_MS,
    wsPenaltyMs: 1_000,
    presenceMaxClientIds: 4,
    presenceMaxStateBytes: 8 * 1024,
    presenceHoldMs: 60_000,
    presenceRate: PRESENCE_RATE,
    read: READ_LIMITS,
    durability: 'normal',
    sqliteMaxBytes: null,
    databaseUrl: null,
    redisUrl: null,
    // One address creates many roadmaps in these tests: the rate limits are tested on their own.
    limits: { ...defaultLimits(), createsPerMinute: 1_000_000, snapshotsPerMinute: 1_000_000 },
    ...over,
  }
}

export async function start(
  dataDir: string,
  over: Partial<Config> = {},
  store: Store = new SqliteStore({ dataDir }),
  cluster: Cluster | null = null,
  clock?: Clock,
): Promise<MeridianServer> {
  const config = testConfig(dataDir, over)
  return startServer(config, store, pino({ level: 'silent' }), cluster, clock)
}

/** A roadmap made over HTTP (the contract's `CreatedRoadmap`). */
export type Created = CreatedRoadmap

export async function call<T = unknown>(
  server: MeridianServer,
  method: string,
  p: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let body: string | undefined = opts.raw
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  const res = await fetch(server.url + p, { method, headers, body })
  const text = await res.text()
  const parsed: unknown =
    (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text
  return { status: res.status, body: parsed as T, text, headers: res.headers }
}

export async function create(server: MeridianServer, title = 'Test roadmap'): Promise<Created> {
  const r = await call<Created>(server, 'POST', '/api/roadmaps', { body: { title } })
  if (r.status !== 201) throw new Error(`create: ${r.status} ${r.text}`)
  return r.body
}

export function provider(
  server: MeridianServer,
  id: string,
  token: string,
  doc = new Y.Doc(),
): WebsocketProvider {
  return new WebsocketProvider(server.url.replace('http', 'ws') + '/ws', id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  })
}

export function bounded<T>(p: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/**
 * What `read` finds in the provider's document at its first `synced` event: what a client
 * holds the moment it is told it has everything. Call before the provider syncs.
 */
export function atFirstSync<T>(p: WebsocketProvider, read: (doc: Y.Doc) => T): Promise<T> {
  return bounded(
    new Promise<T>((resolve) => {
      const h = (s: boolean): void => {
        if (!s) return
        p.off('sync', h)
        resolve(read(p.doc))
      }
      p.on('sync', h)
    }),
    'provider sync',
  )
}

export function synced(p: WebsocketProvider): Promise<void> {
  return p.synced ? Promise.resolve() : atFirstSync(p, () => undefined)
}

/** Resolves once `check` holds: checked now and after every update of `doc`. */
export function until(doc: Y.Doc, check: () => boolean, what: string): Promise<void> {
  if (check()) return Promise.resolve()
  return bounded(
    new Promise<void>((resolve) => {
      const h = (): void => {
        if (!check()) return
        doc.off('update', h)
        resolve()
      }
      doc.on('update', h)
    }),
    what,
  )
}

/** A raw protocol client: every frame it receives, and its close code. */
export class RawClient {
  readonly frames: Uint8Array[] = []
  readonly ws: WebSocket
  readonly opened: Promise<void>
  readonly closed: Promise<{ code: number; reason: string }>
  private waiters: { check: (f: Uint8Array) => boolean; resolve: (f: Uint8Array) => void }[] = []

  constructor(server: MeridianServer, id: string, token: string) {
    this.ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/ws/${id}?token=${encodeURIComponent(token)}`,
    )
    this.ws.binaryType = 'nodebuffer'
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve())
      this.ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`HTTP ${res.statusCode}`)),
      )
      this.ws.once('error', reject)
    })
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    this.ws.on('message', (data: Buffer) => {
      const f = new Uint8Array(data)
      this.frames.push(f)
      this.waiters = this.waiters.filter((w) => {
        if (!w.check(f)) return true
        w.resolve(f)
        return false
      })
    })
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame)
  }

  next(check: (f: Uint8Array) => boolean, what: string): Promise<Uint8Array> {
    const seen = this.frames.find(check)
    if (seen) return Promise.resolve(seen)
    return bounded(new Promise((resolve) => this.waiters.push({ check, resolve })), what)
  }
}

// Seeded HTTP fuzzing against a real server process: methods, paths, headers, bodies and
// encodings aimed at every route of the contract (packages/protocol OPERATIONS). The server
// must never answer a 5xx other than the documented ones (503 unavailable, 507 out of space),
// must answer every refusal with the JSON error envelope, and must stay up. Bodies come with a
// Content-Length, chunked, cut mid-way or aborted (helpers/httpDelivery.ts), some larger than
// the limits. HTTP_FUZZ_SEED, HTTP_FUZZ_REQUESTS and HTTP_FUZZ_MAX_BODY (bytes, the largest
// oversized body) override the seed, the number of requests and the size.
import { ErrorBody, OPERATIONS } from '@meridian/protocol'
import type { Operation } from '@meridian/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createRoadmap, healthz } from './helpers/api.js'
import type { CreatedRoadmap } from './helpers/api.js'
import { DELIVERY, mayGoUnanswered, send } from './helpers/httpDelivery.js'
import type { Answer, Delivery, FuzzRequest } from './helpers/httpDelivery.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 0x48545450)
const REQUESTS = Number(process.env.HTTP_FUZZ_REQUESTS ?? 800)
const MAX_BODY = Number(process.env.HTTP_FUZZ_MAX_BODY ?? 256 * 1024)
const PARALLEL = 8
/** JSON bodies are limited to 64 KiB (server/README.md Limits); imports to this, set low here. */
const JSON_LIMIT = 64 * 1024
const IMPORT_LIMIT = 128 * 1024
const DELIVERIES: readonly Delivery[] = [
  DELIVERY.length,
  DELIVERY.length,
  DELIVERY.length,
  DELIVERY.chunked,
  DELIVERY.chunked,
  DELIVERY.cut,
  DELIVERY.abort,
]
const DOCUMENTED_5XX = new Set([503, 507])

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class HttpFuzzer {
  private readonly r: () => number
  constructor(
    seed: number,
    private readonly roadmap: CreatedRoadmap,
    private readonly snapshotId: string,
  ) {
    this.r = prng(seed)
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]
  }

  private id(): string {
    return this.pick([
      this.roadmap.id,
      this.roadmap.id,
      'AAAAAAAAAAAAAAAA',
      this.snapshotId,
      '',
      '..%2F..%2Fetc',
      'x'.repeat(300),
      '%00',
      '%F0%9F%98%80',
      '-1',
    ])
  }

  private path(op: Operation): string {
    let p = op.path.replace('{id}', () => this.id())
    p = p.replace(/\{\w+\}/g, () => (this.r() < 0.5 ? this.snapshotId : this.id()))
    const extra = this.pick([
      '',
      '',
      '',
      '?format=' + this.pick(['json', 'csv', 'md', 'pdf', '']),
      '?today=' + this.pick(['2026-01-05', '9999-99-99', '2026-02-30', 'x', '-271821-04-19']),
      '?shape=items&format=csv',
      '?token=' + this.pick([this.roadmap.viewerToken, 'nope', '']),
      '/',
      '//',
      '?' + '&a=1'.repeat(200),
      '#frag',
      '%',
    ])
    return p + extra
  }

  private jsonBody(op: Operation): unknown {
    const samples: unknown[] = [
      { title: 'Fuzzed' },
      { title: '' },
      { title: 'x'.repeat(10_000) },
      { name: 'snap' },
      { name: 123 },
      { role: this.pick(['viewer', 'editor', 'owner', 'admin']), label: 'L' },
      { role: 'viewer', expiresAt: this.pick(['2099-01-01T00:00:00Z', 'yesterday', -1]) },
      { format: 'meridian-roadmap', version: 1 },
      { format: 'meridian-roadmap', version: 1, meta: { title: 'T' }, lanes: {}, features: [] },
      [],
      null,
      42,
      'string',
      { __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } },
      JSON.parse('{"a":' + '['.repeat(200) + ']'.repeat(200) + '}') as unknown,
    ]
    if (op.path.endsWith('/import') && this.r() < 0.3)
      return {
        format: 'meridian-roadmap',
        version: 1,
        meta: { title: 'Imported', horizonStart: '2026-01-05', horizonEnd: '2026-12-28' },
      }
    return this.pick(samples)
  }

  /** A JSON body over the limit of its route, up to MAX_BODY: filler, so it costs no draws. */
  private oversized(op: Operation): Buffer {
    const limit = op.path.endsWith('/import') ? IMPORT_LIMIT : JSON_LIMIT
    const size = limit + 1 + Math.floor(this.r() * Math.max(1, MAX_BODY - limit))
    const body = Buffer.alloc(size, 0x78)
    body.write('{"title":"')
    body.write('"}', size - 2)
    return body
  }

  private body(op: Operation): Buffer | null {
    const k = this.r()
    if (k < 0.15) return null
    if (k < 0.27) return this.oversized(op)
    if (k < 0.7) return Buffer.from(JSON.stringify(this.jsonBody(op)))
    if (k < 0.8) {
      const b = Buffer.alloc(Math.floor(this.r() * 2048))
      for (let i = 0; i < b.length; i++) b[i] = Math.floor(this.r() * 256)
      return b
    }
    if (k < 0.9) return Buffer.from(JSON.stringify(this.jsonBody(op)).slice(0, -1))
    return Buffer.from('\ufeff' + JSON.stringify(this.jsonBody(op)), 'utf16le')
  }

  /**
   * A well-formed request to a route that reads a body (owner token, JSON, the real ids), so
   * its body, often oversized and delivered any way, reaches the body reader every time.
   */
  private bodyStress(): FuzzRequest {
    const op = this.pick(Object.values(OPERATIONS).filter((o) => o.method !== 'GET'))
    const path = op.path.replace('{id}', this.roadmap.id).replace(/\{\w+\}/g, this.snapshotId)
    const body =
      this.r() < 0.5 ? this.oversized(op) : Buffer.from(JSON.stringify(this.jsonBody(op)))
    return {
      method: op.method,
      path,
      headers: {
        authorization: 'Bearer ' + this.roadmap.ownerToken,
        'content-type': 'application/json',
      },
      body,
      delivery: this.pick(DELIVERIES),
      oversized: body.length > JSON_LIMIT,
    }
  }

  next(): FuzzRequest {
    if (this.r() < 0.08) return this.bodyStress()
    const op: Operation = this.pick(Object.values(OPERATIONS))
    const method =
      this.r() < 0.7
        ? op.method
        : this.pick(['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'])
    const headers: Record<string, string> = {}
    const auth = this.r()
    const { ownerToken, editorToken, viewerToken } = this.roadmap
    if (auth < 0.6)
      headers.authorization = 'Bearer ' + this.pick([ownerToken, editorToken, viewerToken])
    else if (auth < 0.8)
      headers.authorization = this.pick([
        'Bearer ',
        'Basic Zm9vOmJhcg==',
        'Bearer ' + 'x'.repeat(5000),
        ownerToken,
        'Bearer a b c',
      ])
    const type = this.r()
    if (type < 0.6) headers['content-type'] = 'application/json'
    else if (type < 0.8)
      headers['content-type'] = this.pick([
        'text/plain',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        '',
        'application/jsonx',
      ])
    if (this.r() < 0.15)
      headers['content-encoding'] = this.pick(['gzip', 'br', 'deflate', 'identity', 'bogus'])
    if (this.r() < 0.1) headers['accept-encoding'] = this.pick(['gzip', '*', 'br;q=0'])
    if (this.r() < 0.05) headers['x-forwarded-for'] = '10.0.0.' + Math.floor(this.r() * 255)
    const body = method === 'GET' ? null : this.body(op)
    // An oversized body mostly comes as JSON, so that it reaches the body reader at all.
    if (body && body.length > JSON_LIMIT && this.r() < 0.8) {
      headers['content-type'] = 'application/json'
      delete headers['content-encoding']
    }
    return {
      method,
      path: this.path(op),
      headers,
      body,
      delivery: this.pick(DELIVERIES),
      oversized: body !== null && body.length > JSON_LIMIT,
    }
  }
}

/** What is wrong with the answer, or null. */
function problem(req: FuzzRequest, a: Answer | null): string | null {
  if (a === null) return mayGoUnanswered(req) ? null : 'no answer'
  if (a.status >= 500 && !DOCUMENTED_5XX.has(a.status)) return `undocumented ${a.status}`
  // Other paths are the client's pages, answered for browsers (HTML).
  const api = req.path.startsWith('/api') || /^\/(healthz|metrics)(\?|$)/.test(req.path)
  if (a.status < 400 || req.method === 'HEAD' || !api) return null
  if (!a.type.includes('application/json')) return `error ${a.status} as ${a.type || 'no type'}`
  try {
    if (!ErrorBody.safeParse(JSON.parse(a.text)).success) return `error ${a.status} not an envelope`
  } catch {
    return `error ${a.status} not JSON`
  }
  return null
}

describe('seeded HTTP fuzzing of every route', () => {
  let server: ServerProcess
  let roadmap: CreatedRoadmap
  let snapshotId: string
  beforeAll(async () => {
    server = await startServer({ env: { MERIDIAN_IMPORT_MAX_BYTES: String(IMPORT_LIMIT) } })
    roadmap = await createRoadmap(server, 'Fuzzed roadmap')
    const s = await api<{ id: string }>(server, 'POST', `/api/roadmaps/${roadmap.id}/snapshots`, {
      token: roadmap.editorToken,
      body: { name: 'base' },
    })
    snapshotId = s.body.id
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it(`${REQUESTS} requests (seed ${SEED}): no undocumented 5xx, every refusal an envelope`, async () => {
    const fuzzer = new HttpFuzzer(SEED, roadmap, snapshotId)
    const requests = Array.from({ length: REQUESTS }, () => fuzzer.next())
    // The run covers what once ended the process: a chunked body over the limit.
    if (REQUESTS >= 200)
      expect(requests.some((q) => q.oversized && q.delivery === DELIVERY.chunked)).toBe(true)
    const problems: string[] = []
    let nextIndex = 0
    const worker = async (): Promise<void> => {
      while (nextIndex < requests.length) {
        const i = nextIndex++
        const req = requests[i]
        const a = await send(server, req)
        const p = problem(req, a)
        if (p)
          problems.push(
            `#${i} ${req.method} ${req.path} (${req.delivery}): ${p} ${a?.text.slice(0, 120)}`,
          )
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
    expect(problems.slice(0, 20)).toEqual([])
    expect(server.hasExited()).toBe(false)
    expect(await healthz(server)).toBe(200)
  })
})

// Limits on TCP connections before they do anything: a socket that never completes a request
// is closed after the headers timeout, and the number of connections is capped in total and
// per client address until a WebSocket upgrade is authorized (so idle sockets from one
// address cannot exhaust the process's file descriptors). A connection over its address's cap
// is not closed at once but held unread (a tarpit) until the headers timeout, up to as many
// again as the cap: a client that reopens whatever is closed would otherwise make the server
// accept and close in a tight loop, thousands a second. Past that it is closed at accept.
//
// An address that keeps drawing refusals (413, 429: bodies over the limit, creations past the
// rate, reconnects inside a penalty) is slowed: past REFUSAL_BURST refusals, refilled at
// REFUSALS_PER_SECOND (and a debt of as many again), each new connection of it is held unread
// for about `refusedDelayMs` (from half to one and a half times it, so that many connections
// held together are not served in one burst) and only then served. Answering a refusal costs
// little, but a client that retries at once makes the server accept, parse, answer and close a
// connection a thousand times a second, which slows everyone else (bench/abuse.mjs: oversize
// bodies and a presence flood reconnecting on 429). Held, such a client makes a few requests a
// second. Its keep-alive connections are closed after a refusal while it is slowed, so that it
// cannot go on through an open one.
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { ERROR_CODE } from '@meridian/protocol'
import type { ErrorBody, ErrorCode } from '@meridian/protocol'
import { makeRoom } from '../boundedKeys.js'
import { TokenBucket } from '../sync/tokenBucket.js'

export interface SocketLimits {
  /** a connection that has not sent complete request headers by then is closed */
  headersTimeoutMs: number
  /** a request whose body has not arrived completely by then gets 408 and is closed */
  requestTimeoutMs: number
  /** an idle keep-alive connection is closed after this */
  keepAliveTimeoutMs: number
  /** open connections at once; more are refused (closed at accept) */
  maxConnections: number
  /** open connections per client address that are not an authorized WebSocket */
  maxConnectionsPerAddress: number
  /** how long a new connection of an address that drew many refusals waits; 0: not at all */
  refusedDelayMs: number
}

/** Refusals an address may draw at once before its connections are slowed. */
export const REFUSAL_BURST = 20
/** Refusals an address may draw per second, sustained. */
export const REFUSALS_PER_SECOND = 2
/** Addresses whose refusals are remembered at once (the oldest forgotten first). */
const MAX_REFUSAL_KEYS = 50_000

const TRACKED = Symbol('meridian.preAuth')
type Tracked = Socket & { [TRACKED]?: { address: string; timer: NodeJS.Timeout | null } }

export class SocketGuard {
  private readonly perAddress = new Map<string, number>()
  /** connections over their address's cap or slowed, held unread until closed or served */
  private readonly held = new Map<string, number>()
  /** refusals each address may still draw */
  private readonly refusals = new Map<string, TokenBucket>()

  constructor(
    server: Server,
    private readonly limits: SocketLimits,
    private readonly now: () => number = Date.now,
  ) {
    server.headersTimeout = limits.headersTimeoutMs
    server.requestTimeout = limits.requestTimeoutMs
    server.keepAliveTimeout = limits.keepAliveTimeoutMs
    server.maxConnections = limits.maxConnections
    server.on('connection', (socket: Socket) => this.accept(socket))
    server.on('clientError', answerClientError)
    // Headers complete: Node's own headers and request timeouts take over.
    server.on('request', (req: { socket: Socket }) => this.headersDone(req.socket))
    server.on('upgrade', (req: { socket: Socket }) => this.headersDone(req.socket))
  }

  private accept(socket: Tracked): void {
    const address = socket.remoteAddress ?? ''
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
      this.hold(socket, address, null)
      return
    }
    if (this.limits.refusedDelayMs > 0 && this.slowed(address)) {
      // Spread over half to one and a half times the delay: a client retrying on many
      // connections at once would otherwise be served all at once, a burst every delay.
      this.hold(socket, address, this.limits.refusedDelayMs * (0.5 + Math.random()))
      return
    }
    this.track(socket, address)
  }

  private track(socket: Tracked, address: string): void {
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1)
    // Node checks its headers timeout only once a request has begun: a socket that never
    // sends a byte needs a timer of its own. Released before the close: the client sees it
    // closed at once and may connect again before this socket's 'close' is emitted (the
    // event loop polls for connections before it runs close callbacks).
    const timer = setTimeout(() => {
      this.release(socket)
      socket.destroy()
    }, this.limits.headersTimeoutMs)
    timer.unref()
    socket[TRACKED] = { address, timer }
    socket.once('close', () => this.release(socket))
  }

  /**
   * Reads nothing from `socket` for a while: `serveAfterMs` null (over the cap) until an idle
   * socket would be closed, then closes it; else for that long, then serves it.
   */
  private hold(socket: Tracked, address: string, serveAfterMs: number | null): void {
    const n = (this.held.get(address) ?? 0) + 1
    if (n > this.limits.maxConnectionsPerAddress) {
      socket.destroy()
      return
    }
    this.held.set(address, n)
    let holding = true
    const unhold = () => {
      if (!holding) return
      holding = false
      clearTimeout(timer)
      const left = (this.held.get(address) ?? 1) - 1
      if (left <= 0) this.held.delete(address)
      else this.held.set(address, left)
    }
    // Node's parser stops reading when the socket pauses, but not before the resume that
    // attaching the parser scheduled (a tick from now) has run: pause after it.
    process.nextTick(() => socket.pause())
    const timer = setTimeout(() => {
      unhold()
      if (serveAfterMs === null || socket.destroyed) {
        socket.destroy()
        return
      }
      this.track(socket, address)
      socket.resume()
    }, serveAfterMs ?? this.limits.headersTimeoutMs)
    timer.unref()
    socket.once('close', unhold)
  }

  /** Whether `address` has drawn more refusals than it may (its connections wait). */
  slowed(address: string): boolean {
    return (this.refusals.get(address)?.wait(this.now(), 1) ?? 0) > 0
  }

  /**
   * The server refused a request of `address` for a limit (413, 429). Returns whether the
   * address is slowed now: its connection should then be closed after the answer.
   */
  refused(address: string): boolean {
    if (this.limits.refusedDelayMs <= 0) return false
    const now = this.now()
    let bucket = this.refusals.get(address)
    // Taken out and put back: the map holds the addresses refused last at its end.
    if (bucket) this.refusals.delete(address)
    else {
      makeRoom(this.refusals, MAX_REFUSAL_KEYS, (b) => b.wait(now, REFUSAL_BURST) === 0)
      bucket = new TokenBucket(REFUSALS_PER_SECOND, REFUSAL_BURST, now)
    }
    // A debt of a burst at most: one that keeps retrying stays slowed until it has paused.
    if (bucket.wait(now, 1 - REFUSAL_BURST) === 0) bucket.spend(now, 1)
    this.refusals.set(address, bucket)
    return bucket.wait(now, 1) > 0
  }

  private headersDone(socket: Tracked): void {
    const t = socket[TRACKED]
    if (t?.timer) {
      clearTimeout(t.timer)
      t.timer = null
    }
  }

  /** An authorized WebSocket no longer counts against its address's pre-authentication cap. */
  authorized(socket: Tracked): void {
    this.release(socket)
  }

  private release(socket: Tracked): void {
    const t = socket[TRACKED]
    if (!t) return
    socket[TRACKED] = undefined
    if (t.timer) clearTimeout(t.timer)
    const n = (this.perAddress.get(t.address) ?? 1) - 1
    if (n <= 0) this.perAddress.delete(t.address)
    else this.perAddress.set(t.address, n)
  }
}

/**
 * How often Node looks for requests past their headers or request timeout: by default every
 * 30 s, which would make a 10 s timeout a 40 s one. A quarter of the shorter timeout.
 */
export function connectionsCheckingInterval(limits: SocketLimits): number {
  const shorter = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs)
  return Math.max(250, Math.min(30_000, Math.floor(shorter / 4)))
}

/** What Node's parser or timers refuse, answered with the JSON error envelope (then closed). */
const CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: ERROR_CODE.requestTimeout,
    message: 'the request did not arrive in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: ERROR_CODE.tooLarge,
    message: 'request headers too large',
  },
}
const BAD_REQUEST = { status: 400, code: ERROR_CODE.badRequest, message: 'malformed request' }
const REASON: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
}

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A peer that went away, or a socket already answered: nothing to say to it.
  if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket).bytesWritten > 0) {
    socket.destroy()
    return
  }
  const { status, code, message } = CLIENT_ERRORS[err.code ?? ''] ?? BAD_REQUEST
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody)
  socket.end(
    `HTTP/1.1 ${status} ${REASON[status]}\r\n` +
      'content-type: application/json\r\nx-content-type-options: nosniff\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  )
}

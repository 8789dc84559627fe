// A raw ws + y-protocols client: sends exactly the bytes a test crafts and records every frame
// the server sends back, decoded. For crafted frames, viewers, fuzzing and close codes.
import { EventEmitter } from 'node:events'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { ServerProcess } from './server.js'
import { waitForEvent, WAIT_MS } from './wait.js'

export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export const SYNC = { step1: 0, step2: 1, update: 2 } as const

export type Decoded =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'auth-denied'; reason: string }
  | { kind: 'query-awareness' }
  | { kind: 'other'; type: number }
  | { kind: 'undecodable'; error: string }

export function decodeFrame(data: Uint8Array): Decoded {
  try {
    const dec = decoding.createDecoder(data)
    const type = decoding.readVarUint(dec)
    switch (type) {
      case MSG.sync: {
        const sub = decoding.readVarUint(dec)
        const payload = decoding.readVarUint8Array(dec)
        if (sub === SYNC.step1) return { kind: 'sync-step1', stateVector: payload }
        if (sub === SYNC.step2) return { kind: 'sync-step2', update: payload }
        if (sub === SYNC.update) return { kind: 'sync-update', update: payload }
        return { kind: 'other', type }
      }
      case MSG.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(dec) }
      case MSG.auth: {
        const sub = decoding.readVarUint(dec)
        if (sub === 0) return { kind: 'auth-denied', reason: decoding.readVarString(dec) }
        return { kind: 'other', type }
      }
      case MSG.queryAwareness:
        return { kind: 'query-awareness' }
      default:
        return { kind: 'other', type }
    }
  } catch (e) {
    return { kind: 'undecodable', error: String(e) }
  }
}

// ---- frame builders (the standard y-websocket framing) ----

const frame = (write: (enc: encoding.Encoder) => void): Uint8Array => {
  const enc = encoding.createEncoder()
  write(enc)
  return encoding.toUint8Array(enc)
}

export const frames = {
  syncStep1: (stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())): Uint8Array =>
    frame((enc) => {
      encoding.writeVarUint(enc, MSG.sync)
      encoding.writeVarUint(enc, SYNC.step1)
      encoding.writeVarUint8Array(enc, stateVector)
    }),
  syncStep2: (update: Uint8Array): Uint8Array =>
    frame((enc) => {
      encoding.writeVarUint(enc, MSG.sync)
      encoding.writeVarUint(enc, SYNC.step2)
      encoding.writeVarUint8Array(enc, update)
    }),
  update: (update: Uint8Array): Uint8Array =>
    frame((enc) => {
      encoding.writeVarUint(enc, MSG.sync)
      encoding.writeVarUint(enc, SYNC.update)
      encoding.writeVarUint8Array(enc, update)
    }),
  awareness: (update: Uint8Array): Uint8Array =>
    frame((enc) => {
      encoding.writeVarUint(enc, MSG.awareness)
      encoding.writeVarUint8Array(enc, update)
    }),
  queryAwareness: (): Uint8Array =>
    frame((enc) => {
      encoding.writeVarUint(enc, MSG.queryAwareness)
    }),
}

/** An awareness update announcing `state` for `clientID` (clock 1 unless given). */
export function awarenessUpdateFor(clientID: number, state: unknown, clock = 1): Uint8Array {
  return frame((enc) => {
    encoding.writeVarUint(enc, 1)
    encoding.writeVarUint(enc, clientID)
    encoding.writeVarUint(enc, clock)
    encoding.writeVarString(enc, JSON.stringify(state))
  })
}

export function wsUrl(
  server: Pick<ServerProcess, 'wsOrigin'>,
  roadmapId: string,
  token?: string,
): string {
  const q = token === undefined ? '' : `?token=${encodeURIComponent(token)}`
  return `${server.wsOrigin}/ws/${encodeURIComponent(roadmapId)}${q}`
}

export type ConnectResult =
  | { ok: true; client: RawClient }
  | { ok: false; status: number; body: string; retryAfter: string | undefined }

export class RawClient extends EventEmitter {
  readonly received: Decoded[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private closeInfo: { code: number; reason: string } | null = null

  private constructor(readonly ws: WebSocket) {
    super()
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => {
      const d = decodeFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      this.received.push(d)
      this.emit('frame', d)
    })
    this.closed = new Promise((resolve) => {
      ws.once('close', (code: number, reason: Buffer) => {
        this.closeInfo = { code, reason: reason.toString() }
        resolve(this.closeInfo)
      })
    })
    ws.on('error', () => {
      // surfaced through 'close'
    })
  }

  /** Open a socket; an HTTP answer instead of the upgrade is a value, not an exception. */
  static connect(
    url: string,
    timeoutMs = WAIT_MS,
    /** the local address to connect from (another loopback address is another client) */
    localAddress?: string,
  ): Promise<ConnectResult> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, localAddress })
      // Listeners are registered before the first message can arrive.
      const client = new RawClient(ws)
      ws.once('open', () => resolve({ ok: true, client }))
      ws.once('unexpected-response', (_req, res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => {
          ws.terminate()
          const retryAfter = res.headers['retry-after']
          resolve({ ok: false, status: res.statusCode ?? 0, body, retryAfter })
        })
      })
      ws.once('error', (e) => {
        if (ws.readyState !== WebSocket.OPEN) reject(e)
      })
    })
  }

  /** connect() that must succeed. */
  static async open(url: string): Promise<RawClient> {
    const r = await RawClient.connect(url)
    if (!r.ok) throw new Error(`upgrade refused: HTTP ${r.status} ${r.body}`)
    return r.client
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  get closeEvent(): { code: number; reason: string } | null {
    return this.closeInfo
  }

  /** Send one frame; resolves once it was handed to the socket (or rejects if closed). */
  send(data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        reject(new Error('socket not open'))
        return
      }
      this.ws.send(data, (err) => (err ? reject(err) : resolve()))
    })
  }

  /** Resolves with the first frame (already received or future) matching `match`. */
  async waitForFrame<K extends Decoded['kind']>(
    kind: K,
    match: (d: Extract<Decoded, { kind: K }>) => boolean = () => true,
    timeoutMs = WAIT_MS,
  ): Promise<Extract<Decoded, { kind: K }>> {
    const ok = (d: Decoded): d is Extract<Decoded, { kind: K }> =>
      d.kind === kind && match(d as Extract<Decoded, { kind: K }>)
    const seen = this.received.find(ok)
    if (seen) return seen
    const [d] = await waitForEvent<[Decoded]>(this, 'frame', ok, `frame ${kind}`, timeoutMs)
    return d as Extract<Decoded, { kind: K }>
  }

  /**
   * The standard handshake from the client side: send sync step 1 (empty state vector) and wait
   * for the server's sync step 2.
   */
  async handshake(): Promise<Uint8Array> {
    await this.send(frames.syncStep1())
    const step2 = await this.waitForFrame('sync-step2')
    return step2.update
  }

  close(code?: number): Promise<{ code: number; reason: string }> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code)
    }
    return this.closed
  }

  terminate(): void {
    this.ws.terminate()
  }
}

// Writing one pre-built WebSocket frame to many sockets. A broadcast frame (header and
// payload) is built once, in one allocation, and the same bytes are written to every socket,
// one write per socket per turn: no per-socket framing, allocation or extra syscalls. Server
// frames are unmasked, so the bytes are identical for every receiver. Falls back to `ws.send`
// when the socket is not reachable (a ws version without `_socket`).
import type { Socket } from 'node:net'
import WebSocket from 'ws'

const headSize = (n: number): number => (n < 126 ? 2 : n < 65_536 ? 4 : 10)

/** Writes the header of a binary WebSocket frame (FIN, opcode 2, no mask) of `n` bytes. */
function writeHead(out: Buffer, n: number): void {
  out[0] = 0x82
  if (n < 126) {
    out[1] = n
  } else if (n < 65_536) {
    // by hand: writeUInt16BE's argument checks showed in the relay's profile
    out[1] = 126
    out[2] = n >>> 8
    out[3] = n & 0xff
  } else {
    out[1] = 127
    out.writeUInt32BE(Math.floor(n / 2 ** 32), 2)
    out.writeUInt32BE(n >>> 0, 6)
  }
}

/** A binary WebSocket frame holding `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const head = headSize(payload.byteLength)
  const out = Buffer.allocUnsafe(head + payload.byteLength)
  writeHead(out, payload.byteLength)
  out.set(payload, head)
  return out
}

/** Bytes of `n` as a lib0 variable-length unsigned integer. */
export function varUintSize(n: number): number {
  let size = 1
  while (n > 0x7f) {
    n = Math.floor(n / 128)
    size++
  }
  return size
}

/** Writes `n` at `at` as a lib0 variable-length unsigned integer; returns the offset after it. */
export function writeVarUint(out: Uint8Array, at: number, n: number): number {
  while (n > 0x7f) {
    out[at++] = 0x80 | (n % 128)
    n = Math.floor(n / 128)
  }
  out[at++] = n
  return at
}

/**
 * Messages prepared for broadcast, in order: their payloads, and their frames as one buffer
 * (built once, on the first raw write, unless the message was built framed), so they go out
 * in one socket write.
 */
export class Outgoing {
  private constructor(
    readonly payloads: readonly Uint8Array[],
    private framed: Buffer | null,
  ) {}

  static of(payload: Uint8Array): Outgoing {
    return new Outgoing([payload], null)
  }

  /**
   * One y-websocket message framed in one allocation: the `head` bytes (message type, sync
   * step), then a length-prefixed byte array of `count` (when given, as a lib0 var uint) and
   * `parts` in order. The parts are copied as they are.
   */
  static message(head: readonly number[], parts: readonly Uint8Array[], count?: number): Outgoing {
    let body = count === undefined ? 0 : varUintSize(count)
    for (const p of parts) body += p.byteLength
    const n = head.length + varUintSize(body) + body
    const ws = headSize(n)
    const out = Buffer.allocUnsafe(ws + n)
    writeHead(out, n)
    let at = ws
    for (const b of head) out[at++] = b
    at = writeVarUint(out, at, body)
    if (count !== undefined) at = writeVarUint(out, at, count)
    for (const p of parts) {
      out.set(p, at)
      at += p.byteLength
    }
    return new Outgoing([out.subarray(ws)], out)
  }

  /** `a`'s messages, then `b`'s (their frames, each built once, copied into one buffer). */
  static join(a: Outgoing, b: Outgoing): Outgoing {
    return new Outgoing([...a.payloads, ...b.payloads], Buffer.concat([a.frame, b.frame]))
  }

  get frame(): Buffer {
    this.framed ??=
      this.payloads.length === 1
        ? binaryFrame(this.payloads[0])
        : Buffer.concat(this.payloads.map(binaryFrame))
    return this.framed
  }
}

const socketOf = (ws: WebSocket): Socket | undefined =>
  (ws as unknown as { _socket?: Socket })._socket

/** Writes the messages to `ws` as one socket write. False if the socket is not open. */
export function writeAll(ws: WebSocket, out: Outgoing): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false
  const socket = socketOf(ws)
  if (!socket || socket.destroyed) {
    for (const p of out.payloads) ws.send(p)
    return true
  }
  socket.write(out.frame)
  return true
}

/** Bytes written to `ws` and not yet taken by the kernel. */
export function queuedBytes(ws: WebSocket): number {
  const socket = socketOf(ws)
  return socket ? socket.writableLength : ws.bufferedAmount
}

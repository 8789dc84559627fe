// Writing one pre-built WebSocket frame to many sockets. A broadcast frame (header and
// payload) is built once and the same bytes are written to every socket, one write per
// socket per turn: no per-socket framing, allocation or extra syscalls. Server frames are
// unmasked, so the bytes are identical for every receiver. Falls back to `ws.send` when the
// socket is not reachable (a ws version without `_socket`).
import type { Socket } from 'node:net'
import WebSocket from 'ws'

/** A binary WebSocket frame (FIN, opcode 2, no mask) holding `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10
  const out = Buffer.allocUnsafe(head + n)
  out[0] = 0x82
  if (n < 126) {
    out[1] = n
  } else if (n < 65_536) {
    out[1] = 126
    out.writeUInt16BE(n, 2)
  } else {
    out[1] = 127
    out.writeUInt32BE(Math.floor(n / 2 ** 32), 2)
    out.writeUInt32BE(n >>> 0, 6)
  }
  out.set(payload, head)
  return out
}

/**
 * Messages prepared for broadcast, in order: their payloads, and their frames built once (on the
 * first raw write) as one buffer, so they go out in one socket write.
 */
export class Outgoing {
  private framed: Buffer | null = null

  private constructor(readonly payloads: readonly Uint8Array[]) {}

  static of(payload: Uint8Array): Outgoing {
    return new Outgoing([payload])
  }

  /** `a`'s messages, then `b`'s. */
  static join(a: Outgoing, b: Outgoing): Outgoing {
    return new Outgoing([...a.payloads, ...b.payloads])
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

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

/** A message prepared for broadcast: the payload, and its frame built on first raw write. */
export class Outgoing {
  private framed: Buffer | null = null

  constructor(readonly payload: Uint8Array) {}

  get frame(): Buffer {
    this.framed ??= binaryFrame(this.payload)
    return this.framed
  }
}

const socketOf = (ws: WebSocket): Socket | undefined =>
  (ws as unknown as { _socket?: Socket })._socket

/** Writes the messages to `ws` in order as one socket write. False if the socket is not open. */
export function writeAll(ws: WebSocket, messages: readonly Outgoing[]): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false
  const socket = socketOf(ws)
  if (!socket || socket.destroyed) {
    for (const m of messages) ws.send(m.payload)
    return true
  }
  if (messages.length === 1) {
    socket.write(messages[0].frame)
    return true
  }
  socket.cork()
  for (const m of messages) socket.write(m.frame)
  socket.uncork()
  return true
}

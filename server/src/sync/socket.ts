// The socket a room talks to: the part of a WebSocket the room uses, and no more (as tldraw's
// TLRoomSocket and automerge-repo's NetworkAdapter). wsSocket.ts binds it to `ws`; unit tests
// run a room over an in-memory pair (server/src/testing/memorySocket.ts).
import type { Outgoing } from './wire.js'

export interface RoomSocket {
  readonly isOpen: boolean
  /** Bytes written and not yet taken by the network: a slow consumer's backlog. */
  readonly queuedBytes: number
  send(message: Uint8Array): void
  /** The messages in order, in one write (a relay). False when the socket is not open. */
  sendAll(out: Outgoing): boolean
  /** A heartbeat ping; the socket's owner reports the pong (`Conn.alive`). */
  ping(): void
  close(code: number, reason: string): void
  /** Drops the connection without waiting for the closing handshake. */
  terminate(): void
  /** Resolves once the connection is closed. */
  closed(): Promise<void>
}

// A `ws` WebSocket as a RoomSocket.
import WebSocket from 'ws'
import type { RoomSocket } from './socket.js'
import { queuedBytes, writeAll } from './wire.js'
import type { Outgoing } from './wire.js'

export class WsSocket implements RoomSocket {
  constructor(
    private readonly ws: WebSocket,
    /** told the code when the server closes this socket, before the close frame is sent */
    private readonly onClose: (code: number) => void = () => undefined,
  ) {}

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  get queuedBytes(): number {
    return queuedBytes(this.ws)
  }

  send(message: Uint8Array): void {
    this.ws.send(message)
  }

  sendAll(out: Outgoing): boolean {
    return writeAll(this.ws, out)
  }

  ping(): void {
    this.ws.ping()
  }

  close(code: number, reason: string): void {
    this.onClose(code)
    this.ws.close(code, reason)
  }

  terminate(): void {
    this.ws.terminate()
  }

  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) resolve()
      else this.ws.once('close', () => resolve())
    })
  }
}

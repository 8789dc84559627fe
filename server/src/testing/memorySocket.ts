// An in-memory socket for unit tests of a room: the server's end is a RoomSocket
// (server/src/sync/socket.ts); the test holds the client's end: what arrived, in order, and
// a pause in reading that lets the backlog grow (a slow consumer).
import type { RoomSocket } from '../sync/socket.js'
import type { Outgoing } from '../sync/wire.js'

export class MemorySocket implements RoomSocket {
  /** frames the client has read, in order */
  readonly received: Uint8Array[] = []
  /** socket writes the server made (a relay writes everything of a turn at once) */
  writes = 0
  /** the close frame the server sent, if any */
  closedWith: { code: number; reason: string } | null = null
  terminated = false
  /** false: the client stops reading, and what the server writes waits in the backlog */
  reading = true
  /** answers heartbeat pings (what the client's pong does) */
  onPing: (() => void) | null = null
  /** the connection ended (what the socket's close event does) */
  onClose: (() => void) | null = null
  /** ms of the clock one write takes (a busy server), through `spend` */
  writeCost = 0
  spend: ((ms: number) => void) | null = null
  private open = true
  private backlog: Uint8Array[] = []
  private backlogBytes = 0
  private whenClosed: Promise<void>
  private resolveClosed: () => void = () => undefined

  constructor() {
    this.whenClosed = new Promise((resolve) => (this.resolveClosed = resolve))
  }

  get isOpen(): boolean {
    return this.open
  }

  get queuedBytes(): number {
    return this.backlogBytes
  }

  send(message: Uint8Array): void {
    if (this.open) this.write([message])
  }

  sendAll(out: Outgoing): boolean {
    if (!this.open) return false
    this.write(out.payloads)
    return true
  }

  ping(): void {
    this.onPing?.()
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason }
    this.end()
  }

  terminate(): void {
    this.terminated = true
    this.end()
  }

  closed(): Promise<void> {
    return this.whenClosed
  }

  /** The client reads again: it takes the backlog. */
  resume(): void {
    this.reading = true
    this.received.push(...this.backlog)
    this.backlog = []
    this.backlogBytes = 0
  }

  private write(messages: readonly Uint8Array[]): void {
    this.writes++
    if (this.writeCost > 0) this.spend?.(this.writeCost)
    for (const m of messages) {
      const copy = m.slice()
      if (this.reading) {
        this.received.push(copy)
      } else {
        this.backlog.push(copy)
        this.backlogBytes += copy.byteLength
      }
    }
  }

  private end(): void {
    if (!this.open) return
    this.open = false
    this.resolveClosed()
    // As a socket's close event: after the call that closed it.
    queueMicrotask(() => this.onClose?.())
  }
}

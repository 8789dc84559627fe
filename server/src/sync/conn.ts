import type { Role } from '../store/store.js'
import type { RoomSocket } from './socket.js'

/** One WebSocket of one roadmap. Kept small: thousands of idle ones may be open. */
export class Conn {
  /** frames received before the roadmap finished loading, in order */
  queue: Uint8Array[] | null = []
  open = true
  /** heard from since the last heartbeat ping */
  alive = true

  constructor(
    readonly socket: RoomSocket,
    readonly role: Role,
    readonly linkId: string,
    readonly expiresAt: number | null,
  ) {}
}

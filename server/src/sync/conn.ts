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
    /**
     * The person this connection speaks for, fixed at the upgrade (`connectionName` in
     * server/src/auth/access.ts): what the server stamps on what the connection records
     * (acceptances, comments, history). Never taken from the document or from presence.
     */
    readonly name: string | null = null,
  ) {}
}

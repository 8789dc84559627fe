// How fast one WebSocket is read. Every frame costs the server its receive and dispatch before
// any limit of a room can look at it, so a connection sending tiny frames as fast as it can
// (a million a second) would hold the event loop by itself. Each socket has a budget of
// frames and bytes per second; over it, the socket is paused (`ws.pause()`: nothing more is
// read, TCP pushes back on the sender) until the budget is back, and nothing it sent is lost.
// The defaults sit far above what a live client sends (an edit per keystroke, presence at
// 25 Hz, y-websocket's echo of everyone's presence: hundreds of frames a second in a big
// room) and a first sync of a large offline change (`burst` bytes at once).
import type { Clock, Timer } from './clock.js'
import { TokenBucket } from './tokenBucket.js'

export interface ReadLimits {
  /** frames per second a socket is read at, sustained (`MERIDIAN_WS_FRAMES_PER_SECOND`) */
  framesPerSecond: number
  /** bytes per second, sustained (`MERIDIAN_WS_BYTES_PER_SECOND`) */
  bytesPerSecond: number
}

// 1 MiB a second: four times a 50-person room's echoed presence (50 × 25 Hz × 200 B), while a
// first sync of up to MAX_PAYLOAD goes at once. It was 16 MiB: a presence flood was then read
// at 10 MB/s to be dropped, and the garbage of it (20–30 ms collections every half second)
// slowed everyone (bench/abuse.mjs presence rows: 2.8–3.8x alone at 16 MiB, 1.0–1.1x at 1).
export const READ_LIMITS: ReadLimits = { framesPerSecond: 2_000, bytesPerSecond: 1024 * 1024 }

/** What the pacer needs of a socket (`ws` WebSocket has both). */
export interface Pausable {
  pause(): void
  resume(): void
}

export class ReadPacer {
  private readonly frames: TokenBucket
  private readonly bytes: TokenBucket
  private timer: Timer | undefined
  /** how many times reading was paused (tests and the debug log) */
  pauses = 0

  constructor(
    private readonly socket: Pausable,
    limits: ReadLimits,
    private readonly clock: Clock,
    /** a frame may be up to this big: the byte budget holds at least one */
    maxPayload: number,
  ) {
    const now = clock.monotonic()
    this.frames = new TokenBucket(limits.framesPerSecond, limits.framesPerSecond * 2, now)
    this.bytes = new TokenBucket(
      limits.bytesPerSecond,
      Math.max(limits.bytesPerSecond * 2, maxPayload),
      now,
    )
  }

  /** A frame of `size` bytes was read: pauses the socket while over budget. */
  read(size: number): void {
    const now = this.clock.monotonic()
    const wait = Math.max(this.frames.spend(now, 1), this.bytes.spend(now, size))
    if (wait === 0 || this.timer !== undefined) return
    this.pauses += 1
    this.socket.pause()
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined
      this.socket.resume()
    }, wait)
  }

  /** The socket closed: no timer outlives it. */
  stop(): void {
    this.clock.clear(this.timer)
    this.timer = undefined
  }
}

// What a room needs from the server around it (rooms.ts is the one host; room.test.ts builds
// the same host over an in-memory socket and a clock the test advances).
import type { Logger } from '../log.js'
import type { AwarenessLimits } from './awareness.js'
import type { Metrics } from '../metrics.js'
import type { StorageHealth } from '../store/storageFull.js'
import type { Store } from '../store/store.js'
import type { Clock } from './clock.js'
import type { CloseKind } from './closeCodes.js'
import type { Cluster } from './cluster.js'
import type { Conn } from './conn.js'
import type { FanoutPacer } from './pacer.js'
import type { PresenceRateLimits } from './presenceRate.js'

export interface RoomOptions {
  slowConsumerBytes: number
  idleCompactMs: number
  autoSnapshotMs: number
  unloadGraceMs: number
  /** compact once the stored log exceeds max(this, twice the state) bytes */
  compactLogBytes: number
  compactLogCount: number
  heartbeatMs: number
  /**
   * Fan-out pacing: after a relay that took D ms of socket writes, the roadmap's next relay
   * waits until D × this has passed (0: relay every turn). See pacer.ts.
   */
  fanoutHold: number
  /**
   * The presence tick: presence-only news waits up to this (ms) for more when the event loop
   * is busy (0: never). See presenceTick.ts.
   */
  presenceTickMs: number
  /** stored snapshots per roadmap: an automatic one replaces the oldest automatic one */
  snapshotsPerRoadmap: number
  /** presence limits per connection and client id (awareness.ts) */
  awareness: AwarenessLimits
  /** presence messages per connection: budget and flood close (presenceRate.ts) */
  presenceRate: PresenceRateLimits
}

/** A room with news: its next flush is due (after its pacing hold). */
export interface Flushable {
  readonly id: string
  readonly pacer: FanoutPacer
  /** what waits for the flush is presence only (no edits) */
  readonly presenceOnly: boolean
  flush(): Promise<void>
}

export interface RoomHost {
  store: Store
  /** the other server instances (REDIS_URL); null when this one is alone */
  cluster: Cluster | null
  metrics: Metrics
  log: Logger
  options: RoomOptions
  clock: Clock
  scheduleFlush(room: Flushable): void
  closed(conn: Conn, kind: CloseKind): void
  /** the store was written (for housekeeping once writes are quiet) */
  wrote(): void
  /** what the last store writes did: out of space or not */
  storage: StorageHealth
}

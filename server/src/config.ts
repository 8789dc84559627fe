// Configuration from the environment (server/README.md "Configuration"). Parsed once at start;
// a bad value is reported and the process exits rather than running misconfigured.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { PRESENCE_RATE } from './sync/presenceRate.js'
import { READ_LIMITS } from './sync/readPacer.js'
import type { ReadLimits } from './sync/readPacer.js'
import type { PresenceRateLimits } from './sync/presenceRate.js'
import { PRESENCE_TICK_MS } from './sync/presenceTick.js'

export interface Config {
  port: number
  host: string
  dataDir: string
  logLevel: string
  /** largest WebSocket message accepted; larger ones close the socket with 1009 */
  maxPayload: number
  /** directory of the built client */
  clientDir: string
  /** create the demo roadmap on first start */
  demo: boolean
  /** how long a roadmap with no connections stays in memory */
  unloadGraceMs: number
  /** a socket with more bytes queued than this is closed as a slow consumer */
  slowConsumerBytes: number
  /** compact the stored log after the document has been quiet this long */
  idleCompactMs: number
  /** take an automatic snapshot once edits have gone on this long since the last one */
  autoSnapshotMs: number
  /** ping every connection this often; close one that did not answer the last ping */
  heartbeatMs: number
  /** fan-out pacing factor (see RoomOptions.fanoutHold); 0 relays every event-loop turn */
  fanoutHold: number
  /** longest wait (ms) of presence-only news for more when the event loop is busy; 0 never */
  presenceTickMs: number
  /** client ids one connection may announce in presence; more closes it with 4413 */
  presenceMaxClientIds: number
  /** bytes of one presence state; a larger one closes the socket with 4413 */
  presenceMaxStateBytes: number
  /** how long a client id stays bound to its link once its connection closed */
  presenceHoldMs: number
  /** presence messages per connection: the budget, and the flood that closes it with 4413 */
  presenceRate: PresenceRateLimits
  /**
   * the first penalty of a client closed for abuse: its reconnects are refused with 429 for
   * this long, doubling with each further strike up to a minute (sync/penaltyBox.ts); 0: off
   */
  wsPenaltyMs: number
  /** how fast each WebSocket is read; over it the socket is paused (sync/readPacer.ts) */
  read: ReadLimits
  durability: 'normal' | 'full'
  /** the SQLite database file grows to at most this; past it writes are refused as storage full */
  sqliteMaxBytes: number | null
  /** PostgreSQL connection string; null: the SQLite file in dataDir */
  databaseUrl: string | null
  /** Redis for fan-out between instances sharing the database; null: a single instance */
  redisUrl: string | null
  limits: Limits
}

/** What one client can ask of the server (server/README.md § Limits). */
export interface Limits {
  /** a connection without complete request headers by then is closed */
  headersTimeoutMs: number
  /** a request not received completely by then gets 408 */
  requestTimeoutMs: number
  /** an idle keep-alive connection is closed after this */
  keepAliveTimeoutMs: number
  /** open TCP connections at once */
  maxConnections: number
  /** open connections per client address, not counting authorized WebSockets */
  maxConnectionsPerAddress: number
  /** new connections of an address that drew many refusals (413, 429) wait this long; 0 off */
  refusedDelayMs: number
  /** largest import body */
  importMaxBytes: number
  /** most entities (lanes, features, items, …, together) an import may hold */
  importMaxEntities: number
  /** roadmaps created or imported per client address per minute */
  createsPerMinute: number
  /** stored snapshots per roadmap (named and automatic together) */
  snapshotsPerRoadmap: number
  /** named snapshots per roadmap per minute */
  snapshotsPerMinute: number
  /** a roadmap never connected to and never edited is deleted this long after creation; 0: kept */
  unusedRoadmapTtlMs: number
}

const MiB = 1024 * 1024

const intFrom = (min: number) => z.coerce.number().int().min(min)

const Env = z.object({
  PORT: intFrom(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']))
    .default('info'),
  MAX_PAYLOAD: intFrom(1024).default(8 * MiB),
  CLIENT_DIR: z.string().min(1).optional(),
  MERIDIAN_NO_DEMO: z.string().optional(),
  MERIDIAN_UNLOAD_GRACE_MS: intFrom(0).default(30_000),
  MERIDIAN_SLOW_CONSUMER_BYTES: intFrom(1024).default(32 * MiB),
  MERIDIAN_IDLE_COMPACT_MS: intFrom(0).default(1_500),
  MERIDIAN_AUTO_SNAPSHOT_MS: intFrom(1_000).default(5 * 60_000),
  MERIDIAN_HEARTBEAT_MS: intFrom(1_000).default(30_000),
  MERIDIAN_FANOUT_HOLD: z.coerce.number().min(0).max(4).default(1),
  MERIDIAN_PRESENCE_TICK_MS: intFrom(0).max(40).default(PRESENCE_TICK_MS),
  MERIDIAN_PRESENCE_MAX_CLIENT_IDS: intFrom(1).max(1_000).default(4),
  MERIDIAN_PRESENCE_MAX_STATE_BYTES: intFrom(256)
    .max(MiB)
    .default(8 * 1024),
  MERIDIAN_PRESENCE_HOLD_MS: intFrom(0).default(60_000),
  MERIDIAN_PRESENCE_RATE: intFrom(1).max(10_000).default(PRESENCE_RATE.perSecond),
  MERIDIAN_PRESENCE_BURST: intFrom(1).max(100_000).default(PRESENCE_RATE.burst),
  MERIDIAN_PRESENCE_BYTES_PER_SECOND: intFrom(1024)
    .max(64 * MiB)
    .default(PRESENCE_RATE.bytesPerSecond),
  MERIDIAN_PRESENCE_FLOOD_FACTOR: intFrom(2).max(1_000).default(PRESENCE_RATE.floodFactor),
  MERIDIAN_PRESENCE_FLOOD_SECONDS: intFrom(1).max(3_600).default(PRESENCE_RATE.floodSeconds),
  MERIDIAN_WS_FRAMES_PER_SECOND: intFrom(10).max(1_000_000).default(READ_LIMITS.framesPerSecond),
  MERIDIAN_WS_BYTES_PER_SECOND: intFrom(1024).default(READ_LIMITS.bytesPerSecond),
  MERIDIAN_WS_PENALTY_MS: intFrom(0).max(60_000).default(1_000),
  MERIDIAN_DURABILITY: z.enum(['normal', 'full']).default('normal'),
  MERIDIAN_SQLITE_MAX_MB: intFrom(1).optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  MERIDIAN_HEADERS_TIMEOUT_MS: intFrom(100).default(10_000),
  MERIDIAN_REQUEST_TIMEOUT_MS: intFrom(1_000).default(120_000),
  MERIDIAN_KEEPALIVE_TIMEOUT_MS: intFrom(100).default(5_000),
  MERIDIAN_MAX_CONNECTIONS: intFrom(1).default(10_000),
  MERIDIAN_MAX_CONNECTIONS_PER_ADDRESS: intFrom(1).default(256),
  MERIDIAN_REFUSED_DELAY_MS: intFrom(0).max(60_000).default(1_000),
  MERIDIAN_IMPORT_MAX_BYTES: intFrom(1024)
    .max(64 * MiB)
    .default(16 * MiB),
  MERIDIAN_IMPORT_MAX_ENTITIES: intFrom(1).default(50_000),
  MERIDIAN_CREATES_PER_MINUTE: intFrom(1).default(30),
  MERIDIAN_SNAPSHOTS_PER_ROADMAP: intFrom(1).default(200),
  MERIDIAN_SNAPSHOTS_PER_MINUTE: intFrom(1).default(6),
  MERIDIAN_UNUSED_ROADMAP_TTL_HOURS: z.coerce.number().min(0).default(24),
})

/** Repository root: this file is server/src/config.ts or bundled into server/dist/main.js. */
const repoRoot = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string }

export function configFromEnv(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, error: `${issue.path.join('.')}: ${issue.message}` }
  }
  const e = parsed.data
  if (e.DATABASE_URL && !/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) {
    return { ok: false, error: 'DATABASE_URL: expected a postgres:// or postgresql:// URL' }
  }
  if (e.REDIS_URL && !/^rediss?:\/\//.test(e.REDIS_URL)) {
    return { ok: false, error: 'REDIS_URL: expected a redis:// or rediss:// URL' }
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    return {
      ok: false,
      error: 'REDIS_URL: instances that share updates must share one database; set DATABASE_URL',
    }
  }
  if (e.MERIDIAN_HEADERS_TIMEOUT_MS > e.MERIDIAN_REQUEST_TIMEOUT_MS) {
    return {
      ok: false,
      error: 'MERIDIAN_HEADERS_TIMEOUT_MS: must not exceed MERIDIAN_REQUEST_TIMEOUT_MS',
    }
  }
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: path.resolve(e.DATA_DIR),
      logLevel: e.LOG_LEVEL,
      maxPayload: e.MAX_PAYLOAD,
      clientDir: path.resolve(e.CLIENT_DIR ?? path.join(repoRoot(), 'client', 'dist')),
      demo: !e.MERIDIAN_NO_DEMO || e.MERIDIAN_NO_DEMO === '0',
      unloadGraceMs: e.MERIDIAN_UNLOAD_GRACE_MS,
      slowConsumerBytes: e.MERIDIAN_SLOW_CONSUMER_BYTES,
      idleCompactMs: e.MERIDIAN_IDLE_COMPACT_MS,
      autoSnapshotMs: e.MERIDIAN_AUTO_SNAPSHOT_MS,
      heartbeatMs: e.MERIDIAN_HEARTBEAT_MS,
      fanoutHold: e.MERIDIAN_FANOUT_HOLD,
      presenceTickMs: e.MERIDIAN_PRESENCE_TICK_MS,
      presenceMaxClientIds: e.MERIDIAN_PRESENCE_MAX_CLIENT_IDS,
      presenceMaxStateBytes: e.MERIDIAN_PRESENCE_MAX_STATE_BYTES,
      presenceHoldMs: e.MERIDIAN_PRESENCE_HOLD_MS,
      presenceRate: {
        perSecond: e.MERIDIAN_PRESENCE_RATE,
        burst: e.MERIDIAN_PRESENCE_BURST,
        bytesPerSecond: e.MERIDIAN_PRESENCE_BYTES_PER_SECOND,
        floodFactor: e.MERIDIAN_PRESENCE_FLOOD_FACTOR,
        floodSeconds: e.MERIDIAN_PRESENCE_FLOOD_SECONDS,
      },
      wsPenaltyMs: e.MERIDIAN_WS_PENALTY_MS,
      read: {
        framesPerSecond: e.MERIDIAN_WS_FRAMES_PER_SECOND,
        bytesPerSecond: e.MERIDIAN_WS_BYTES_PER_SECOND,
      },
      durability: e.MERIDIAN_DURABILITY,
      sqliteMaxBytes:
        e.MERIDIAN_SQLITE_MAX_MB === undefined ? null : e.MERIDIAN_SQLITE_MAX_MB * MiB,
      databaseUrl: e.DATABASE_URL || null,
      redisUrl: e.REDIS_URL || null,
      limits: {
        headersTimeoutMs: e.MERIDIAN_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: e.MERIDIAN_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: e.MERIDIAN_KEEPALIVE_TIMEOUT_MS,
        maxConnections: e.MERIDIAN_MAX_CONNECTIONS,
        maxConnectionsPerAddress: e.MERIDIAN_MAX_CONNECTIONS_PER_ADDRESS,
        // A held connection is timed from its accept: past the headers timeout Node answers
        // 408, so a slowed one is served within half of it.
        refusedDelayMs: Math.min(
          e.MERIDIAN_REFUSED_DELAY_MS,
          Math.floor(e.MERIDIAN_HEADERS_TIMEOUT_MS / 2),
        ),
        importMaxBytes: e.MERIDIAN_IMPORT_MAX_BYTES,
        importMaxEntities: e.MERIDIAN_IMPORT_MAX_ENTITIES,
        createsPerMinute: e.MERIDIAN_CREATES_PER_MINUTE,
        snapshotsPerRoadmap: e.MERIDIAN_SNAPSHOTS_PER_ROADMAP,
        snapshotsPerMinute: e.MERIDIAN_SNAPSHOTS_PER_MINUTE,
        unusedRoadmapTtlMs: Math.round(e.MERIDIAN_UNUSED_ROADMAP_TTL_HOURS * 3_600_000),
      },
    },
  }
}

/** The limits with every setting at its default (tests build configs from it). */
export function defaultLimits(): Limits {
  const r = configFromEnv({})
  if (!r.ok) throw new Error(r.error)
  return r.config.limits
}

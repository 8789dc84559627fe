// One Node process, one port: the built client, the JSON API and WebSocket sync.
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { authorize, connectionName, tokenOf } from './auth/access.js'
import type { Config } from './config.js'
import { handleHttp } from './http/handleHttp.js'
import type { Logger } from './log.js'
import { errorText } from './log.js'
import { Metrics } from './metrics.js'
import type { Store } from './store/store.js'
import { CLOSE, ERROR_CODE, WS_CLOSE } from '@meridian/protocol'
import type { ErrorBody } from '@meridian/protocol'
import type { Cluster } from './sync/cluster.js'
import { Conn } from './sync/conn.js'
import { Rooms } from './sync/rooms.js'
import { REAL_CLOCK } from './sync/clock.js'
import type { Clock } from './sync/clock.js'
import { WsSocket } from './sync/wsSocket.js'
import { ID_PATTERN } from './ids.js'
import { StaticFiles } from './http/static.js'
import { SocketGuard, connectionsCheckingInterval } from './http/sockets.js'
import { addressOf } from './http/context.js'
import { RateLimiter } from './http/rateLimit.js'
import { PenaltyBox } from './sync/penaltyBox.js'
import { Importer } from './roadmaps/importer.js'
import { sweepUnusedRoadmaps } from './roadmaps/unused.js'
import { ReadPacer } from './sync/readPacer.js'

export interface MeridianServer {
  readonly port: number
  readonly url: string
  readonly rooms: Rooms
  readonly metrics: Metrics
  readonly store: Store
  /** Stops accepting, stores everything, closes sockets with 1001 and the store. */
  close(): Promise<void>
}

/** Server closes that strike the client (sync/penaltyBox.ts), besides ws's own 1009. */
const ABUSE_CLOSES: ReadonlySet<number> = new Set([
  CLOSE.protocolError.code,
  CLOSE.presenceTooLarge.code,
  CLOSE.nestingTooDeep.code,
])
/** The longest penalty: strikes double the first (MERIDIAN_WS_PENALTY_MS) up to this. */
const WS_PENALTY_MAX_MS = 60_000

const SHUTTING_DOWN = { code: ERROR_CODE.unavailable, message: 'server shutting down' } as const

const WS_PATH = new RegExp(`^/ws/(${ID_PATTERN.source.slice(1, -1)})$`)

function destroyOnError(this: Duplex): void {
  this.destroy()
}

/** Refuses before the upgrade, with the API's error envelope (`reason` for a refused link). */
function refuseUpgrade(
  socket: Duplex,
  status: number,
  error: ErrorBody['error'],
  retryAfterSeconds?: number,
): void {
  const body = JSON.stringify({ error } satisfies ErrorBody)
  const head =
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    (retryAfterSeconds ? `Retry-After: ${retryAfterSeconds}\r\n` : '') +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n'
  socket.end(head + body, () => socket.destroy())
}

/**
 * Serves `store`. With `cluster` (REDIS_URL), this instance is one of several sharing the
 * store: updates, awareness and link revocations go through Redis to the others.
 */
export async function startServer(
  config: Config,
  store: Store,
  log: Logger,
  cluster: Cluster | null = null,
  clock: Clock = REAL_CLOCK,
): Promise<MeridianServer> {
  const metrics = new Metrics(() => store.bytesStored())
  if (cluster) metrics.redisUp(() => cluster.up)
  const rooms = new Rooms(
    store,
    metrics,
    log,
    cluster,
    {
      slowConsumerBytes: config.slowConsumerBytes,
      idleCompactMs: config.idleCompactMs,
      autoSnapshotMs: config.autoSnapshotMs,
      unloadGraceMs: config.unloadGraceMs,
      compactLogBytes: 1024 * 1024,
      compactLogCount: 10_000,
      heartbeatMs: config.heartbeatMs,
      fanoutHold: config.fanoutHold,
      presenceTickMs: config.presenceTickMs,
      snapshotsPerRoadmap: config.limits.snapshotsPerRoadmap,
      awareness: {
        maxClientIds: config.presenceMaxClientIds,
        maxStateBytes: config.presenceMaxStateBytes,
        claimHoldMs: config.presenceHoldMs,
      },
      presenceRate: config.presenceRate,
    },
    clock,
  )
  metrics.historyBytes(async () => {
    let total = 0
    for (const id of rooms.loadedIds()) total += await store.historyBytes(id)
    return total
  })
  const files = new StaticFiles(config.clientDir)
  const { limits } = config
  const importer = new Importer()
  const api = {
    store,
    rooms,
    limits,
    importer,
    creates: new RateLimiter(limits.createsPerMinute),
    snapshots: new RateLimiter(limits.snapshotsPerMinute),
  }
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxPayload,
    perMessageDeflate: false,
    clientTracking: false,
    skipUTF8Validation: true,
  })
  let stopping = false
  const penalties = new PenaltyBox(config.wsPenaltyMs, WS_PENALTY_MAX_MS)
  const unused = sweepUnusedRoadmaps(store, log, limits.unusedRoadmapTtlMs)

  // The socket guard counts refusals per address; it is built with the server, below.
  const refused = (address: string): boolean => guard.refused(address)
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handleHttp(req, res, { ...api, metrics, files, log, refused }).catch((e: unknown) => {
      log.error({ err: errorText(e), url: req.url }, 'request failed')
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          error: { code: ERROR_CODE.internal, message: 'internal error' },
        } satisfies ErrorBody),
      )
    })
  }

  const onConnection = (ws: WebSocket, roadmapId: string, conn: Conn, strike: () => void): void => {
    ws.binaryType = 'nodebuffer'
    rooms.attach(roadmapId, conn)
    const pacer = new ReadPacer(ws, config.read, clock, config.maxPayload)
    ws.on('message', (data: Buffer) => {
      pacer.read(data.byteLength)
      rooms.receive(conn, data)
    })
    ws.on('pong', () => {
      conn.alive = true
    })
    ws.on('error', (e: Error & { code?: string }) => {
      // A malformed frame or one over maxPayload: ws has just written its close (1002, 1007
      // or 1009), in this same turn.
      if (e.code?.startsWith('WS_ERR_')) strike()
      log.debug({ roadmapId, err: errorText(e) }, 'socket error')
    })
    ws.on('close', (code: number) => {
      pacer.stop()
      if (conn.open)
        metrics.socketsClosed.inc({
          reason: code === WS_CLOSE.messageTooBig ? 'messageTooBig' : 'client',
        })
      rooms.detach(conn)
    })
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A named function, not a closure: a closure would keep this scope (the request, its
    // headers) alive for as long as the socket lives.
    socket.on('error', destroyOnError)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const m = WS_PATH.exec(url.pathname)
    if (!m)
      return refuseUpgrade(socket, 404, {
        code: ERROR_CODE.notFound,
        message: 'WebSocket path is /ws/:roadmapId',
      })
    if (stopping) return refuseUpgrade(socket, 503, SHUTTING_DOWN)
    const roadmapId = m[1]
    const token = tokenOf(req.headers.authorization, url.searchParams)
    // The token, not its link: the penalty is checked before any store lookup.
    const penaltyKey = `${addressOf(req)} ${token ?? ''}`
    const wait = penalties.wait(penaltyKey)
    if (wait > 0) {
      refused(addressOf(req))
      return refuseUpgrade(
        socket,
        429,
        {
          code: ERROR_CODE.rateLimited,
          message: 'closed for breaking a limit: reconnect after the Retry-After seconds',
        },
        Math.ceil(wait / 1000),
      )
    }
    authorize(store, roadmapId, token, Date.now())
      .then((a) => {
        if (!a.ok) {
          const { status, ...error } = a.denial
          return refuseUpgrade(socket, status, error)
        }
        if (stopping) return refuseUpgrade(socket, 503, SHUTTING_DOWN)
        guard.authorized(socket as Socket)
        wss.handleUpgrade(req, socket, head, (ws) => {
          const strike = () => penalties.strike(penaltyKey)
          // Struck as the server closes it, so a reconnect that follows is refused.
          const wsSocket = new WsSocket(ws, (code) => ABUSE_CLOSES.has(code) && strike())
          onConnection(
            ws,
            roadmapId,
            new Conn(
              wsSocket,
              a.link.role,
              a.link.id,
              a.link.expiresAt,
              // A personal link speaks for its person, whatever the client calls itself.
              a.link.personName ?? connectionName(url.searchParams),
            ),
            strike,
          )
        })
      })
      .catch((e: unknown) => {
        log.error({ err: errorText(e) }, 'upgrade failed')
        refuseUpgrade(socket, 500, { code: ERROR_CODE.internal, message: 'internal error' })
      })
  }

  const server = http.createServer(
    { connectionsCheckingInterval: connectionsCheckingInterval(config.limits) },
    onRequest,
  )
  const guard = new SocketGuard(server, config.limits)
  server.on('upgrade', onUpgrade)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopping = true
      unused.stop()
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      await rooms.closeAll()
      server.closeAllConnections()
      await stopped
      await importer.close()
      await cluster?.close()
      await store.close()
    })()
    return closing
  }

  return { port, url: `http://${hostForUrl}:${port}`, rooms, metrics, store, close }
}

// Prometheus metrics, one registry per server instance (tests run several in one process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export class Metrics {
  readonly registry = new Registry()
  readonly connections = new Gauge({
    name: 'meridian_connections',
    help: 'Open WebSocket connections by role',
    labelNames: ['role'] as const,
    registers: [this.registry],
  })
  readonly roadmapsLoaded = new Gauge({
    name: 'meridian_roadmaps_loaded',
    help: 'Roadmaps held in memory',
    registers: [this.registry],
  })
  readonly updates = new Counter({
    name: 'meridian_updates_total',
    help: 'Document updates accepted, stored and broadcast',
    registers: [this.registry],
  })
  readonly bytesStored: Gauge
  readonly relays = new Counter({
    name: 'meridian_relays_total',
    help: 'Relays to the connections of a roadmap (each one socket write per connection)',
    registers: [this.registry],
  })
  readonly relayWrites = new Counter({
    name: 'meridian_relay_writes_total',
    help: 'Socket writes of relays',
    registers: [this.registry],
  })
  readonly peerMessages = new Counter({
    name: 'meridian_peer_messages_total',
    help: 'Messages from other server instances (REDIS_URL), by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  })
  readonly storeLatency = new Histogram({
    name: 'meridian_store_latency_seconds',
    help: 'Latency of store operations',
    labelNames: ['op'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  })
  readonly dropped = new Counter({
    name: 'meridian_messages_dropped_total',
    help: 'Incoming messages dropped, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })
  readonly socketsClosed = new Counter({
    name: 'meridian_sockets_closed_total',
    help: 'WebSocket connections closed, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })

  /** 1 while both Redis connections are up; absent for a single instance. */
  redisUp(up: () => boolean): void {
    new Gauge({
      name: 'meridian_redis_up',
      help: 'Whether this instance is connected to Redis (REDIS_URL)',
      registers: [this.registry],
      collect() {
        this.set(up() ? 1 : 0)
      },
    })
  }

  /** The stored size of the snapshot history of the roadmaps loaded here, at scrape time. */
  historyBytes(total: () => Promise<number>): void {
    new Gauge({
      name: 'meridian_history_bytes',
      help: 'Bytes the snapshot history of the roadmaps loaded on this instance takes as stored',
      registers: [this.registry],
      async collect() {
        this.set(await total())
      },
    })
  }

  constructor(bytesStored: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry })
    // Computed at scrape time: no work on the hot path.
    this.bytesStored = new Gauge({
      name: 'meridian_bytes_stored',
      help: 'Bytes held by the store',
      registers: [this.registry],
      async collect() {
        this.set(await bytesStored())
      },
    })
  }
}

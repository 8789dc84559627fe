// Over 300 lines: one class implementing every method of the Store interface in SQL.
// PostgreSQL store (node-postgres), for when one machine is not enough (docs/ARCHITECTURE.md,
// "Persistence guarantees"): set DATABASE_URL. Same tables and semantics as the SQLite store;
// every method is one statement or one transaction. Durability is PostgreSQL's: a commit is
// flushed to its WAL before `appendUpdates` resolves (synchronous_commit on, the default).
import pg from 'pg'
import type {
  AppendResult,
  Editor,
  LinkRecord,
  ListedSnapshot,
  MergeStates,
  NewRoadmap,
  RoadmapRecord,
  SnapshotMeta,
  SnapshotRecord,
  Store,
  StoredDoc,
} from './store.js'
import { MAX_EDITORS_PER_SNAPSHOT, storedDoc } from './store.js'
import {
  CHAIN_QUERY,
  EXPORT_CHAIN_QUERY,
  EXPORT_HEAD_QUERY,
  EXPORTS_TABLE,
  chainLinkFromRow,
  EDITOR_NAME_NONE,
  EDITORS_TABLE,
  editorFromRow,
  PENDING_EDITORS,
  LINK_COLUMNS,
  linkFromRow,
  linkValues,
  SNAPSHOT_CHAIN_COLUMNS,
  SNAPSHOT_META_COLUMNS,
  snapshotMetaFromRow,
  toBytes,
} from './rows.js'
import type { ChainRow, EditorRow, LinkRow, SnapshotMetaRow } from './rows.js'
import { chainOf, encodeLink } from './snapshotChain.js'
import type { ChainLink } from './snapshotChain.js'
import { DecodedStates } from './decodedStates.js'
import { DecodedExports, encodeExport, exportOfState } from './snapshotExports.js'
import { POSTGRES_ROLE_CHECK, ROLE_CHECK } from './roleCheck.js'

export interface PostgresStoreOptions {
  /** a libpq connection string: postgres://user:pass@host:port/db (host may be a socket dir) */
  connectionString: string
  /** pool size; the server's writes are serialized per roadmap, reads are short */
  max?: number
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS roadmaps (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq BIGSERIAL PRIMARY KEY,
  roadmap_id TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_roadmap ON updates (roadmap_id, seq);
CREATE TABLE IF NOT EXISTS states (
  roadmap_id TEXT PRIMARY KEY,
  state BYTEA NOT NULL,
  state_vector BYTEA
);
CREATE TABLE IF NOT EXISTS snapshots (
  ord BIGSERIAL,
  id TEXT PRIMARY KEY,
  roadmap_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
  created_at BIGINT NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_roadmap ON snapshots (roadmap_id, created_at, ord);
CREATE TABLE IF NOT EXISTS links (
  ord BIGSERIAL,
  id TEXT PRIMARY KEY,
  roadmap_id TEXT NOT NULL,
  role TEXT NOT NULL CONSTRAINT links_role_check ${ROLE_CHECK},
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT,
  person_name TEXT,
  expires_at BIGINT,
  revoked_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS links_by_roadmap ON links (roadmap_id, created_at, ord);
${SNAPSHOT_CHAIN_COLUMNS.map(
  ([name, definition]) => `ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS ${name} ${definition};`,
).join('\n')}
ALTER TABLE links ADD COLUMN IF NOT EXISTS person_name TEXT;
${EDITORS_TABLE.replace('$ORD', 'ord BIGSERIAL PRIMARY KEY')}
${EXPORTS_TABLE.replace('$BLOB', 'BYTEA').replace('$OPTIONS', '')}
`

/**
 * Adds the editors `source` selects (roadmap_id $1, link_id, name, ord) to interval
 * `interval` of roadmap $1, those it lacks first, up to the cap.
 */
const addEditors = (interval: string, source: string): string =>
  `INSERT INTO snapshot_editors (roadmap_id, snapshot_id, link_id, name)
   SELECT s.roadmap_id, ${interval}, s.link_id, s.name FROM (${source}) s
   WHERE NOT EXISTS (SELECT 1 FROM snapshot_editors x WHERE x.roadmap_id = $1
     AND x.snapshot_id = ${interval} AND x.link_id = s.link_id AND x.name = s.name)
   ORDER BY s.ord
   LIMIT greatest(0, ${MAX_EDITORS_PER_SNAPSHOT} - (SELECT count(*) FROM snapshot_editors
     WHERE roadmap_id = $1 AND snapshot_id = ${interval}))
   ON CONFLICT DO NOTHING`

/** Serializes snapshot writes of one roadmap across servers, so its chain stays a line. */
const SNAPSHOT_LOCK = 0x736e61 // 'sna'

/** Two servers starting at once must not both create the tables. */
const SCHEMA_LOCK = 0x6d6572 // 'mer'

const INT8_OID = 20
/** BIGINT columns hold millisecond times and seqs: well inside a double's exact range. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

const INSERT_LINK = `INSERT INTO links (${LINK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`

export class PostgresStore implements Store {
  private readonly pool: pg.Pool
  private readonly decoded = new DecodedStates()
  private readonly exports = new DecodedExports()
  private closed = false

  private constructor(options: PostgresStoreOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 8,
      types,
    })
    // An idle client that loses its connection (a restarted database) is dropped from the
    // pool; the next query opens a new one. Without a listener this would crash the process.
    this.pool.on('error', () => undefined)
  }

  /** Connects and creates the tables if they are missing. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const store = new PostgresStore(options)
    try {
      await store.transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
        await c.query(SCHEMA)
        await c.query(POSTGRES_ROLE_CHECK)
      })
    } catch (e) {
      await store.pool.end()
      throw e
    }
    return store
  }

  private async transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect()
    try {
      await c.query('BEGIN')
      const out = await work(c)
      await c.query('COMMIT')
      return out
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined)
      throw e
    } finally {
      c.release()
    }
  }

  async createRoadmap(input: NewRoadmap): Promise<void> {
    const r = input.roadmap
    await this.transaction(async (c) => {
      await c.query(
        'INSERT INTO roadmaps (id, title, created_at, updated_at) VALUES ($1, $2, $3, $4)',
        [r.id, r.title, r.createdAt, r.updatedAt],
      )
      for (const l of input.links) await c.query(INSERT_LINK, linkValues(l))
      if (input.state && input.stateVector) {
        await c.query('INSERT INTO states (roadmap_id, state, state_vector) VALUES ($1, $2, $3)', [
          r.id,
          toBuffer(input.state),
          toBuffer(input.stateVector),
        ])
      }
    })
  }

  async getRoadmap(id: string): Promise<RoadmapRecord | undefined> {
    const { rows } = await this.pool.query<{
      id: string
      title: string
      created_at: number
      updated_at: number
    }>('SELECT id, title, created_at, updated_at FROM roadmaps WHERE id = $1', [id])
    const r = rows[0]
    return r && { id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at }
  }

  async countRoadmaps(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM roadmaps')
    return rows[0]?.n ?? 0
  }

  async touchRoadmap(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE roadmaps SET updated_at = $2 WHERE id = $1', [id, at])
  }

  async deleteUnusedRoadmaps(createdBefore: number, limit: number): Promise<string[]> {
    // One statement: data-modifying CTEs all run, in one snapshot.
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH gone AS (
         DELETE FROM roadmaps WHERE id IN (
           SELECT id FROM roadmaps r WHERE updated_at = created_at AND created_at < $1
             AND NOT EXISTS (SELECT 1 FROM updates u WHERE u.roadmap_id = r.id) LIMIT $2
         ) RETURNING id
       ),
       s AS (DELETE FROM states WHERE roadmap_id IN (SELECT id FROM gone)),
       l AS (DELETE FROM links WHERE roadmap_id IN (SELECT id FROM gone)),
       n AS (DELETE FROM snapshots WHERE roadmap_id IN (SELECT id FROM gone)),
       e AS (DELETE FROM snapshot_editors WHERE roadmap_id IN (SELECT id FROM gone)),
       x AS (DELETE FROM snapshot_exports WHERE roadmap_id IN (SELECT id FROM gone))
       SELECT id FROM gone`,
      [createdBefore, limit],
    )
    return rows.map((r) => r.id)
  }

  async loadDoc(roadmapId: string): Promise<StoredDoc> {
    // One snapshot of both tables: a compaction committing in between cannot make an update
    // appear twice or not at all.
    return this.transaction(async (c) => {
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
      const s = await c.query<{ state: Buffer; state_vector: Buffer | null }>(
        'SELECT state, state_vector FROM states WHERE roadmap_id = $1',
        [roadmapId],
      )
      const u = await c.query<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE roadmap_id = $1 ORDER BY seq',
        [roadmapId],
      )
      const state = s.rows[0]
      return storedDoc(
        state ? toBytes(state.state) : null,
        state?.state_vector ? toBytes(state.state_vector) : null,
        u.rows.map((r) => ({ seq: r.seq, data: toBytes(r.data) })),
      )
    })
  }

  async appendUpdates(
    roadmapId: string,
    updates: readonly Uint8Array[],
    at: number,
    editors: readonly Editor[] = [],
  ): Promise<AppendResult> {
    // One statement (one round trip, one commit): the updates in order, the roadmap's
    // updated_at, and the editors of the open interval (up to the cap).
    const { rows } = await this.pool.query<{ seq: number | null }>(
      `WITH ins AS (
         INSERT INTO updates (roadmap_id, data)
         SELECT $1, d FROM unnest($2::bytea[]) WITH ORDINALITY AS t(d, i) ORDER BY i
         RETURNING seq
       ), touched AS (
         UPDATE roadmaps SET updated_at = $3 WHERE id = $1
       ), edited AS (
         ${addEditors(
           `'${PENDING_EDITORS}'`,
           `SELECT $1 AS roadmap_id, l AS link_id, n AS name, i AS ord
            FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS e(l, n, i)`,
         )}
       )
       SELECT max(seq) AS seq FROM ins`,
      [
        roadmapId,
        updates.map(toBuffer),
        at,
        editors.map((e) => e.linkId),
        editors.map((e) => e.name ?? EDITOR_NAME_NONE),
      ],
    )
    return { lastSeq: rows[0]?.seq ?? 0 }
  }

  async compact(
    roadmapId: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    throughSeq: number,
    merge?: MergeStates,
  ): Promise<void> {
    await this.transaction(async (c) => {
      let next = { state, stateVector }
      if (merge) {
        // One compaction of a roadmap at a time, over what is stored.
        await c.query('SELECT id FROM roadmaps WHERE id = $1 FOR UPDATE', [roadmapId])
        const s = await c.query<{ state: Buffer }>(
          'SELECT state FROM states WHERE roadmap_id = $1',
          [roadmapId],
        )
        const u = await c.query<{ data: Buffer }>(
          'SELECT data FROM updates WHERE roadmap_id = $1 AND seq <= $2 ORDER BY seq',
          [roadmapId, throughSeq],
        )
        const parts = s.rows.map((r) => toBytes(r.state))
        for (const r of u.rows) parts.push(toBytes(r.data))
        parts.push(state)
        next = merge(parts)
      }
      await c.query(
        'INSERT INTO states (roadmap_id, state, state_vector) VALUES ($1, $2, $3) ' +
          'ON CONFLICT (roadmap_id) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector',
        [roadmapId, toBuffer(next.state), toBuffer(next.stateVector)],
      )
      await c.query('DELETE FROM updates WHERE roadmap_id = $1 AND seq <= $2', [
        roadmapId,
        throughSeq,
      ])
    })
  }

  async createSnapshot(s: SnapshotRecord): Promise<void> {
    // Decoded before the snapshot lock is taken: other servers' snapshots need not wait.
    const exported = s.exported ?? exportOfState(s.state)
    await this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SNAPSHOT_LOCK, s.roadmapId])
      const { rows } = await c.query<{ id: string; depth: number }>(
        'SELECT id, depth FROM snapshots WHERE roadmap_id = $1 ORDER BY ord DESC LIMIT 1',
        [s.roadmapId],
      )
      const newest = rows[0]
      const head = newest && { ...newest, state: (await this.stateOf(c, s.roadmapId, newest.id))! }
      const link = encodeLink(head ?? null, s.state)
      if (exported !== undefined) {
        const exportHead = (
          await c.query<{ id: string; depth: number }>(EXPORT_HEAD_QUERY('ord'), [s.roadmapId])
        ).rows[0]
        const headText = exportHead && (await this.exportOf(c, s.roadmapId, exportHead.id))
        const base = exportHead && headText !== undefined ? { ...exportHead, text: headText } : null
        await this.putExport(c, s.roadmapId, s.id, encodeExport(base, exported))
      }
      await c.query(
        'INSERT INTO snapshots (id, roadmap_id, name, kind, created_at, state, encoding, base_id, ' +
          'depth, state_size) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [
          s.id,
          s.roadmapId,
          s.name,
          s.kind,
          s.createdAt,
          toBuffer(link.data),
          link.encoding,
          link.baseId,
          link.depth,
          s.state.byteLength,
        ],
      )
      await c.query(
        `UPDATE snapshot_editors SET snapshot_id = $1 WHERE roadmap_id = $2 AND snapshot_id = '${PENDING_EDITORS}'`,
        [s.id, s.roadmapId],
      )
    })
    // The base of the next snapshot: encoding that one then decodes nothing.
    this.decoded.keep(s.roadmapId, s.id, s.state.slice())
    if (exported !== undefined) this.exports.keep(s.roadmapId, s.id, exported)
  }

  private async putExport(c: pg.PoolClient, roadmapId: string, snapshotId: string, l: ChainLink) {
    await c.query(
      'INSERT INTO snapshot_exports (roadmap_id, snapshot_id, encoding, base_id, depth, data) ' +
        'VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (roadmap_id, snapshot_id) DO UPDATE SET ' +
        'encoding = excluded.encoding, base_id = excluded.base_id, depth = excluded.depth, ' +
        'data = excluded.data',
      [roadmapId, snapshotId, l.encoding, l.baseId, l.depth, toBuffer(l.data)],
    )
  }

  private async exportOf(
    db: pg.Pool | pg.PoolClient,
    roadmapId: string,
    snapshotId: string,
  ): Promise<string | undefined> {
    const { rows } = await db.query<ChainRow>(EXPORT_CHAIN_QUERY, [roadmapId, snapshotId])
    return this.exports.decode(roadmapId, rows.map(chainLinkFromRow), snapshotId)
  }

  async getSnapshotExport(
    roadmapId: string,
    snapshotId: string,
  ): Promise<{ snapshot: SnapshotMeta; exported: string } | undefined> {
    const { rows } = await this.pool.query<SnapshotMetaRow>(
      `SELECT ${SNAPSHOT_META_COLUMNS} FROM snapshots WHERE roadmap_id = $1 AND id = $2`,
      [roadmapId, snapshotId],
    )
    const r = rows[0]
    const exported = r && (await this.exportOf(this.pool, roadmapId, snapshotId))
    return r && exported !== undefined ? { snapshot: snapshotMetaFromRow(r), exported } : undefined
  }

  async listSnapshots(roadmapId: string): Promise<ListedSnapshot[]> {
    const [list, editorRows] = await Promise.all([
      this.pool.query<SnapshotMetaRow>(
        `SELECT ${SNAPSHOT_META_COLUMNS} FROM snapshots WHERE roadmap_id = $1 ORDER BY created_at, ord`,
        [roadmapId],
      ),
      this.pool.query<EditorRow & { snapshot_id: string }>(
        'SELECT snapshot_id, link_id, name FROM snapshot_editors WHERE roadmap_id = $1 ORDER BY ord',
        [roadmapId],
      ),
    ])
    const editors = new Map<string, Editor[]>()
    for (const r of editorRows.rows) {
      const l = editors.get(r.snapshot_id) ?? []
      l.push(editorFromRow(r))
      editors.set(r.snapshot_id, l)
    }
    return list.rows.map((r) => ({ ...snapshotMetaFromRow(r), editors: editors.get(r.id) ?? [] }))
  }

  async getSnapshot(roadmapId: string, snapshotId: string): Promise<SnapshotRecord | undefined> {
    const { rows } = await this.pool.query<SnapshotMetaRow>(
      `SELECT ${SNAPSHOT_META_COLUMNS} FROM snapshots WHERE roadmap_id = $1 AND id = $2`,
      [roadmapId, snapshotId],
    )
    const r = rows[0]
    const state = r && (await this.stateOf(this.pool, roadmapId, snapshotId))
    // A copy: the kept state is the base of later reads.
    return r && state && { ...snapshotMetaFromRow(r), state: state.slice() }
  }

  private async stateOf(
    db: pg.Pool | pg.PoolClient,
    roadmapId: string,
    snapshotId: string,
  ): Promise<Uint8Array | undefined> {
    const { rows } = await db.query<ChainRow>(CHAIN_QUERY, [roadmapId, snapshotId])
    const links = rows.map(chainLinkFromRow)
    const chain = chainOf(new Map(links.map((l) => [l.id, l])), snapshotId)
    return chain && this.decoded.decode(roadmapId, chain)
  }

  async historyBytes(roadmapId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number | null }>(
      'SELECT (SELECT sum(octet_length(state)) FROM snapshots WHERE roadmap_id = $1) + ' +
        'COALESCE((SELECT sum(octet_length(data)) FROM snapshot_exports WHERE roadmap_id = $1), 0) AS n',
      [roadmapId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async deleteSnapshot(roadmapId: string, snapshotId: string): Promise<boolean> {
    return this.transaction(async (c) => {
      // Snapshots stored as deltas on the deleted one are stored whole first: no chain breaks.
      const dependents = await c.query<{ id: string }>(
        'SELECT id FROM snapshots WHERE roadmap_id = $1 AND base_id = $2 FOR UPDATE',
        [roadmapId, snapshotId],
      )
      for (const { id } of dependents.rows) {
        const state = await this.stateOf(c, roadmapId, id)
        if (!state) continue
        const whole = encodeLink(null, state)
        await c.query(
          'UPDATE snapshots SET state = $1, encoding = $2, base_id = NULL, depth = $3 ' +
            'WHERE roadmap_id = $4 AND id = $5',
          [toBuffer(whole.data), whole.encoding, whole.depth, roadmapId, id],
        )
      }
      const exportDependents = await c.query<{ id: string }>(
        'SELECT snapshot_id AS id FROM snapshot_exports WHERE roadmap_id = $1 AND base_id = $2 ' +
          'FOR UPDATE',
        [roadmapId, snapshotId],
      )
      for (const { id } of exportDependents.rows) {
        const text = await this.exportOf(c, roadmapId, id)
        // Unreadable already: the snapshot opens from its state.
        if (text !== undefined) await this.putExport(c, roadmapId, id, encodeExport(null, text))
      }
      await c.query('DELETE FROM snapshot_exports WHERE roadmap_id = $1 AND snapshot_id = $2', [
        roadmapId,
        snapshotId,
      ])
      this.exports.forget(roadmapId, snapshotId)
      await this.moveEditors(c, roadmapId, snapshotId)
      this.decoded.forget(roadmapId, snapshotId)
      const r = await c.query('DELETE FROM snapshots WHERE roadmap_id = $1 AND id = $2', [
        roadmapId,
        snapshotId,
      ])
      return (r.rowCount ?? 0) > 0
    })
  }

  /** A deleted snapshot's editors join the next one's: it now follows the previous one. */
  private async moveEditors(c: pg.PoolClient, roadmapId: string, snapshotId: string) {
    const next = await c.query<{ id: string }>(
      'SELECT id FROM snapshots WHERE roadmap_id = $1 AND ord > ' +
        '(SELECT ord FROM snapshots WHERE roadmap_id = $1 AND id = $2) ORDER BY ord LIMIT 1',
      [roadmapId, snapshotId],
    )
    const target = next.rows[0]?.id ?? PENDING_EDITORS
    await c.query(
      addEditors(
        '$3',
        `SELECT roadmap_id, link_id, name, ord FROM snapshot_editors
         WHERE roadmap_id = $1 AND snapshot_id = $2`,
      ),
      [roadmapId, snapshotId, target],
    )
    await c.query('DELETE FROM snapshot_editors WHERE roadmap_id = $1 AND snapshot_id = $2', [
      roadmapId,
      snapshotId,
    ])
  }

  async createLink(link: LinkRecord): Promise<void> {
    await this.pool.query(INSERT_LINK, linkValues(link))
  }

  async listLinks(roadmapId: string): Promise<LinkRecord[]> {
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM links WHERE roadmap_id = $1 ORDER BY created_at, ord`,
      [roadmapId],
    )
    return rows.map(linkFromRow)
  }

  async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined> {
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM links WHERE token_hash = $1`,
      [tokenHash],
    )
    return rows[0] && linkFromRow(rows[0])
  }

  async revokeLink(roadmapId: string, linkId: string, at: number): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE links SET revoked_at = $1 WHERE roadmap_id = $2 AND id = $3 AND revoked_at IS NULL',
      [at, roadmapId, linkId],
    )
    return (r.rowCount ?? 0) > 0
  }

  async reissueLink(roadmapId: string, linkId: string, tokenHash: string): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE links SET token_hash = $1 WHERE roadmap_id = $2 AND id = $3 AND revoked_at IS NULL',
      [tokenHash, roadmapId, linkId],
    )
    return (r.rowCount ?? 0) > 0
  }

  /** PostgreSQL reclaims space itself (autovacuum): nothing to do. */
  async checkpoint(): Promise<void> {}

  /** What the document tables take on disk (TOAST and indexes included): no table scan. */
  async bytesStored(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT pg_total_relation_size('states') + pg_total_relation_size('updates')
            + pg_total_relation_size('snapshots')
            + pg_total_relation_size('snapshot_exports') AS n`,
    )
    return Number(rows[0]?.n ?? 0)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.pool.end()
  }
}

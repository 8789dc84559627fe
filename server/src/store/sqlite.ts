// Over 300 lines: one class implementing every method of the Store interface, with its schema.
// SQLite store (better-sqlite3, synchronous). Durability: WAL with synchronous=NORMAL.
// A committed transaction is in the WAL file before `appendUpdates` returns, so a killed
// process (kill -9) loses nothing; only an OS crash or power loss can lose the last
// transactions since the previous checkpoint/fsync. Set `durability: 'full'` for
// synchronous=FULL (an fsync per commit) where power loss matters.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type {
  AppendResult,
  Editor,
  LinkRecord,
  ListedSnapshot,
  NewRoadmap,
  RoadmapRecord,
  SnapshotKind,
  SnapshotMeta,
  SnapshotRecord,
  Store,
  StoredDoc,
} from './store.js'
import { MAX_EDITORS_PER_SNAPSHOT, storedDoc } from './store.js'
import {
  assertIntact,
  DatabaseCorruptError,
  heldRoadmaps,
  markHeldRoadmaps,
} from './sqliteHealth.js'
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
import type { ChainRow, EditorRow, LinkRow, LinkValues, SnapshotMetaRow } from './rows.js'
import { chainOf, encodeLink } from './snapshotChain.js'
import { DecodedExports, encodeExport, exportOfState } from './snapshotExports.js'
import { DecodedStates } from './decodedStates.js'
import type { ChainLink, SnapshotEncoding } from './snapshotChain.js'
import { ROLE_CHECK, upgradeSqliteRoleCheck } from './roleCheck.js'
import { Checkpointer } from './checkpointer.js'

export interface SqliteStoreOptions {
  /** directory of the database file; created if missing. ':memory:' for a private in-memory db */
  dataDir: string
  durability?: 'normal' | 'full'
  /**
   * the database file grows to at most this many bytes (SQLite's max_page_count); writes that
   * need more fail with SQLITE_FULL, as on a full disk. Null: no cap but the disk's.
   */
  maxBytes?: number | null
  /** the checkpoint worker failed; this connection checkpoints itself again (logged by main) */
  onCheckpointFail?: (e: Error) => void
}

interface RoadmapRow {
  id: string
  title: string
  created_at: number
  updated_at: number
}
interface StateRow {
  state: Buffer
  state_vector: Buffer | null
  in_parts: number
}
interface UpdateRow {
  seq: number
  data: Buffer
}

const CREATE_LINKS = `CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  roadmap_id TEXT NOT NULL,
  role TEXT NOT NULL ${ROLE_CHECK},
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT,
  person_name TEXT,
  expires_at INTEGER,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);`

const SCHEMA = `
CREATE TABLE IF NOT EXISTS roadmaps (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY,
  roadmap_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_roadmap ON updates (roadmap_id, seq);
CREATE TABLE IF NOT EXISTS states (
  roadmap_id TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  state_vector BLOB
);
CREATE TABLE IF NOT EXISTS state_parts (
  roadmap_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS state_parts_by_roadmap ON state_parts (roadmap_id, n);
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  roadmap_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
  created_at INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_roadmap ON snapshots (roadmap_id, created_at);
${CREATE_LINKS}
CREATE INDEX IF NOT EXISTS links_by_roadmap ON links (roadmap_id, created_at);
${EDITORS_TABLE.replace('$ORD', 'ord INTEGER PRIMARY KEY')}
${EXPORTS_TABLE.replace('$BLOB', 'BLOB').replace('$OPTIONS', ' WITHOUT ROWID')}
`

/** Adds the chain columns to a snapshots table from before them; its rows read as `raw`. */
function migrateSnapshots(db: Database.Database): void {
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(snapshots)')
      .all()
      .map((c) => c.name),
  )
  db.transaction(() => {
    for (const [name, definition] of SNAPSHOT_CHAIN_COLUMNS) {
      if (!columns.has(name)) db.exec(`ALTER TABLE snapshots ADD COLUMN ${name} ${definition}`)
    }
  })()
}

/** Columns added after a database may have been created without them. */
function migrate(db: Database.Database): void {
  const has = (table: string, column: string): boolean =>
    db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .some((c) => c.name === column)
  if (!has('links', 'person_name')) db.exec('ALTER TABLE links ADD COLUMN person_name TEXT')
  // 1: the state is its `state_parts` in order (an import written in parts), `state` is empty
  if (!has('states', 'in_parts'))
    db.exec('ALTER TABLE states ADD COLUMN in_parts INTEGER NOT NULL DEFAULT 0')
}

/**
 * Bytes of a new roadmap's state written in one transaction (createInParts): about half a
 * millisecond of writing on the bench machine, so an edit arriving meanwhile waits no longer
 * than that.
 */
const CREATE_PART_BYTES = 256 * 1024

/** After the I/O waiting now (an edit's frames) has been handled. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function prepare(db: Database.Database) {
  return {
    insertRoadmap: db.prepare<[string, string, number, number]>(
      'INSERT INTO roadmaps (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
    ),
    getRoadmap: db.prepare<[string], RoadmapRow>(
      'SELECT id, title, created_at, updated_at FROM roadmaps WHERE id = ?',
    ),
    countRoadmaps: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM roadmaps'),
    touch: db.prepare<[number, string]>('UPDATE roadmaps SET updated_at = ? WHERE id = ?'),
    unusedRoadmaps: db.prepare<[number, number], { id: string }>(
      'SELECT id FROM roadmaps r WHERE updated_at = created_at AND created_at < ? ' +
        'AND NOT EXISTS (SELECT 1 FROM updates u WHERE u.roadmap_id = r.id) LIMIT ?',
    ),
    deleteRoadmap: [
      'states',
      'state_parts',
      'links',
      'snapshots',
      'updates',
      'snapshot_editors',
      'snapshot_exports',
    ]
      .map((t) => db.prepare<[string]>(`DELETE FROM ${t} WHERE roadmap_id = ?`))
      .concat([db.prepare<[string]>('DELETE FROM roadmaps WHERE id = ?')]),
    getState: db.prepare<[string], StateRow>(
      'SELECT state, state_vector, in_parts FROM states WHERE roadmap_id = ?',
    ),
    upsertState: db.prepare<[string, Uint8Array, Uint8Array]>(
      'INSERT INTO states (roadmap_id, state, state_vector) VALUES (?, ?, ?) ' +
        'ON CONFLICT (roadmap_id) DO UPDATE SET state = excluded.state, ' +
        'state_vector = excluded.state_vector, in_parts = 0',
    ),
    insertStateInParts: db.prepare<[string, Uint8Array]>(
      "INSERT INTO states (roadmap_id, state, state_vector, in_parts) VALUES (?, x'', ?, 1)",
    ),
    insertStatePart: db.prepare<[string, number, Uint8Array]>(
      'INSERT INTO state_parts (roadmap_id, n, data) VALUES (?, ?, ?)',
    ),
    getStateParts: db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM state_parts WHERE roadmap_id = ? ORDER BY n',
    ),
    deleteStateParts: db.prepare<[string]>('DELETE FROM state_parts WHERE roadmap_id = ?'),
    /** parts no state row claims: a creation that did not finish */
    unclaimedParts: db.prepare<[], { roadmap_id: string }>(
      'SELECT DISTINCT roadmap_id FROM state_parts p WHERE NOT EXISTS ' +
        '(SELECT 1 FROM states s WHERE s.roadmap_id = p.roadmap_id AND s.in_parts = 1)',
    ),
    getUpdates: db.prepare<[string], UpdateRow>(
      'SELECT seq, data FROM updates WHERE roadmap_id = ? ORDER BY seq',
    ),
    insertUpdate: db.prepare<[string, Uint8Array]>(
      'INSERT INTO updates (roadmap_id, data) VALUES (?, ?)',
    ),
    deleteUpdates: db.prepare<[string, number]>(
      'DELETE FROM updates WHERE roadmap_id = ? AND seq <= ?',
    ),
    // Capped in the statement: the interval's editors stay bounded whatever is appended.
    addEditor: db.prepare<[string, string, string, string, string, string, number]>(
      'INSERT OR IGNORE INTO snapshot_editors (roadmap_id, snapshot_id, link_id, name) ' +
        'SELECT ?, ?, ?, ? WHERE (SELECT count(*) FROM snapshot_editors ' +
        'WHERE roadmap_id = ? AND snapshot_id = ?) < ?',
    ),
    claimEditors: db.prepare<[string, string]>(
      `UPDATE snapshot_editors SET snapshot_id = ? WHERE roadmap_id = ? AND snapshot_id = '${PENDING_EDITORS}'`,
    ),
    editorsOf: db.prepare<[string, string], EditorRow>(
      'SELECT link_id, name FROM snapshot_editors WHERE roadmap_id = ? AND snapshot_id = ? ORDER BY ord',
    ),
    roadmapEditors: db.prepare<[string], EditorRow & { snapshot_id: string }>(
      'SELECT snapshot_id, link_id, name FROM snapshot_editors WHERE roadmap_id = ? ORDER BY ord',
    ),
    deleteEditors: db.prepare<[string, string]>(
      'DELETE FROM snapshot_editors WHERE roadmap_id = ? AND snapshot_id = ?',
    ),
    nextSnapshot: db.prepare<[string, string, string], { id: string }>(
      'SELECT id FROM snapshots WHERE roadmap_id = ? AND rowid > ' +
        '(SELECT rowid FROM snapshots WHERE roadmap_id = ? AND id = ?) ORDER BY rowid LIMIT 1',
    ),
    insertSnapshot: db.prepare<
      [
        string,
        string,
        string,
        SnapshotKind,
        number,
        Uint8Array,
        SnapshotEncoding,
        string | null,
        number,
        number,
      ]
    >(
      'INSERT INTO snapshots (id, roadmap_id, name, kind, created_at, state, ' +
        'encoding, base_id, depth, state_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    listSnapshots: db.prepare<[string], SnapshotMetaRow>(
      `SELECT ${SNAPSHOT_META_COLUMNS} FROM snapshots WHERE roadmap_id = ? ORDER BY created_at, rowid`,
    ),
    getSnapshotMeta: db.prepare<[string, string], SnapshotMetaRow>(
      `SELECT ${SNAPSHOT_META_COLUMNS} FROM snapshots WHERE roadmap_id = ? AND id = ?`,
    ),
    newestSnapshot: db.prepare<[string], { id: string; depth: number }>(
      'SELECT id, depth FROM snapshots WHERE roadmap_id = ? ORDER BY rowid DESC LIMIT 1',
    ),
    snapshotChain: db.prepare<[string, string], ChainRow>(
      CHAIN_QUERY.replace('$1', '?').replace('$2', '?'),
    ),
    historyBytes: db.prepare<[string], { n: number | null }>(
      'SELECT sum(length(state)) AS n FROM snapshots WHERE roadmap_id = ?',
    ),
    deleteSnapshot: db.prepare<[string, string]>(
      'DELETE FROM snapshots WHERE roadmap_id = ? AND id = ?',
    ),
    snapshotDependents: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM snapshots WHERE roadmap_id = ? AND base_id = ?',
    ),
    storeSnapshotWhole: db.prepare<[Uint8Array, string, number, string, string]>(
      'UPDATE snapshots SET state = ?, encoding = ?, base_id = NULL, depth = ? ' +
        'WHERE roadmap_id = ? AND id = ?',
    ),
    exportChain: db.prepare<[string, string], ChainRow>(
      EXPORT_CHAIN_QUERY.replace('$1', '?').replace('$2', '?'),
    ),
    exportHead: db.prepare<[string], { id: string; depth: number }>(
      EXPORT_HEAD_QUERY('rowid').replace('$1', '?'),
    ),
    putExport: db.prepare<[string, string, SnapshotEncoding, string | null, number, Uint8Array]>(
      'INSERT OR REPLACE INTO snapshot_exports (roadmap_id, snapshot_id, encoding, base_id, ' +
        'depth, data) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    exportDependents: db.prepare<[string, string], { id: string }>(
      'SELECT snapshot_id AS id FROM snapshot_exports WHERE roadmap_id = ? AND base_id = ?',
    ),
    deleteExport: db.prepare<[string, string]>(
      'DELETE FROM snapshot_exports WHERE roadmap_id = ? AND snapshot_id = ?',
    ),
    exportBytes: db.prepare<[string], { n: number | null }>(
      'SELECT sum(length(data)) AS n FROM snapshot_exports WHERE roadmap_id = ?',
    ),
    insertLink: db.prepare<LinkValues>(
      `INSERT INTO links (${LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    listLinks: db.prepare<[string], LinkRow>(
      'SELECT * FROM links WHERE roadmap_id = ? ORDER BY created_at, rowid',
    ),
    findLink: db.prepare<[string], LinkRow>('SELECT * FROM links WHERE token_hash = ?'),
    revokeLink: db.prepare<[number, string, string]>(
      'UPDATE links SET revoked_at = ? WHERE roadmap_id = ? AND id = ? AND revoked_at IS NULL',
    ),
    reissueLink: db.prepare<[string, string, string]>(
      'UPDATE links SET token_hash = ? WHERE roadmap_id = ? AND id = ? AND revoked_at IS NULL',
    ),
    pageCount: db.prepare<[], { page_count: number }>('PRAGMA page_count'),
    freelistCount: db.prepare<[], { freelist_count: number }>('PRAGMA freelist_count'),
    pageSize: db.prepare<[], { page_size: number }>('PRAGMA page_size'),
  }
}

export class SqliteStore implements Store {
  readonly file: string
  private readonly db: Database.Database
  private readonly q: ReturnType<typeof prepare>
  private readonly appendTx: (
    roadmapId: string,
    updates: readonly Uint8Array[],
    at: number,
    editors: readonly Editor[],
  ) => number
  private readonly compactTx: (
    roadmapId: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    throughSeq: number,
  ) => void
  /** `inParts`: the state's parts are written (createInParts); its row says so */
  private readonly createTx: (input: NewRoadmap, inParts: boolean) => void
  private readonly dropPartsTx: (roadmapId: string) => void

  private readonly dataDir: string | null
  private checkpointer: Checkpointer | null = null
  private marked = false
  private readonly decoded = new DecodedStates()
  private readonly exports = new DecodedExports()

  /** The data directory held roadmaps once (see sqliteHealth.ts); false for ':memory:'. */
  heldRoadmaps(): boolean {
    return this.dataDir !== null && heldRoadmaps(this.dataDir)
  }

  constructor(options: SqliteStoreOptions) {
    if (options.dataDir === ':memory:') {
      this.file = ':memory:'
    } else {
      fs.mkdirSync(options.dataDir, { recursive: true })
      this.file = path.join(options.dataDir, 'meridian.db')
    }
    this.dataDir = options.dataDir === ':memory:' ? null : options.dataDir
    let db: Database.Database
    try {
      db = new Database(this.file)
    } catch (e) {
      throw new DatabaseCorruptError(this.file, e instanceof Error ? e.message : String(e))
    }
    try {
      assertIntact(db, this.file)
    } catch (e) {
      db.close()
      throw e
    }
    this.db = db
    // auto_vacuum only takes effect before the first table exists: set it first.
    db.pragma('auto_vacuum = INCREMENTAL')
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`)
    db.pragma('foreign_keys = OFF')
    // After a checkpoint, shrink the WAL file back to this size (it is reused, not regrown).
    db.pragma(`journal_size_limit = ${4 * 1024 * 1024}`)
    // Checkpoints run in a worker thread, not in this connection's commits (checkpointer.ts).
    if (this.file !== ':memory:') {
      db.pragma('wal_autocheckpoint = 0')
      this.checkpointer = new Checkpointer(this.file, (e) => {
        options.onCheckpointFail?.(e)
        if (db.open) db.pragma('wal_autocheckpoint = 1000')
      })
    }
    // Per connection, so set at every open; SQLite never sets it below the file's current size.
    if (options.maxBytes != null) {
      const pageSize = db.pragma('page_size', { simple: true }) as number
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`)
    }
    db.exec(SCHEMA)
    migrate(db)
    migrateSnapshots(db)
    upgradeSqliteRoleCheck(db, CREATE_LINKS)
    this.q = prepare(db)
    this.appendTx = db.transaction(
      (
        roadmapId: string,
        updates: readonly Uint8Array[],
        at: number,
        editors: readonly Editor[],
      ): number => {
        let seq = 0
        for (const u of updates) seq = Number(this.q.insertUpdate.run(roadmapId, u).lastInsertRowid)
        this.q.touch.run(at, roadmapId)
        for (const e of editors) this.addEditor(roadmapId, PENDING_EDITORS, e)
        return seq
      },
    )
    this.compactTx = db.transaction(
      (roadmapId: string, state: Uint8Array, stateVector: Uint8Array, throughSeq: number): void => {
        this.q.upsertState.run(roadmapId, state, stateVector)
        this.q.deleteStateParts.run(roadmapId)
        this.q.deleteUpdates.run(roadmapId, throughSeq)
      },
    )
    this.createTx = db.transaction((input: NewRoadmap, inParts: boolean): void => {
      const r = input.roadmap
      this.q.insertRoadmap.run(r.id, r.title, r.createdAt, r.updatedAt)
      for (const l of input.links) this.insertLink(l)
      if (!input.state || !input.stateVector) return
      if (inParts) this.q.insertStateInParts.run(r.id, input.stateVector)
      else this.q.upsertState.run(r.id, input.state, input.stateVector)
    })
    this.dropPartsTx = db.transaction((roadmapId: string): void => {
      // Only parts no state row claims: a roadmap's own are never touched.
      if (!this.q.getState.get(roadmapId)?.in_parts) this.q.deleteStateParts.run(roadmapId)
    })
    // Parts of roadmaps whose creation did not finish (the process ended between the parts and
    // the roadmap's row): nobody can reach them, so they go.
    for (const { roadmap_id } of this.q.unclaimedParts.all()) this.dropPartsTx(roadmap_id)
  }

  private addEditor(roadmapId: string, snapshotId: string, e: Editor): void {
    const name = e.name ?? EDITOR_NAME_NONE
    const cap = MAX_EDITORS_PER_SNAPSHOT
    this.q.addEditor.run(roadmapId, snapshotId, e.linkId, name, roadmapId, snapshotId, cap)
  }

  private insertLink(l: LinkRecord): void {
    this.q.insertLink.run(...linkValues(l))
  }

  async createRoadmap(input: NewRoadmap): Promise<void> {
    const { state } = input
    if (state && state.byteLength > CREATE_PART_BYTES) await this.createInParts(input, state)
    else this.createTx(input, false)
    if (!this.marked && this.dataDir !== null) {
      markHeldRoadmaps(this.dataDir)
      this.marked = true
    }
  }

  /**
   * A large initial state (an import of megabytes) in parts: CREATE_PART_BYTES of its bytes a
   * transaction, one transaction a turn, then the roadmap's row, links and state row in the
   * last. One write of it all held the event loop (and every edit of every roadmap) for
   * 5–10 ms per 2.7 MB, most of it SQLite writing each page to the WAL. Until the last
   * transaction the parts belong to no roadmap anyone can open: all or nothing still. A
   * failure drops the parts written; parts a process that ended meanwhile left (no state row
   * claims them) are dropped at the next start. Loading joins the parts again (a copy), and
   * the roadmap's first compaction stores its state whole.
   */
  private async createInParts(input: NewRoadmap, state: Uint8Array): Promise<void> {
    const id = input.roadmap.id
    if (this.q.getRoadmap.get(id)) throw new Error(`roadmap ${id} exists`)
    try {
      for (let n = 0, at = 0; at < state.byteLength; n++, at += CREATE_PART_BYTES) {
        this.q.insertStatePart.run(id, n, state.subarray(at, at + CREATE_PART_BYTES))
        await nextTurn()
      }
      this.createTx(input, true)
    } catch (e) {
      try {
        this.dropPartsTx(id)
      } catch {
        // left unclaimed: dropped at the next start
      }
      throw e
    }
  }

  async getRoadmap(id: string): Promise<RoadmapRecord | undefined> {
    const r = this.q.getRoadmap.get(id)
    return r && { id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at }
  }

  async touchRoadmap(id: string, at: number): Promise<void> {
    this.q.touch.run(at, id)
  }

  async deleteUnusedRoadmaps(createdBefore: number, limit: number): Promise<string[]> {
    return this.db.transaction(() => {
      const ids = this.q.unusedRoadmaps.all(createdBefore, limit).map((r) => r.id)
      for (const id of ids) for (const del of this.q.deleteRoadmap) del.run(id)
      return ids
    })()
  }

  async countRoadmaps(): Promise<number> {
    return this.q.countRoadmaps.get()?.n ?? 0
  }

  async loadDoc(roadmapId: string): Promise<StoredDoc> {
    // No transaction needed: this connection is the only writer and calls are synchronous,
    // so nothing can commit between the reads.
    const s = this.q.getState.get(roadmapId)
    const rows = this.q.getUpdates.all(roadmapId)
    const state = !s
      ? null
      : s.in_parts
        ? toBytes(Buffer.concat(this.q.getStateParts.all(roadmapId).map((p) => p.data)))
        : toBytes(s.state)
    return storedDoc(
      state,
      s?.state_vector ? toBytes(s.state_vector) : null,
      rows.map((r) => ({ seq: r.seq, data: toBytes(r.data) })),
    )
  }

  async appendUpdates(
    roadmapId: string,
    updates: readonly Uint8Array[],
    at: number,
    editors: readonly Editor[] = [],
  ): Promise<AppendResult> {
    return { lastSeq: this.appendTx(roadmapId, updates, at, editors) }
  }

  async compact(
    roadmapId: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    throughSeq: number,
  ): Promise<void> {
    this.compactTx(roadmapId, state, stateVector, throughSeq)
    this.reclaim()
  }

  /** Returns the pages a compaction freed to the file system. */
  private reclaim(): void {
    const free = this.q.freelistCount.get()?.freelist_count ?? 0
    if (free > 0) this.db.pragma('incremental_vacuum')
  }

  async checkpoint(): Promise<void> {
    if (this.file !== ':memory:') this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async createSnapshot(s: SnapshotRecord): Promise<void> {
    // Synchronous from the read of the newest snapshot to the insert: no other write between.
    const newest = this.q.newestSnapshot.get(s.roadmapId)
    const head = newest && { ...newest, state: this.stateOf(s.roadmapId, newest.id)! }
    const link = encodeLink(head ?? null, s.state)
    const exported = s.exported ?? exportOfState(s.state)
    const exportHead = exported === undefined ? undefined : this.q.exportHead.get(s.roadmapId)
    const headText = exportHead && this.exportOf(s.roadmapId, exportHead.id)
    const exportLink =
      exported === undefined
        ? undefined
        : encodeExport(
            exportHead && headText !== undefined ? { ...exportHead, text: headText } : null,
            exported,
          )
    this.db.transaction(() => {
      this.insertSnapshot(s, link)
      if (exportLink) this.putExport(s.roadmapId, s.id, exportLink)
      this.q.claimEditors.run(s.id, s.roadmapId)
    })()
    // The base of the next snapshot: encoding that one then decodes nothing.
    this.decoded.keep(s.roadmapId, s.id, s.state.slice())
    if (exported !== undefined) this.exports.keep(s.roadmapId, s.id, exported)
  }

  private putExport(roadmapId: string, snapshotId: string, l: ChainLink): void {
    this.q.putExport.run(roadmapId, snapshotId, l.encoding, l.baseId, l.depth, l.data)
  }

  private exportOf(roadmapId: string, snapshotId: string): string | undefined {
    const rows = this.q.exportChain.all(roadmapId, snapshotId).map(chainLinkFromRow)
    return this.exports.decode(roadmapId, rows, snapshotId)
  }

  async getSnapshotExport(
    roadmapId: string,
    snapshotId: string,
  ): Promise<{ snapshot: SnapshotMeta; exported: string } | undefined> {
    const r = this.q.getSnapshotMeta.get(roadmapId, snapshotId)
    const exported = r && this.exportOf(roadmapId, snapshotId)
    return r && exported !== undefined ? { snapshot: snapshotMetaFromRow(r), exported } : undefined
  }

  private insertSnapshot(s: SnapshotRecord, link: ChainLink): void {
    this.q.insertSnapshot.run(
      s.id,
      s.roadmapId,
      s.name,
      s.kind,
      s.createdAt,
      link.data,
      link.encoding,
      link.baseId,
      link.depth,
      s.state.byteLength,
    )
  }

  async listSnapshots(roadmapId: string): Promise<ListedSnapshot[]> {
    const editors = new Map<string, Editor[]>()
    for (const r of this.q.roadmapEditors.all(roadmapId)) {
      const list = editors.get(r.snapshot_id) ?? []
      list.push(editorFromRow(r))
      editors.set(r.snapshot_id, list)
    }
    return this.q.listSnapshots
      .all(roadmapId)
      .map((r) => ({ ...snapshotMetaFromRow(r), editors: editors.get(r.id) ?? [] }))
  }

  async getSnapshot(roadmapId: string, snapshotId: string): Promise<SnapshotRecord | undefined> {
    const r = this.q.getSnapshotMeta.get(roadmapId, snapshotId)
    const state = r && this.stateOf(roadmapId, snapshotId)
    // A copy: the kept state is the base of later reads.
    return r && state && { ...snapshotMetaFromRow(r), state: state.slice() }
  }

  private stateOf(roadmapId: string, snapshotId: string): Uint8Array | undefined {
    const rows = this.q.snapshotChain.all(roadmapId, snapshotId).map(chainLinkFromRow)
    const chain = chainOf(new Map(rows.map((r) => [r.id, r])), snapshotId)
    return chain && this.decoded.decode(roadmapId, chain)
  }

  async historyBytes(roadmapId: string): Promise<number> {
    const states = this.q.historyBytes.get(roadmapId)?.n ?? 0
    return states + (this.q.exportBytes.get(roadmapId)?.n ?? 0)
  }

  async deleteSnapshot(roadmapId: string, snapshotId: string): Promise<boolean> {
    // Snapshots stored as deltas on the deleted one are stored whole first: no chain breaks.
    return this.db.transaction((): boolean => {
      for (const { id } of this.q.snapshotDependents.all(roadmapId, snapshotId)) {
        const state = this.stateOf(roadmapId, id)
        if (!state) continue
        const whole = encodeLink(null, state)
        this.q.storeSnapshotWhole.run(whole.data, whole.encoding, whole.depth, roadmapId, id)
      }
      for (const { id } of this.q.exportDependents.all(roadmapId, snapshotId)) {
        const text = this.exportOf(roadmapId, id)
        // Unreadable already: the snapshot opens from its state.
        if (text === undefined) this.q.deleteExport.run(roadmapId, id)
        else this.putExport(roadmapId, id, encodeExport(null, text))
      }
      this.q.deleteExport.run(roadmapId, snapshotId)
      this.exports.forget(roadmapId, snapshotId)
      // The next snapshot now follows the previous one: it was edited by both sets.
      const next = this.q.nextSnapshot.get(roadmapId, roadmapId, snapshotId)?.id ?? PENDING_EDITORS
      for (const r of this.q.editorsOf.all(roadmapId, snapshotId))
        this.addEditor(roadmapId, next, editorFromRow(r))
      this.q.deleteEditors.run(roadmapId, snapshotId)
      this.decoded.forget(roadmapId, snapshotId)
      return this.q.deleteSnapshot.run(roadmapId, snapshotId).changes > 0
    })()
  }

  async createLink(link: LinkRecord): Promise<void> {
    this.insertLink(link)
  }

  async listLinks(roadmapId: string): Promise<LinkRecord[]> {
    return this.q.listLinks.all(roadmapId).map(linkFromRow)
  }

  async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined> {
    const r = this.q.findLink.get(tokenHash)
    return r && linkFromRow(r)
  }

  async revokeLink(roadmapId: string, linkId: string, at: number): Promise<boolean> {
    return this.q.revokeLink.run(at, roadmapId, linkId).changes > 0
  }

  async reissueLink(roadmapId: string, linkId: string, tokenHash: string): Promise<boolean> {
    return this.q.reissueLink.run(tokenHash, roadmapId, linkId).changes > 0
  }

  async bytesStored(): Promise<number> {
    const pages = this.q.pageCount.get()?.page_count ?? 0
    const free = this.q.freelistCount.get()?.freelist_count ?? 0
    return (pages - free) * (this.q.pageSize.get()?.page_size ?? 4096)
  }

  async close(): Promise<void> {
    if (!this.db.open) return
    await this.checkpointer?.stop()
    // Closing the last connection checkpoints the WAL into the database and removes it.
    this.db.close()
  }
}

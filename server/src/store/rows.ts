// The rows the SQL stores (SQLite, PostgreSQL) read, and the records they make of them: both
// have the same tables and column names.
import type { ChainLink, SnapshotEncoding } from './snapshotChain.js'
import type { Editor, LinkRecord, Role, SnapshotKind, SnapshotMeta } from './store.js'

export interface LinkRow {
  id: string
  roadmap_id: string
  role: Role
  token_hash: string
  label: string | null
  person_name: string | null
  expires_at: number | null
  revoked_at: number | null
  created_at: number
}

export interface SnapshotMetaRow {
  id: string
  roadmap_id: string
  name: string
  kind: SnapshotKind
  created_at: number
  size: number
}

/** The bytes of a driver's Buffer, without a copy. */
export const toBytes = (b: Buffer): Uint8Array =>
  new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/** The columns of `links` a store writes and reads, in the order of `linkValues`. */
export const LINK_COLUMNS =
  'id, roadmap_id, role, token_hash, label, person_name, expires_at, revoked_at, created_at'

export type LinkValues = [
  string,
  string,
  Role,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  number,
]

/** A link's values for an insert, in the order of `LINK_COLUMNS`. */
export const linkValues = (l: LinkRecord): LinkValues => [
  l.id,
  l.roadmapId,
  l.role,
  l.tokenHash,
  l.label,
  l.personName,
  l.expiresAt,
  l.revokedAt,
  l.createdAt,
]

export const linkFromRow = (r: LinkRow): LinkRecord => ({
  id: r.id,
  roadmapId: r.roadmap_id,
  role: r.role,
  tokenHash: r.token_hash,
  label: r.label,
  personName: r.person_name,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  createdAt: r.created_at,
})

export const snapshotMetaFromRow = (r: SnapshotMetaRow): SnapshotMeta => ({
  id: r.id,
  roadmapId: r.roadmap_id,
  name: r.name,
  kind: r.kind,
  createdAt: r.created_at,
  size: r.size,
})

/**
 * The columns `snapshotChain.ts` adds to `snapshots`, as added to a table from before them
 * (its rows then read as `raw`: the state as is). `state` holds the encoded link.
 */
export const SNAPSHOT_CHAIN_COLUMNS: ReadonlyArray<[string, string]> = [
  ['encoding', "TEXT NOT NULL DEFAULT 'raw'"],
  ['base_id', 'TEXT'],
  ['depth', 'INTEGER NOT NULL DEFAULT 0'],
  ['state_size', 'INTEGER'],
]

/** What `snapshotMetaFromRow` reads; `size` is the decoded state's (older rows: stored as is). */
export const SNAPSHOT_META_COLUMNS =
  'id, roadmap_id, name, kind, created_at, COALESCE(state_size, length(state)) AS size'

export interface ChainRow {
  id: string
  encoding: SnapshotEncoding
  base_id: string | null
  depth: number
  state: Buffer
}

/** A snapshot and the links its delta chain rests on, walked by `base_id` ($1 roadmap, $2 id). */
export const CHAIN_QUERY = `
WITH RECURSIVE chain (id, encoding, base_id, depth, state) AS (
  SELECT id, encoding, base_id, depth, state FROM snapshots WHERE roadmap_id = $1 AND id = $2
  UNION ALL
  SELECT s.id, s.encoding, s.base_id, s.depth, s.state
  FROM snapshots s JOIN chain c ON s.id = c.base_id AND c.encoding = 'delta'
)
SELECT id, encoding, base_id, depth, state FROM chain`

/** Each snapshot's export as a chain link (snapshotExports.ts); none for older snapshots. */
export const EXPORTS_TABLE = `
CREATE TABLE IF NOT EXISTS snapshot_exports (
  roadmap_id TEXT NOT NULL,
  snapshot_id TEXT NOT NULL,
  encoding TEXT NOT NULL,
  base_id TEXT,
  depth INTEGER NOT NULL,
  data $BLOB NOT NULL,
  PRIMARY KEY (roadmap_id, snapshot_id)
)$OPTIONS;`

/** An export and the links its chain rests on ($1 roadmap, $2 snapshot), as ChainRows. */
export const EXPORT_CHAIN_QUERY = `
WITH RECURSIVE chain (id, encoding, base_id, depth, state) AS (
  SELECT snapshot_id, encoding, base_id, depth, data FROM snapshot_exports
  WHERE roadmap_id = $1 AND snapshot_id = $2
  UNION ALL
  SELECT s.snapshot_id, s.encoding, s.base_id, s.depth, s.data
  FROM snapshot_exports s JOIN chain c ON s.snapshot_id = c.base_id AND c.encoding = 'delta'
)
SELECT id, encoding, base_id, depth, state FROM chain`

/** The export of the roadmap's newest snapshot, the base of the next one's ($1 roadmap). */
export const EXPORT_HEAD_QUERY = (order: string) => `
SELECT e.snapshot_id AS id, e.depth FROM snapshots s
JOIN snapshot_exports e ON e.roadmap_id = s.roadmap_id AND e.snapshot_id = s.id
WHERE s.roadmap_id = $1 ORDER BY s.${order} DESC LIMIT 1`

export const chainLinkFromRow = (r: ChainRow): ChainLink & { id: string } => ({
  id: r.id,
  encoding: r.encoding,
  baseId: r.base_id,
  depth: Number(r.depth),
  data: toBytes(r.state),
})

/**
 * Who sent stored updates, per snapshot interval: `snapshot_id` is the snapshot the interval
 * ends at, or PENDING_EDITORS for the interval still open (since the newest snapshot). One
 * row per (link, name), at most MAX_EDITORS_PER_SNAPSHOT per interval; `ord` keeps the order
 * they first edited in. `$ORD` is the store's auto-increment column.
 */
export const EDITORS_TABLE = `CREATE TABLE IF NOT EXISTS snapshot_editors (
  $ORD,
  roadmap_id TEXT NOT NULL,
  snapshot_id TEXT NOT NULL,
  link_id TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (roadmap_id, snapshot_id, link_id, name)
);`

/** The `snapshot_id` of the editors since the newest snapshot. */
export const PENDING_EDITORS = ''
/** The `name` of an editor who connected without one (a key column cannot hold NULL twice). */
export const EDITOR_NAME_NONE = ''

export interface EditorRow {
  link_id: string
  name: string
}

export const editorFromRow = (r: EditorRow): Editor => ({
  linkId: r.link_id,
  name: r.name === EDITOR_NAME_NONE ? null : r.name,
})

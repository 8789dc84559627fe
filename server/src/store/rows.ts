// The rows the SQL stores (SQLite, PostgreSQL) read, and the records they make of them: both
// have the same tables and column names.
import type { LinkRecord, Role, SnapshotKind, SnapshotMeta } from './store.js'

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

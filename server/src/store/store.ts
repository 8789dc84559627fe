// The storage interface. Every implementation (SQLite, PostgreSQL, in-memory) passes the
// contract suite in `store.contract.ts`. Methods return promises so that the networked
// PostgreSQL store fits behind the same interface; the embedded SQLite store completes
// synchronously inside them.

// Roles and snapshot kinds are part of the wire contract (packages/protocol).
export { ROLE, SNAPSHOT_KIND } from '@meridian/protocol'
export type { Role, SnapshotKind } from '@meridian/protocol'
import type { Role, SnapshotKind } from '@meridian/protocol'

export interface RoadmapRecord {
  id: string
  title: string
  createdAt: number
  updatedAt: number
}

export interface LinkRecord {
  id: string
  roadmapId: string
  role: Role
  /** hex SHA-256 of the token; the token itself is never stored */
  tokenHash: string
  label: string | null
  /** a personal link: the person it was made for, whose name its connections carry */
  personName: string | null
  expiresAt: number | null
  revokedAt: number | null
  createdAt: number
}

export interface SnapshotMeta {
  id: string
  roadmapId: string
  name: string
  kind: SnapshotKind
  createdAt: number
  /** bytes of the snapshot's document state (as read; history stores it compactly) */
  size: number
}

/**
 * Someone whose connection sent stored updates: its link and the name it connected with
 * (`Conn.name`; null when it gave none). Distinct by both.
 */
export interface Editor {
  linkId: string
  name: string | null
}

/**
 * At most this many editors are kept per snapshot interval (the first to edit): the history
 * stays bounded however many links a roadmap hands out.
 */
export const MAX_EDITORS_PER_SNAPSHOT = 32

/** A snapshot as listed: with who edited between the previous snapshot and this one. */
export interface ListedSnapshot extends SnapshotMeta {
  /** in the order they first edited; empty for updates stored before editors were recorded */
  editors: Editor[]
}

export interface SnapshotRecord extends SnapshotMeta {
  state: Uint8Array
  /** `JSON.stringify(exportRoadmap(doc))` of `state`, when the caller has it at hand */
  exported?: string
}

/** What is stored for one document: a compacted state plus the updates appended after it. */
export interface StoredDoc {
  state: Uint8Array | null
  stateVector: Uint8Array | null
  updates: Uint8Array[]
  /** seq of the last update in `updates` (0 when none) */
  lastSeq: number
  /** bytes of `updates` */
  logBytes: number
}

/** A StoredDoc from its state row and its log rows (in seq order). */
export function storedDoc(
  state: Uint8Array | null,
  stateVector: Uint8Array | null,
  log: readonly { seq: number; data: Uint8Array }[],
): StoredDoc {
  let logBytes = 0
  for (const u of log) logBytes += u.data.byteLength
  return {
    state,
    stateVector,
    updates: log.map((u) => u.data),
    lastSeq: log.length > 0 ? log[log.length - 1].seq : 0,
    logBytes,
  }
}

/** Everything stored for a document, as the updates that merge into it. */
export const storedParts = (d: StoredDoc): Uint8Array[] =>
  d.state ? [d.state, ...d.updates] : [...d.updates]

export interface NewRoadmap {
  roadmap: RoadmapRecord
  links: LinkRecord[]
  /** initial document state (import, demo); null = empty document */
  state: Uint8Array | null
  stateVector: Uint8Array | null
}

export interface AppendResult {
  /** seq of the last appended update */
  lastSeq: number
}

/** Merges document states and updates into one state (Yjs `mergeUpdates`). */
export type MergeStates = (parts: readonly Uint8Array[]) => {
  state: Uint8Array
  stateVector: Uint8Array
}

export interface Store {
  /** Creates the roadmap, its links and its initial state in one transaction. */
  createRoadmap(input: NewRoadmap): Promise<void>
  getRoadmap(id: string): Promise<RoadmapRecord | undefined>
  countRoadmaps(): Promise<number>
  /** Marks the roadmap as used (updated_at = at): it was opened, so the unused sweep keeps it. */
  touchRoadmap(id: string, at: number): Promise<void>
  /**
   * Deletes, with their links, states and snapshots, up to `limit` roadmaps created before
   * `createdBefore` that were never used: never opened or edited (updated_at = created_at)
   * and with no stored update. Returns their ids.
   */
  deleteUnusedRoadmaps(createdBefore: number, limit: number): Promise<string[]>

  loadDoc(roadmapId: string): Promise<StoredDoc>
  /**
   * Appends updates in order, in one transaction; durable when the promise resolves. The
   * `editors` who sent them join those of the next snapshot (up to MAX_EDITORS_PER_SNAPSHOT).
   */
  appendUpdates(
    roadmapId: string,
    updates: readonly Uint8Array[],
    at: number,
    editors?: readonly Editor[],
  ): Promise<AppendResult>
  /**
   * Replaces the stored state and every update with seq <= throughSeq by `state`, in one
   * transaction. Updates appended after throughSeq are kept.
   *
   * With `merge` (server instances sharing the store), the new state is `merge` of the stored
   * state, the updates through `throughSeq` and `state`, computed inside the transaction:
   * another instance may have stored updates this one has not received yet.
   */
  compact(
    roadmapId: string,
    state: Uint8Array,
    stateVector: Uint8Array,
    throughSeq: number,
    merge?: MergeStates,
  ): Promise<void>

  /**
   * Stores a snapshot after the roadmap's newest one. Stored compactly (`snapshotChain.ts`):
   * `getSnapshot` returns exactly the bytes given here, `size` is their length. The editors
   * appended since the previous snapshot become this one's.
   */
  createSnapshot(snapshot: SnapshotRecord): Promise<void>
  listSnapshots(roadmapId: string): Promise<ListedSnapshot[]>
  /** Reads at most FULL_STATE_EVERY stored parts, however many snapshots there are. */
  getSnapshot(roadmapId: string, snapshotId: string): Promise<SnapshotRecord | undefined>
  /**
   * The snapshot's export as kept when it was taken (snapshotExports.ts), without decoding
   * its state. Undefined when there is no such snapshot or it was stored without one.
   */
  getSnapshotExport(
    roadmapId: string,
    snapshotId: string,
  ): Promise<{ snapshot: SnapshotMeta; exported: string } | undefined>
  /** Bytes the roadmap's snapshot history takes as stored (compressed deltas and states). */
  historyBytes(roadmapId: string): Promise<number>
  /**
   * Deletes one snapshot; false when the roadmap has no such snapshot. Its editors join the
   * next snapshot's (or those of the snapshot to come), since that one now follows the
   * previous.
   */
  deleteSnapshot(roadmapId: string, snapshotId: string): Promise<boolean>

  createLink(link: LinkRecord): Promise<void>
  listLinks(roadmapId: string): Promise<LinkRecord[]>
  findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined>
  /** Sets revoked_at; false when no such link (or already revoked). */
  revokeLink(roadmapId: string, linkId: string, at: number): Promise<boolean>
  /**
   * Gives a link a new token (its hash): the old token stops opening anything. False when
   * no such link or it is revoked.
   */
  reissueLink(roadmapId: string, linkId: string, tokenHash: string): Promise<boolean>

  /**
   * Housekeeping while writes are quiet: returns freed space to the file system (SQLite: a
   * WAL checkpoint that truncates the log). No-op where there is nothing to do.
   */
  checkpoint(): Promise<void>

  /** Total bytes held for documents (states, logs, snapshots). */
  bytesStored(): Promise<number>
  close(): Promise<void>
}

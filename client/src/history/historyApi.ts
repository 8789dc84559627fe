// The history routes, typed by the contract (packages/protocol). Expected failures are values.
import type { RoadmapComparison } from '@meridian/model'
import type {
  CreateSnapshotBody,
  ListedSnapshot,
  RestoreEntityBody,
  RestoredEntity,
  Restored,
  Snapshot,
  SnapshotContent,
  SnapshotList,
} from '@meridian/protocol'
import { request } from '../sync/api.js'
import type { ApiResult } from '../sync/api.js'

export type { ListedSnapshot, Snapshot }

/** A version to compare or open: a snapshot id, or `now` (the live roadmap). */
export type VersionRef = string

const base = (id: string) => `/api/roadmaps/${encodeURIComponent(id)}`

export async function listSnapshots(
  id: string,
  token: string,
): Promise<ApiResult<ListedSnapshot[]>> {
  const r = await request<SnapshotList>('GET', `${base(id)}/snapshots`, token)
  if (!r.ok) return r
  // Newest first whatever order the store lists them in.
  const time = (s: ListedSnapshot) => (s.createdAt ? Date.parse(s.createdAt) : 0)
  return { ok: true, value: r.value.snapshots.toSorted((a, b) => time(b) - time(a)) }
}

export function takeSnapshot(id: string, token: string, name: string) {
  const body: CreateSnapshotBody = { name }
  return request<Snapshot>('POST', `${base(id)}/snapshots`, token, body)
}

export function readSnapshot(id: string, token: string, snapshotId: string) {
  return request<SnapshotContent>(
    'GET',
    `${base(id)}/snapshots/${encodeURIComponent(snapshotId)}`,
    token,
  )
}

export function compareVersions(id: string, token: string, from: VersionRef, to: VersionRef) {
  const q = new URLSearchParams({ from, to })
  return request<RoadmapComparison>('GET', `${base(id)}/compare?${q.toString()}`, token)
}

export const compareMarkdownUrl = (id: string, from: VersionRef, to: VersionRef): string =>
  `${base(id)}/compare?${new URLSearchParams({ from, to, format: 'md' }).toString()}`

export function restoreSnapshot(id: string, token: string, snapshotId: string) {
  return request<Restored>(
    'POST',
    `${base(id)}/snapshots/${encodeURIComponent(snapshotId)}/restore`,
    token,
  )
}

export function restoreEntity(
  id: string,
  token: string,
  snapshotId: string,
  body: RestoreEntityBody,
) {
  return request<RestoredEntity>(
    'POST',
    `${base(id)}/snapshots/${encodeURIComponent(snapshotId)}/restore-entity`,
    token,
    body,
  )
}

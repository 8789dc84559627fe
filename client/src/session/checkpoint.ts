// The session's checkpoint: a snapshot taken when it starts (POST …/snapshots, the existing
// route), and the compare from it to now when it ends.
import * as Y from 'yjs'
import { compareRoadmaps, importRoadmap, readRoadmap } from '@meridian/model'
import type { IsoDate, RoadmapComparison, RoadmapData } from '@meridian/model'

const base = (id: string) => `/api/roadmaps/${encodeURIComponent(id)}/snapshots`
const auth = (token: string) => ({ authorization: `Bearer ${token}` })

/** The new snapshot's id, or null when the server could not take it (offline). */
export async function takeCheckpoint(
  roadmapId: string,
  token: string,
  title: string,
): Promise<string | null> {
  try {
    const response = await fetch(base(roadmapId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(token) },
      body: JSON.stringify({ name: `Session checkpoint: ${title}`.slice(0, 120) }),
    })
    if (!response.ok) return null
    const body = (await response.json()) as { id?: unknown }
    return typeof body.id === 'string' ? body.id : null
  } catch {
    return null
  }
}

async function checkpointData(
  roadmapId: string,
  token: string,
  snapshotId: string,
): Promise<{ data: RoadmapData; date: IsoDate } | null> {
  try {
    const response = await fetch(`${base(roadmapId)}/${encodeURIComponent(snapshotId)}`, {
      headers: auth(token),
    })
    if (!response.ok) return null
    const body = (await response.json()) as {
      roadmap: unknown
      snapshot?: { createdAt?: string }
    }
    const imported = importRoadmap(body.roadmap, new Y.Doc())
    if (!imported.ok) return null
    const date = (body.snapshot?.createdAt ?? new Date().toISOString()).slice(0, 10) as IsoDate
    return { data: readRoadmap(imported.doc), date }
  } catch {
    return null
  }
}

/** What changed from the checkpoint to `doc` now; null without a readable checkpoint. */
export async function compareSinceCheckpoint(
  roadmapId: string,
  token: string,
  snapshotId: string | null,
  doc: Y.Doc,
  today: IsoDate,
): Promise<RoadmapComparison | null> {
  if (!snapshotId) return null
  const from = await checkpointData(roadmapId, token, snapshotId)
  if (!from) return null
  return compareRoadmaps(from.data, readRoadmap(doc), { fromDate: from.date, toDate: today })
}

// Helpers for the "plan people can trust" specs: what the server stored, read over HTTP
// (GET /api/roadmaps/:id/export), so a spec checks the document and not only the screen.
import type { MeridianServer, Seeded } from './fixtures.js'

export interface StoredFeature {
  title: string
  start: string | null
  end: string | null
  laneId: string
  dependsOn: string[]
}

export interface StoredMilestone {
  title: string
  date: string | null
}

interface Exported {
  lanes: Record<string, { name: string; rank: string }>
  features: Record<string, StoredFeature>
  milestones: Record<string, StoredMilestone>
}

export async function exported(server: MeridianServer, seeded: Seeded): Promise<Exported> {
  const res = await fetch(`${server.origin}/api/roadmaps/${seeded.id}/export`, {
    headers: { authorization: `Bearer ${seeded.ownerToken}` },
  })
  if (res.status !== 200) throw new Error(`export failed: ${res.status}`)
  return (await res.json()) as Exported
}

/** The stored feature titled `title` (its id too). */
export async function storedFeature(
  server: MeridianServer,
  seeded: Seeded,
  title: string,
): Promise<StoredFeature & { id: string }> {
  const { features } = await exported(server, seeded)
  const hit = Object.entries(features).find(([, f]) => f.title === title)
  if (!hit) throw new Error(`no stored feature ${title}`)
  return { ...hit[1], id: hit[0] }
}

export async function storedMilestone(
  server: MeridianServer,
  seeded: Seeded,
  title: string,
): Promise<StoredMilestone | undefined> {
  const { milestones } = await exported(server, seeded)
  return Object.values(milestones).find((m) => m.title === title)
}

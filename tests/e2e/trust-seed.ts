// A small roadmap built for the "figures agree" specs: one feature with every item
// accepted but still planned, one half done, one without items; an indicator with nothing
// recorded; a milestone past its date and not done. Imported over HTTP like any file.
import * as Y from 'yjs'
import { exportRoadmap, Roadmap } from '@meridian/model'
import type { GoalId } from '@meridian/model'
import { plus, today } from './fixtures.js'
import type { Seeded } from './fixtures.js'

export const TRUST_TITLE = 'Atlas team analytics'

export async function seedTrustRoadmap(origin: string): Promise<Seeded> {
  const doc = new Y.Doc()
  const roadmap = new Roadmap(doc, { origin: 'test' })
  const day = today()
  roadmap.transact((r) => {
    r.init({ title: TRUST_TITLE, horizonStart: plus(day, -30), horizonEnd: plus(day, 60) })
    const lane = r.lanes.create({ name: 'Core' })
    const goal = r.goals.create({ title: 'Adoption' }) as GoalId
    const feature = (title: string, status: 'planned' | 'in-progress', from: number) =>
      r.features.create({
        laneId: lane,
        title,
        status,
        start: plus(day, from),
        end: plus(day, from + 20),
        goalIds: [goal],
      })
    const accepted = feature('Accepted work', 'planned', -10)
    const half = feature('Half done', 'in-progress', -5)
    feature('No items yet', 'planned', 5)
    const at = `${day}T09:00:00.000Z`
    for (const [title, estimate] of [
      ['Schema', 8],
      ['Import', 5],
    ] as const) {
      const id = r.items.create({ featureId: accepted, title, estimate })
      r.items.setStatus(id, 'done', { by: 'Sam Okafor', at })
    }
    const shipped = r.items.create({ featureId: half, title: 'Endpoint', estimate: 3 })
    r.items.setStatus(shipped, 'done', { by: 'Sam Okafor', at })
    const started = r.items.create({ featureId: half, title: 'Client', estimate: 3 })
    r.items.setStatus(started, 'in-progress')
    r.indicators.create({ name: 'Weekly active teams', baseline: 10, target: 20, goalId: goal })
    r.milestones.create({ title: 'Beta sign-off', date: plus(day, -3), laneId: lane })
  })
  const res = await fetch(`${origin}/api/roadmaps/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(exportRoadmap(doc)),
  })
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as Seeded
}

/** GET an API path as the roadmap's viewer. */
export async function apiGet(origin: string, seeded: Seeded, path: string): Promise<Response> {
  return fetch(`${origin}/api/roadmaps/${seeded.id}${path}`, {
    headers: { authorization: `Bearer ${seeded.viewerToken}` },
  })
}

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Roadmap, checkSchedule, deriveBacklog, readRoadmap } from '@meridian/model'
import type { FeatureId } from '@meridian/model'
import { computeFacts, featureFacts } from './featureFacts.js'

describe('computeFacts', () => {
  it('agrees with the model’s backlog and schedule checks', () => {
    const doc = new Y.Doc()
    const r = new Roadmap(doc, { origin: 'test' })
    r.init({ title: 'T' })
    const lane = r.lanes.create({ name: 'A' })
    const dep = r.features.create({
      laneId: lane,
      title: 'dep',
      start: '2026-01-01',
      end: '2026-01-20',
    })
    const late = r.features.create({
      laneId: lane,
      title: 'late',
      start: '2026-01-05',
      end: '2026-01-10',
      dependsOn: [dep],
    })
    const done = r.features.create({
      laneId: lane,
      title: 'done',
      start: '2026-01-01',
      end: '2026-01-02',
      status: 'done',
    })
    r.items.create({ featureId: late, title: 'i1', estimate: 3 })
    const i2 = r.items.create({ featureId: late, title: 'i2', estimate: 1 })
    r.items.setStatus(i2, 'done', { by: 'po', at: '2026-01-03T00:00:00Z' })
    r.risks.create({ title: 'r', featureIds: [late], likelihood: 3, impact: 3 })
    const data = readRoadmap(doc)
    const today = '2026-02-01'
    const facts = computeFacts(data, today)
    const backlog = deriveBacklog(data, today)
    const schedule = checkSchedule(data, today)
    for (const entry of backlog.entries) {
      const f = featureFacts(facts, entry.featureId)
      expect(f.progress).toBeCloseTo(entry.progress)
      expect(f.late).toBe(entry.flags.late)
    }
    expect([...facts.conflicts]).toEqual(
      schedule.conflicts.map((c) => `${c.featureId}>${c.dependsOnId}`),
    )
    expect(featureFacts(facts, late).openRisks).toBe(1)
    expect(featureFacts(facts, done as FeatureId).late).toBe(false)
    expect(computeFacts(data, today)).toBe(facts)
  })
})

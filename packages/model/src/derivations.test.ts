// Seeded random roadmaps (random edits through the write API: deletes leave dangling
// references, peers write odd values) against the derivations' invariants: nothing throws,
// every feature and item is accounted for, every flag agrees with the schedule checks, and
// the weekly load conserves the estimates it spreads.
//
// MERIDIAN_FUZZ_SESSIONS=n runs more roadmaps, in tests of 1,000; a failing seed is printed in
// the message.

import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog, featureWeeks } from './backlog.js'
import { backlogToCsv, backlogToMarkdown } from './backlogFormat.js'
import { addDays } from './dates.js'
import { quantity, windowOf } from './deriveCommon.js'
import { readRoadmap } from './read.js'
import { deriveReport } from './report.js'
import { Roadmap } from './roadmap.js'
import { checkSchedule, isLiveFeature } from './schedule.js'
import type { FeatureId, RoadmapData } from './schema.js'
import { parseCsv } from './testing/csv.js'
import { idSource, randomRoadmap } from './testing/random-edits.js'

// packages/ has no Node types: read the environment without them.
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
const SESSIONS = Number(env?.MERIDIAN_FUZZ_SESSIONS ?? 30)
const TODAYS = ['2026-01-01', '2026-06-01', '2026-06-06', '2027-01-01']

function randomData(seed: number): { doc: Y.Doc; data: RoadmapData } {
  const doc = new Y.Doc()
  const roadmap = new Roadmap(doc, { origin: 'fuzz', createId: idSource(`s${seed}.`) })
  randomRoadmap(prng.create(seed), roadmap, 120)
  // A feature deleted while a peer moved an item into it: the one dangling reference
  // local edits cannot make.
  const first = readRoadmap(doc).items[0]
  if (seed % 3 === 0 && first) roadmap.items.move(first.id, 'deleted-by-a-peer' as FeatureId)
  // Random dates are mostly inverted (undated); give most features a real window so
  // conflicts, lateness and load get exercised.
  const gen = prng.create(seed * 7919)
  for (const f of readRoadmap(doc).features) {
    if (prng.int32(gen, 0, 9) < 7) {
      const start = addDays('2026-01-05', prng.int32(gen, 0, 364))
      roadmap.features.move(f.id, { start, end: addDays(start, prng.int32(gen, 0, 60)) })
    }
  }
  // Some dependencies between dated features, so conflicts (and cycles) get exercised
  // whatever the random edits happened to leave.
  const dated = readRoadmap(doc).features
  for (const f of dated) {
    if (dated.length > 1 && prng.int32(gen, 0, 3) === 0) {
      const other = dated[prng.int32(gen, 0, dated.length - 1)]
      if (other.id !== f.id)
        roadmap.features.update(f.id, { dependsOn: [...f.dependsOn, other.id] })
    }
  }
  // Tight capacities, so weeks overload.
  if (seed % 2 === 0)
    for (const r of readRoadmap(doc).resources) roadmap.resources.update(r.id, { capacity: 1 })
  return { doc, data: readRoadmap(doc) }
}

/** What the load model must spread in total: per resource, the sum of its shares. */
function expectedLoad(data: RoadmapData): Map<string, number> {
  const known = new Set<string>(data.resources.map((r) => r.id))
  const totals = new Map<string, number>()
  const add = (id: string, amount: number) => {
    if (known.has(id) && amount > 0) totals.set(id, (totals.get(id) ?? 0) + amount)
  }
  for (const feature of data.features) {
    if (feature.status === 'cancelled' || windowOf(feature) === null) continue
    const items = data.items.filter((i) => i.featureId === feature.id)
    let itemTotal = 0
    for (const item of items) {
      const estimate = quantity(item.estimate) ?? 0
      itemTotal += estimate
      if (item.assigneeId) add(item.assigneeId, estimate)
    }
    const remainder = (quantity(feature.estimate) ?? 0) - itemTotal
    const owners = [...new Set(feature.resourceIds)]
    if (remainder > 0) for (const owner of owners) add(owner, remainder / owners.length)
  }
  return totals
}

const seen = { conflicts: 0, cycles: 0, late: 0, overloaded: 0, dangling: 0, orphans: 0 }

function checkInvariants(doc: Y.Doc, data: RoadmapData, today: string): void {
  const backlog = deriveBacklog(doc, today)
  expect(backlog).toEqual(deriveBacklog(data, today))
  const schedule = checkSchedule(data, today)
  const report = deriveReport(data, today)

  const live = data.features.filter((f) => f.status !== 'cancelled')
  expect(backlog.entries.map((e) => e.featureId).sort()).toEqual(live.map((f) => f.id).sort())
  const featureIds = new Set(data.features.map((f) => f.id))
  const listedItems = backlog.entries.flatMap((e) => e.items.map((i) => i.id))
  const cancelledItems = data.items.filter(
    (i) => featureIds.has(i.featureId) && !live.some((f) => f.id === i.featureId),
  )
  expect(listedItems.length + backlog.orphanItems.length + cancelledItems.length).toBe(
    data.items.length,
  )
  expect(backlog.orphanItems.every((i) => !featureIds.has(i.featureId))).toBe(true)

  const conflicted = new Set(schedule.conflicts.map((c) => c.featureId))
  const cyclic = new Set(schedule.cycles.flat())
  const late = new Set(schedule.late.map((l) => l.featureId))
  const overloadedWeeks = new Set(schedule.overloaded.map((o) => `${o.resourceId}@${o.week}`))
  for (const entry of backlog.entries) {
    expect(entry.progress).toBeGreaterThanOrEqual(0)
    expect(entry.progress).toBeLessThanOrEqual(1)
    expect(entry.doneEstimate).toBeLessThanOrEqual(entry.totalEstimate)
    const feature = data.features.find((f) => f.id === entry.featureId)!
    const isLive = isLiveFeature(feature)
    expect(entry.flags.late).toBe(late.has(entry.featureId))
    // Cycles are enumerated up to a cap; on these sizes every one is listed.
    expect(entry.flags.blocked).toBe(
      isLive && (conflicted.has(entry.featureId) || cyclic.has(entry.featureId)),
    )
    const window = featureWeeks(feature)
    const overloaded = entry.assigneeIds.some((id) =>
      window.some((week) => overloadedWeeks.has(`${id}@${week}`)),
    )
    expect(entry.flags.overloaded).toBe(isLive && overloaded)
    expect(entry.flags.dangling).toBe(entry.danglingRefs.length > 0)
    if (entry.worstRisk) expect(entry.flags.risky).toBe(entry.worstRisk.score >= 10)
  }

  for (const cycle of schedule.cycles) {
    cycle.forEach((id, index) => {
      const next = cycle[(index + 1) % cycle.length]
      expect(data.features.find((f) => f.id === id)!.dependsOn).toContain(next)
    })
    expect(cycle[0]).toBe([...cycle].sort()[0])
  }

  const expected = expectedLoad(data)
  for (const resource of schedule.load) {
    const spread = resource.weeks.reduce((sum, w) => sum + w.load, 0)
    expect(spread).toBeCloseTo(expected.get(resource.resourceId) ?? 0, 1)
    for (const week of resource.weeks) {
      expect(week.overloaded).toBe(resource.capacity !== null && week.load > resource.capacity)
      expect(overloadedWeeks.has(`${resource.resourceId}@${week.week}`)).toBe(week.overloaded)
    }
  }

  expect(report.summary.features).toBe(backlog.entries.length)
  expect(
    report.lanes.reduce((sum, l) => sum + Object.values(l.byStatus).reduce((a, b) => a + b, 0), 0),
  ).toBe(data.features.length)
  for (const row of [...report.goals, ...report.lanes]) {
    expect(row.progress).toBeGreaterThanOrEqual(0)
    expect(row.progress).toBeLessThanOrEqual(1)
  }
  for (const indicator of report.indicators) {
    if (indicator.progressToTarget !== null) {
      expect(indicator.progressToTarget).toBeGreaterThanOrEqual(0)
      expect(indicator.progressToTarget).toBeLessThanOrEqual(1)
    }
  }

  seen.conflicts += schedule.conflicts.length
  seen.cycles += schedule.cycles.length
  seen.late += schedule.late.length
  seen.overloaded += schedule.overloaded.length
  seen.dangling += backlog.entries.filter((e) => e.flags.dangling).length
  seen.orphans += backlog.orphanItems.length

  expect(parseCsv(backlogToCsv(backlog))).toHaveLength(backlog.entries.length + 1)
  expect(backlogToMarkdown(backlog).length).toBeGreaterThan(0)
}

/** Sessions per test: long runs are split so each test has its own time budget. */
const CHUNK = 1000

describe('derivations on seeded random roadmaps', () => {
  for (let from = 1; from <= SESSIONS; from += CHUNK) {
    const to = Math.min(from + CHUNK - 1, SESSIONS)
    test(`roadmaps ${from}–${to} keep every invariant`, { timeout: 300_000 }, () => {
      for (let seed = from; seed <= to; seed += 1) {
        const { doc, data } = randomData(seed)
        for (const today of TODAYS) {
          try {
            checkInvariants(doc, data, today)
          } catch (error) {
            throw new Error(`seed ${seed}, today ${today}: ${(error as Error).message}`, {
              cause: error,
            })
          }
        }
      }
      // The generator must reach the cases the invariants are about (counts accumulate
      // over the chunks run so far; the first one is as long as the default run).
      for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0)
    })
  }
})

// The demo roadmap a new user sees first: "Atlas", a team analytics SaaS, planned over
// three quarters around `today` (one back, two ahead).
//
// The shape is fixed so the docs and tests can rely on it; dates follow `today` (every
// feature runs Monday to Friday, in weeks counted from the Monday of today's week) and
// the seed only varies the noise in the key indicators' histories. What it shows, for
// any `today`:
// - 30 features in 5 lanes: 7 done, 7 in progress, 14 planned, 2 cancelled;
// - late: "Onboarding emails" (ended 4 weeks ago, still in progress);
// - blocked: "Cohort retention report" starts 2 weeks from now, but its dependency
//   "Custom metrics builder" runs until the end of week +3;
// - overloaded: Sam Okafor (capacity 8) carries 10.5 in week +2 ("Usage-based billing"
//   5 + "SSO / SAML" 4 + "Public REST API v1" 1.5), which flags those three features;
// - health: 3 at risk, 2 off track; 9 risks (one closed), 6 milestones (3 in the next
//   60 days, 1 overdue); 3 goals with 2 key indicators each.
// Ids come from the write API (random); look entities up by title.

import * as Y from 'yjs'
import { addDays } from './dates.js'
import { weekStart } from './deriveCommon.js'
import { ORIGIN } from './origins.js'
import { createPrng } from './prng.js'
import { Roadmap } from './roadmap.js'
import {
  FEATURES,
  GOALS,
  INDICATORS,
  LANES,
  MILESTONES,
  RESOURCES,
  RISKS,
  STRATEGY,
} from './demoContent.js'
import type { GoalKey, LaneKey, PersonKey, RichBlock } from './demoContent.js'
import type { FeatureId, GoalId, IsoDate, LaneId, ResourceId } from './schema.js'

export interface DemoOptions {
  today: IsoDate
  /** Varies the indicator histories' noise; default 1. */
  seed?: number
}

export const DEMO_TITLE = 'Atlas — team analytics SaaS'
export const DEMO_PRODUCT_OWNER = 'Priya (PO)'

/**
 * Writes the Atlas demo roadmap into `doc` (expected empty) in one transaction with the
 * origin `ORIGIN.demo`. Deterministic for a given `today` and `seed`, ids aside.
 */
export function demoRoadmap(doc: Y.Doc, options: DemoOptions): void {
  const monday = weekStart(options.today)
  const prng = createPrng(options.seed ?? 1)
  const day = (offset: number): IsoDate => addDays(monday, offset)
  const roadmap = new Roadmap(doc, { origin: ORIGIN.demo })

  roadmap.transact((r) => {
    r.init({ title: DEMO_TITLE, horizonStart: day(-13 * 7), horizonEnd: day(26 * 7 - 3) })
    writeRichText(r.strategy(), STRATEGY)

    const lanes = new Map<LaneKey, LaneId>()
    for (const lane of LANES)
      lanes.set(lane.key, r.lanes.create({ name: lane.name, color: lane.color }))

    const people = new Map<PersonKey, ResourceId>()
    for (const { key, ...resource } of RESOURCES) people.set(key, r.resources.create(resource))

    const goals = new Map<GoalKey, GoalId>()
    for (const goal of GOALS)
      goals.set(goal.key, r.goals.create({ title: goal.title, status: 'active' }))

    const historyStart = -14 * 7 // eight points, two weeks apart, the last this Monday
    for (const indicator of INDICATORS) {
      const span = indicator.target - indicator.baseline
      const decimals = Math.abs(span) < 10 ? 2 : 0
      const history = Array.from({ length: 8 }, (_, i) => {
        // First and last points are exact (baseline, today's value); the ones between wobble.
        const noise = i === 0 || i === 7 ? 0 : (prng.next() - 0.5) * 0.06 * span
        const value = indicator.baseline + indicator.reached * span * (i / 7) + noise
        return { date: day(historyStart + i * 14), value: roundTo(value, decimals) }
      })
      r.indicators.create({
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        baseline: indicator.baseline,
        target: indicator.target,
        goalId: goals.get(indicator.goal) ?? null,
        history,
      })
    }

    const features = new Map<string, FeatureId>()
    for (const feature of FEATURES) {
      const start = day(feature.week * 7)
      const id = r.features.create({
        laneId: lanes.get(feature.lane)!,
        title: feature.title,
        start,
        end: addDays(start, feature.weeks * 7 - 3),
        status: feature.status,
        health: feature.health ?? 'on-track',
        goalIds: feature.goals.map((key) => goals.get(key)!),
        resourceIds: (feature.resources ?? []).map((key) => people.get(key)!),
        estimate: feature.estimate ?? null,
        reach: feature.rice?.[0] ?? null,
        impact: feature.rice?.[1] ?? null,
        confidence: feature.rice?.[2] ?? null,
        effort: feature.rice?.[3] ?? null,
      })
      features.set(feature.key, id)
      writeRichText(r.features.description(id)!, [['p', feature.description]])
    }
    for (const feature of FEATURES) {
      if (feature.dependsOn) {
        r.features.update(features.get(feature.key)!, {
          dependsOn: feature.dependsOn.map((key) => features.get(key)!),
        })
      }
      feature.items?.forEach(([title, status, assignee, estimate], index) => {
        const id = r.items.create({
          featureId: features.get(feature.key)!,
          title,
          assigneeId: assignee ? people.get(assignee)! : null,
          estimate,
        })
        if (status === 'done') {
          // Accepted by the PO on a working day inside the feature's window, never after today.
          const start = feature.week * 7
          const accepted = Math.min(
            start + index * 2 + 3,
            feature.week * 7 + feature.weeks * 7 - 3,
            -1,
          )
          r.items.setStatus(id, 'done', {
            by: DEMO_PRODUCT_OWNER,
            at: `${day(accepted)}T15:30:00.000Z`,
          })
        } else if (status !== 'todo') {
          r.items.setStatus(id, status)
        }
      })
    }

    for (const milestone of MILESTONES) {
      r.milestones.create({
        title: milestone.title,
        date: day(milestone.day),
        laneId: milestone.lane ? lanes.get(milestone.lane)! : null,
        status: milestone.status,
      })
    }

    for (const risk of RISKS) {
      r.risks.create({
        title: risk.title,
        likelihood: risk.likelihood,
        impact: risk.impact,
        status: risk.status,
        ownerId: people.get(risk.owner)!,
        mitigation: risk.mitigation,
        featureIds: risk.features.map((key) => features.get(key)!),
      })
    }
  })
}

/** Appends Tiptap-shaped blocks (heading, paragraph, bullet list) to a fragment. */
function writeRichText(fragment: Y.XmlFragment, blocks: readonly RichBlock[]): void {
  const nodes = blocks.map((block) => {
    switch (block[0]) {
      case 'h': {
        const heading = new Y.XmlElement<{ level: number }>('heading')
        heading.setAttribute('level', 2)
        heading.insert(0, [new Y.XmlText(block[1])])
        // Tiptap reads `level` as a number; Yjs types attributes as strings by default.
        return heading as unknown as Y.XmlElement
      }
      case 'p':
        return paragraph(block[1])
      case 'ul': {
        const list = new Y.XmlElement('bulletList')
        list.insert(
          0,
          block[1].map((text) => {
            const item = new Y.XmlElement('listItem')
            item.insert(0, [paragraph(text)])
            return item
          }),
        )
        return list
      }
      default: {
        const never: never = block
        throw new Error(`Unknown block ${JSON.stringify(never)}`)
      }
    }
  })
  fragment.insert(fragment.length, nodes)
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

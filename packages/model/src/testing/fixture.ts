// Hand-built `RoadmapData` for the derivation tests: every field spelled out with the
// defaults `readRoadmap` would fill, so a test states only what it is about.

import type {
  Feature,
  FeatureId,
  Goal,
  GoalId,
  Indicator,
  IndicatorId,
  Item,
  ItemId,
  Lane,
  LaneId,
  Milestone,
  MilestoneId,
  Resource,
  ResourceId,
  Risk,
  RiskId,
  RoadmapData,
  RoadmapMeta,
} from '../schema.js'

export function lane(id: string, name: string, rank: string, extra: Partial<Lane> = {}): Lane {
  return { id: id as LaneId, name, color: '#64748b', rank, ...extra }
}

export function feature(id: string, fields: Partial<Omit<Feature, 'id'>> = {}): Feature {
  return {
    id: id as FeatureId,
    laneId: 'L1' as LaneId,
    title: id,
    start: null,
    end: null,
    status: 'planned',
    health: 'on-track',
    rank: '',
    goalIds: [],
    resourceIds: [],
    dependsOn: [],
    estimate: null,
    reach: null,
    impact: null,
    confidence: null,
    effort: null,
    ...fields,
  }
}

export function item(
  id: string,
  featureId: string,
  fields: Partial<Omit<Item, 'id' | 'featureId'>> = {},
): Item {
  return {
    id: id as ItemId,
    featureId: featureId as FeatureId,
    title: id,
    status: 'todo',
    assigneeId: null,
    estimate: null,
    rank: '',
    acceptedAt: null,
    acceptedBy: null,
    ...fields,
  }
}

export function resource(
  id: string,
  name: string,
  capacity: number | null,
  extra: Partial<Resource> = {},
): Resource {
  return { id: id as ResourceId, name, kind: 'person', role: '', capacity, ...extra }
}

export function goal(id: string, title: string, rank: string): Goal {
  return { id: id as GoalId, title, rank, status: 'active' }
}

export function risk(id: string, fields: Partial<Omit<Risk, 'id'>> = {}): Risk {
  return {
    id: id as RiskId,
    title: id,
    likelihood: 3,
    impact: 3,
    status: 'open',
    ownerId: null,
    mitigation: '',
    featureIds: [],
    ...fields,
  }
}

export function indicator(id: string, fields: Partial<Omit<Indicator, 'id'>> = {}): Indicator {
  return {
    id: id as IndicatorId,
    name: id,
    unit: '',
    baseline: null,
    target: null,
    current: null,
    direction: 'increase',
    goalId: null,
    history: [],
    ...fields,
  }
}

export function milestone(id: string, fields: Partial<Omit<Milestone, 'id'>> = {}): Milestone {
  return {
    id: id as MilestoneId,
    title: id,
    date: null,
    laneId: null,
    status: 'upcoming',
    ...fields,
  }
}

/** A roadmap with one lane, `L1` (every `feature()` lives there unless told otherwise). */
export function roadmapData(
  parts: Partial<Omit<RoadmapData, 'meta'>> & { meta?: Partial<RoadmapMeta> } = {},
): RoadmapData {
  return {
    lanes: [lane('L1', 'Lane', 'a0')],
    features: [],
    milestones: [],
    goals: [],
    indicators: [],
    risks: [],
    resources: [],
    items: [],
    ...parts,
    meta: {
      schemaVersion: 1,
      title: 'Fixture',
      horizonStart: null,
      horizonEnd: null,
      ...parts.meta,
    },
  }
}

/** Ids as plain strings, for comparing with `toEqual`. */
export function ids(list: readonly { featureId: string }[]): string[] {
  return list.map((entry) => entry.featureId)
}

/**
 * The shared small fixture, today = 2026-03-11 (a Wednesday; weeks start 03-02, 03-09,
 * 03-16). Expectations in the tests are computed by hand from this description:
 *
 * - F1 "Auth" (Core, rank a0) 03-02..03-13, in progress: items I1 done 3 (Ana), I2 todo 1
 *   (Ana), I3 in progress unestimated (Ben). Progress 3/4. Risks K1 open 4×3 = 12 and K2
 *   closed 5×5 (ignored).
 * - F2 "Billing" (Growth, rank a1) 03-09..03-20, planned, depends on F1 (ends 03-13: 5
 *   days of overlap), own estimate 10 on Ben, item I4 todo 8 (Ana); goal G9 is gone.
 *   Risk K3 mitigating 2×2.
 * - F3 "Reports" (Core, rank a2) 02-02..02-27, in progress, no items: late by 12 days.
 * - F4 "Legacy" (Core, rank a3) cancelled.
 * - F5 "Ideas" (Growth, no rank, undated): items I5 done 0, I6 todo 0: progress 1/2 by count.
 * - F6 "Polish" (Core, no rank) 04-01..04-10, done, no items.
 * - Ana (capacity 5): week 03-02 = 2 (F1), week 03-09 = 2 (F1) + 4 (F2) = 6 > 5,
 *   week 03-16 = 4. Ben (capacity 10): F2's remainder 10 − 8 = 2 → 1 a week.
 * - Risk K4 is on a feature that is gone; item I7's feature is gone.
 */
export const TODAY = '2026-03-11'

export function smallFixture(): RoadmapData {
  return roadmapData({
    meta: { title: 'Small', horizonStart: '2026-01-01', horizonEnd: '2026-12-31' },
    lanes: [lane('L1', 'Core', 'a0'), lane('L2', 'Growth', 'a1')],
    resources: [
      resource('R1', 'Ana', 5),
      resource('R2', 'Ben', 10),
      resource('R3', 'Squad', null, { kind: 'team' }),
    ],
    goals: [goal('G1', 'Retention', 'a0')],
    features: [
      feature('F1', {
        title: 'Auth',
        laneId: 'L1' as LaneId,
        rank: 'a0',
        start: '2026-03-02',
        end: '2026-03-13',
        status: 'in-progress',
        goalIds: ['G1' as GoalId],
        reach: 1000,
        impact: 2,
        confidence: 80,
        effort: 4,
      }),
      feature('F2', {
        title: 'Billing',
        laneId: 'L2' as LaneId,
        rank: 'a1',
        start: '2026-03-09',
        end: '2026-03-20',
        dependsOn: ['F1' as FeatureId],
        estimate: 10,
        resourceIds: ['R2' as ResourceId],
        goalIds: ['G1' as GoalId, 'G9' as GoalId],
        reach: 500,
        impact: 1,
        confidence: 0.5,
        effort: 0,
      }),
      feature('F3', {
        title: 'Reports',
        laneId: 'L1' as LaneId,
        rank: 'a2',
        start: '2026-02-02',
        end: '2026-02-27',
        status: 'in-progress',
        health: 'off-track',
      }),
      feature('F4', {
        title: 'Legacy',
        laneId: 'L1' as LaneId,
        rank: 'a3',
        start: '2026-03-02',
        end: '2026-03-27',
        status: 'cancelled',
      }),
      feature('F5', { title: 'Ideas', laneId: 'L2' as LaneId }),
      feature('F6', {
        title: 'Polish',
        laneId: 'L1' as LaneId,
        start: '2026-04-01',
        end: '2026-04-10',
        status: 'done',
      }),
    ],
    items: [
      item('I1', 'F1', {
        status: 'done',
        estimate: 3,
        assigneeId: 'R1' as ResourceId,
        rank: 'a0',
        acceptedAt: '2026-03-05T10:00:00.000Z',
        acceptedBy: 'Priya (PO)',
      }),
      item('I3', 'F1', { status: 'in-progress', assigneeId: 'R2' as ResourceId, rank: 'a2' }),
      item('I2', 'F1', { estimate: 1, assigneeId: 'R1' as ResourceId, rank: 'a1' }),
      item('I4', 'F2', { estimate: 8, assigneeId: 'R1' as ResourceId, rank: 'a0' }),
      item('I5', 'F5', { status: 'done', estimate: 0, rank: 'a0' }),
      item('I6', 'F5', { estimate: 0, rank: 'a1' }),
      item('I7', 'gone', { title: 'Orphan', estimate: 2, rank: 'a0' }),
    ],
    risks: [
      risk('K1', {
        title: 'Vendor outage',
        likelihood: 4,
        impact: 3,
        featureIds: ['F1' as FeatureId],
      }),
      risk('K2', {
        title: 'Old risk',
        likelihood: 5,
        impact: 5,
        status: 'closed',
        featureIds: ['F1' as FeatureId],
      }),
      risk('K3', {
        title: 'Pricing pushback',
        likelihood: 2,
        impact: 2,
        status: 'mitigating',
        featureIds: ['F2' as FeatureId],
      }),
      risk('K4', {
        title: 'Orphan risk',
        likelihood: 1,
        impact: 1,
        featureIds: ['Fx' as FeatureId],
      }),
    ],
    indicators: [
      indicator('N1', {
        name: 'Retained teams',
        baseline: 10,
        target: 20,
        current: 15,
        goalId: 'G1' as GoalId,
      }),
      indicator('N2', {
        name: 'Churn',
        direction: 'decrease',
        baseline: 100,
        target: 50,
        current: 95,
        goalId: 'G1' as GoalId,
      }),
      indicator('N3', {
        name: 'From history',
        target: 40,
        history: [
          { date: '2026-01-05', value: 20 },
          { date: '2026-02-02', value: 24 },
          { date: '2026-03-02', value: 28 },
        ],
      }),
    ],
    milestones: [
      milestone('M1', { title: 'Beta', date: '2026-03-20' }),
      milestone('M2', { title: 'Edge of window', date: '2026-05-10' }),
      milestone('M3', { title: 'Beyond window', date: '2026-05-11' }),
      milestone('M4', { title: 'Missed kickoff', date: '2026-03-01' }),
      milestone('M5', { title: 'Reached early', date: '2026-03-15', status: 'reached' }),
      milestone('M6', { title: 'Undated', date: null }),
    ],
  })
}

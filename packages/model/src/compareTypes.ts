// The vocabulary of a comparison of two versions of a roadmap (`compareRoadmaps`): what
// kinds of change there are, how they are grouped, and the per-entity detail a timeline
// needs to draw the old dates beside the new ones.

import type { EntityKind, FeatureId, IsoDate, LaneId, MilestoneId } from './schema.js'

/** The sections of a change list, in the order they are shown. */
export const CHANGE_GROUP = {
  schedule: 'schedule',
  scope: 'scope',
  status: 'status',
  goals: 'goals',
  risks: 'risks',
} as const
export type ChangeGroup = (typeof CHANGE_GROUP)[keyof typeof CHANGE_GROUP]
export const CHANGE_GROUPS: readonly ChangeGroup[] = Object.values(CHANGE_GROUP)

export const CHANGE_TYPE = {
  // schedule
  slipped: 'slipped',
  pulledIn: 'pulled-in',
  resized: 'resized',
  scheduled: 'scheduled',
  unscheduled: 'unscheduled',
  laneChanged: 'lane-changed',
  milestoneMoved: 'milestone-moved',
  // scope (and added/removed for every other kind too)
  added: 'added',
  removed: 'removed',
  estimateChanged: 'estimate-changed',
  // status
  statusChanged: 'status-changed',
  healthChanged: 'health-changed',
  accepted: 'accepted',
  // goals and key indicators
  valueChanged: 'value-changed',
  targetChanged: 'target-changed',
  onTrackChanged: 'on-track-changed',
  // risks
  closed: 'closed',
  reopened: 'reopened',
  scoreChanged: 'score-changed',
} as const
export type ChangeType = (typeof CHANGE_TYPE)[keyof typeof CHANGE_TYPE]

export type ChangeValue = string | number | boolean | null

/**
 * One line of the change list. `kind` + `id` link to the entity; `field` names the field
 * that changed (`dates` for a feature's start/end pair, written `start/end` as an ISO 8601
 * interval with `..` for an open end), `null` for an entity added or removed.
 */
export interface Change {
  group: ChangeGroup
  type: ChangeType
  kind: EntityKind
  id: string
  /** The entity's title (or name) in the newer version, else the older one. */
  title: string
  field: string | null
  from: ChangeValue
  to: ChangeValue
  /** Schedule changes: signed calendar days the end (milestone: date) moved; else null. */
  days: number | null
}

export interface FeaturePlacement {
  laneId: LaneId
  start: IsoDate | null
  end: IsoDate | null
}

/** A feature that differs between the versions, for the timeline (ghost bar, lane move). */
export interface FeatureDiff {
  id: FeatureId
  title: string
  /** `null` when added. */
  before: FeaturePlacement | null
  /** `null` when removed. */
  after: FeaturePlacement | null
  /** Kept the same length but start and end shifted. */
  shifted: boolean
  laneChanged: boolean
  /** Signed days the end moved (both ends dated), else null. */
  endDays: number | null
}

export interface MilestoneDiff {
  id: MilestoneId
  title: string
  before: { date: IsoDate | null; laneId: LaneId | null } | null
  after: { date: IsoDate | null; laneId: LaneId | null } | null
  /** Signed days the date moved (both dated), else null. */
  days: number | null
}

export interface CompareSummary {
  /** Features whose end moved later, and the sum of those days. */
  featuresSlipped: number
  slipDays: number
  featuresPulledIn: number
  pullInDays: number
  milestonesMoved: number
  featuresAdded: number
  featuresRemoved: number
  itemsAdded: number
  itemsRemoved: number
  /** Estimated work of the features not cancelled (see `scopeEstimate`), before and after. */
  estimateBefore: number
  estimateAfter: number
}

export interface RoadmapComparison {
  title: string
  /** The calendar dates of the two versions (also the "today" of on-track verdicts). */
  fromDate: IsoDate
  toDate: IsoDate
  summary: CompareSummary
  /** Every change, grouped in `CHANGE_GROUPS` order, then in the newer version's display order. */
  changes: Change[]
  features: FeatureDiff[]
  milestones: MilestoneDiff[]
}

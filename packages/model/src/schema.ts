// Document schema v1 (docs/ARCHITECTURE.md, "Document schema"). This file is the vocabulary shared by every
// other module: root names, closed value sets, branded ids and the plain read shapes.

export const SCHEMA_VERSION = 1

/** Names of the root types of a roadmap Y.Doc. */
export const ROOT = {
  roadmap: 'roadmap',
  strategy: 'strategy',
  lanes: 'lanes',
  features: 'features',
  milestones: 'milestones',
  goals: 'goals',
  indicators: 'indicators',
  risks: 'risks',
  resources: 'resources',
  items: 'items',
  /** Comment threads (`comment-schema.ts`). */
  comments: 'comments',
  /** The slip ledger (see `slipLedger.ts`): a schema addition older clients keep untouched. */
  slips: 'slips',
  /** Planning sessions (see `sessionSchema.ts`): a schema addition older clients keep untouched. */
  sessions: 'sessions',
} as const

/** The entity collections: each is a root `Y.Map<id, Y.Map>`. */
export const ENTITY_KINDS = [
  'lanes',
  'features',
  'milestones',
  'goals',
  'indicators',
  'risks',
  'resources',
  'items',
] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

export const FEATURE_STATUS = {
  planned: 'planned',
  inProgress: 'in-progress',
  done: 'done',
  cancelled: 'cancelled',
} as const
export type FeatureStatus = (typeof FEATURE_STATUS)[keyof typeof FEATURE_STATUS]

export const HEALTH = {
  onTrack: 'on-track',
  atRisk: 'at-risk',
  offTrack: 'off-track',
} as const
export type Health = (typeof HEALTH)[keyof typeof HEALTH]

export const ITEM_STATUS = {
  todo: 'todo',
  inProgress: 'in-progress',
  inReview: 'in-review',
  done: 'done',
} as const
export type ItemStatus = (typeof ITEM_STATUS)[keyof typeof ITEM_STATUS]

export const MILESTONE_STATUS = {
  upcoming: 'upcoming',
  reached: 'reached',
  missed: 'missed',
} as const
export type MilestoneStatus = (typeof MILESTONE_STATUS)[keyof typeof MILESTONE_STATUS]

export const GOAL_STATUS = {
  active: 'active',
  achieved: 'achieved',
  dropped: 'dropped',
} as const
export type GoalStatus = (typeof GOAL_STATUS)[keyof typeof GOAL_STATUS]

export const RISK_STATUS = {
  open: 'open',
  mitigating: 'mitigating',
  closed: 'closed',
} as const
export type RiskStatus = (typeof RISK_STATUS)[keyof typeof RISK_STATUS]

export const RESOURCE_KIND = {
  person: 'person',
  team: 'team',
  budget: 'budget',
  tool: 'tool',
} as const
export type ResourceKind = (typeof RESOURCE_KIND)[keyof typeof RESOURCE_KIND]

export const DIRECTION = {
  increase: 'increase',
  decrease: 'decrease',
} as const
export type Direction = (typeof DIRECTION)[keyof typeof DIRECTION]

type Brand<T, B extends string> = T & { readonly __brand: B }
export type LaneId = Brand<string, 'LaneId'>
export type FeatureId = Brand<string, 'FeatureId'>
export type MilestoneId = Brand<string, 'MilestoneId'>
export type GoalId = Brand<string, 'GoalId'>
export type IndicatorId = Brand<string, 'IndicatorId'>
export type RiskId = Brand<string, 'RiskId'>
export type ResourceId = Brand<string, 'ResourceId'>
export type ItemId = Brand<string, 'ItemId'>

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string

export interface RoadmapMeta {
  schemaVersion: number
  title: string
  horizonStart: IsoDate | null
  horizonEnd: IsoDate | null
}

export interface Lane {
  id: LaneId
  name: string
  color: string
  rank: string
  collapsed?: boolean
}

export interface Feature {
  id: FeatureId
  laneId: LaneId
  title: string
  start: IsoDate | null
  end: IsoDate | null
  status: FeatureStatus
  health: Health
  rank: string
  goalIds: GoalId[]
  resourceIds: ResourceId[]
  dependsOn: FeatureId[]
  estimate: number | null
  reach: number | null
  impact: number | null
  confidence: number | null
  effort: number | null
  /** Now–Next–Later bucket for roadmaps without firm dates. */
  horizon?: 'now' | 'next' | 'later' | null
}

export interface Milestone {
  id: MilestoneId
  title: string
  date: IsoDate | null
  laneId: LaneId | null
  status: MilestoneStatus
}

export interface Goal {
  id: GoalId
  title: string
  rank: string
  status: GoalStatus
}

export interface IndicatorPoint {
  date: IsoDate
  value: number
}

export interface Indicator {
  id: IndicatorId
  name: string
  unit: string
  baseline: number | null
  target: number | null
  current: number | null
  direction: Direction
  goalId: GoalId | null
  history: IndicatorPoint[]
}

export interface Risk {
  id: RiskId
  title: string
  likelihood: number
  impact: number
  status: RiskStatus
  ownerId: ResourceId | null
  mitigation: string
  featureIds: FeatureId[]
}

export interface Resource {
  id: ResourceId
  name: string
  kind: ResourceKind
  role: string
  capacity: number | null
}

export interface Item {
  id: ItemId
  featureId: FeatureId
  title: string
  status: ItemStatus
  assigneeId: ResourceId | null
  estimate: number | null
  rank: string
  acceptedAt: string | null
  acceptedBy: string | null
}

export interface EntityByKind {
  lanes: Lane
  features: Feature
  milestones: Milestone
  goals: Goal
  indicators: Indicator
  risks: Risk
  resources: Resource
  items: Item
}

/**
 * A plain, immutable read of the whole roadmap (`readRoadmap(doc)`): what derivations
 * and views work from. Arrays are in display order (rank), defaults filled in.
 */
export interface RoadmapData {
  meta: RoadmapMeta
  lanes: Lane[]
  features: Feature[]
  milestones: Milestone[]
  goals: Goal[]
  indicators: Indicator[]
  risks: Risk[]
  resources: Resource[]
  items: Item[]
}

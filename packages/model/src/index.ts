export {
  SCHEMA_VERSION,
  ROOT,
  ENTITY_KINDS,
  FEATURE_STATUS,
  HEALTH,
  ITEM_STATUS,
  MILESTONE_STATUS,
  GOAL_STATUS,
  RISK_STATUS,
  RESOURCE_KIND,
  DIRECTION,
} from './schema.js'
export type {
  EntityKind,
  FeatureStatus,
  Health,
  ItemStatus,
  MilestoneStatus,
  GoalStatus,
  RiskStatus,
  ResourceKind,
  Direction,
  LaneId,
  FeatureId,
  MilestoneId,
  GoalId,
  IndicatorId,
  RiskId,
  ResourceId,
  ItemId,
  IsoDate,
  RoadmapMeta,
  Lane,
  Feature,
  Milestone,
  Goal,
  IndicatorPoint,
  Indicator,
  Risk,
  Resource,
  Item,
  EntityByKind,
  RoadmapData,
} from './schema.js'
export {
  parseIsoDate,
  isIsoDate,
  formatIsoDate,
  addDays,
  diffDays,
  compareIsoDates,
} from './dates.js'
export { readRoadmap, readMeta, readCollection } from './read.js'
export { compareByRank, COMPARE, RANKED_KINDS } from './order.js'
export type { RankedKind } from './order.js'
export { problems } from './problems.js'
export type { Problem } from './problems.js'
export { Roadmap } from './roadmap.js'
export type { RoadmapOptions } from './roadmap.js'
export type { Origin } from './context.js'
export { EntityCollection } from './entity-collection.js'
export type { IdOf } from './entity-collection.js'
export { RankedCollection } from './ranked-collection.js'
export type { Placement } from './ranked-collection.js'
export { LaneCollection } from './lanes.js'
export { FeatureCollection } from './features.js'
export type { FeatureMove } from './features.js'
export { GoalCollection } from './goals.js'
export { ItemCollection } from './items.js'
export type { Acceptance } from './items.js'
export { IndicatorCollection } from './indicators.js'
export type {
  LaneInput,
  LanePatch,
  FeatureInput,
  FeaturePatch,
  MilestoneInput,
  MilestonePatch,
  GoalInput,
  GoalPatch,
  IndicatorInput,
  IndicatorPatch,
  RiskInput,
  RiskPatch,
  ResourceInput,
  ResourcePatch,
  ItemInput,
  ItemPatch,
  MetaInput,
  MetaPatch,
} from './inputs.js'

// What callers pass to create and update. Ranks are written by the collection (create
// placement, `reorder`); rich text and indicator history have their own methods.

import type {
  Feature,
  Goal,
  Indicator,
  IndicatorPoint,
  Item,
  Lane,
  Milestone,
  Resource,
  Risk,
  RoadmapMeta,
} from './schema.js'

export type LaneInput = Pick<Lane, 'name'> & Partial<Omit<Lane, 'id' | 'rank' | 'name'>>
export type LanePatch = Partial<Omit<Lane, 'id' | 'rank'>>

export type FeatureInput = Pick<Feature, 'laneId' | 'title'> &
  Partial<Omit<Feature, 'id' | 'rank' | 'laneId' | 'title'>>
export type FeaturePatch = Partial<Omit<Feature, 'id' | 'rank'>>

export type MilestoneInput = Pick<Milestone, 'title'> & Partial<Omit<Milestone, 'id' | 'title'>>
export type MilestonePatch = Partial<Omit<Milestone, 'id'>>

export type GoalInput = Pick<Goal, 'title'> & Partial<Omit<Goal, 'id' | 'rank' | 'title'>>
export type GoalPatch = Partial<Omit<Goal, 'id' | 'rank'>>

export type IndicatorInput = Pick<Indicator, 'name'> &
  Partial<Omit<Indicator, 'id' | 'name' | 'history'>> & { history?: readonly IndicatorPoint[] }
export type IndicatorPatch = Partial<Omit<Indicator, 'id' | 'history'>>

export type RiskInput = Pick<Risk, 'title'> & Partial<Omit<Risk, 'id' | 'title'>>
export type RiskPatch = Partial<Omit<Risk, 'id'>>

export type ResourceInput = Pick<Resource, 'name'> & Partial<Omit<Resource, 'id' | 'name'>>
export type ResourcePatch = Partial<Omit<Resource, 'id'>>

/** Status goes through `items.setStatus` (acceptance), the feature through `items.move`. */
export type ItemInput = Pick<Item, 'featureId' | 'title'> &
  Partial<
    Omit<Item, 'id' | 'rank' | 'featureId' | 'title' | 'status' | 'acceptedAt' | 'acceptedBy'>
  >
export type ItemPatch = Partial<
  Omit<Item, 'id' | 'rank' | 'featureId' | 'status' | 'acceptedAt' | 'acceptedBy'>
>

export type MetaInput = Pick<RoadmapMeta, 'title'> &
  Partial<Pick<RoadmapMeta, 'horizonStart' | 'horizonEnd'>>
export type MetaPatch = Partial<Pick<RoadmapMeta, 'title' | 'horizonStart' | 'horizonEnd'>>

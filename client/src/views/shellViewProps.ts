import type { FeatureId, RoadmapComparison } from '@meridian/model'
import type { ViewProps } from './types.js'
import type { Session } from '../sync/session.js'

export interface BaselineView {
  name: string
  comparison: RoadmapComparison
}

/**
 * What the shell passes to every view: the public ViewProps contract, plus extras the
 * shell's own views (timeline, now–next–later) use. Other views may ignore them.
 */
export interface ShellViewProps extends ViewProps {
  /** Select a feature and open its panel. */
  openFeature(id: FeatureId): void
  session: Session
  /** The person being followed (awareness client id), if any. */
  followClientId: number | null
  stopFollowing(): void
  /** Embedded (iframe) rendering: no chrome, read-only. */
  embedded?: boolean
  /** Another version compared with the one shown: the timeline draws its ghosts. */
  comparison?: RoadmapComparison | null
  /** `baseline`: the comparison is with the roadmap's baseline, drawn in its own colour */
  comparisonTone?: 'compare' | 'baseline'
  /** The roadmap's baseline compared with the live roadmap, once loaded. */
  baseline?: BaselineView | null
}

// The contract between the roadmap shell (routing, sync, presence, undo) and each
// planning view (timeline, now-next-later, backlog, risks, goals, resources, strategy,
// report). Each view is the default export of `client/src/views/<name>/index.tsx`
// and is loaded on demand.
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { FeatureId, IsoDate, Roadmap, RoadmapData } from '@meridian/model'

export { ROLE } from '@meridian/protocol'
export type { Role } from '@meridian/protocol'
import type { Role } from '@meridian/protocol'

export interface ViewProps {
  roadmapId: string
  token: string
  doc: Y.Doc
  /** Writes through the session's local, undo-tracked origin. */
  roadmap: Roadmap
  /** Current snapshot; the shell re-renders views on every document change. */
  data: RoadmapData
  role: Role
  /** True for viewers and commenters: render no edit affordance (comments aside). */
  readOnly: boolean
  /**
   * False until `doc` holds the roadmap (first sync with the server, or the offline copy
   * when offline; client/src/sync/useContentLoaded.ts). An editor that binds to the
   * document's text takes no keys before: what it took would land in the wrong place.
   */
  loaded: boolean
  today: IsoDate
  awareness: Awareness
  /** Select a feature everywhere (timeline selection, feature panel). */
  selectFeature(id: FeatureId | null): void
  selectedFeatureId: FeatureId | null
}

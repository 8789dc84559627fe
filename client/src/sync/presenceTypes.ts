// The awareness state every Meridian client publishes (y-protocols awareness).
// The server sets `user.role = 'viewer'` on viewer connections, whatever they send.
import type { Role } from '@meridian/protocol'

export interface PresenceUser {
  name: string
  color: string
  role: Role
}

export interface PresenceState {
  user: PresenceUser
  /** Which view the person has open, e.g. 'timeline', 'backlog'. */
  view?: string
  /** Selected entity, outlined in the person's colour for everyone else. */
  selection?: { kind: 'feature' | 'milestone' | 'lane' | 'item' | 'risk'; id: string } | null
  /** Pointer over the timeline, in timeline coordinates (date and lane). */
  pointer?: { date: string; laneId: string | null; y: number } | null
  /** Visible window of the timeline, for follow mode. */
  viewport?: { start: string; end: string; zoom: string; scrollTop: number } | null
  /** A bar being dragged right now: shown live to others before the drop. */
  dragging?: { featureId: string; start: string; end: string; laneId: string } | null
}

// Where a milestone stands on a given day (DERIVATIONS.md, "Milestones"). The stored status
// says only whether it was reached or missed; "overdue" depends on today, so the timeline,
// the board, the popover and the report all ask this one function.

import { parseIsoDate } from './dates.js'
import type { IsoDate, Milestone } from './schema.js'

export const MILESTONE_STATE = {
  reached: 'reached',
  missed: 'missed',
  /** Still upcoming although its date has passed. */
  overdue: 'overdue',
  upcoming: 'upcoming',
  /** Upcoming, with no valid date. */
  undated: 'undated',
} as const
export type MilestoneState = (typeof MILESTONE_STATE)[keyof typeof MILESTONE_STATE]

export function milestoneState(
  milestone: Pick<Milestone, 'date' | 'status'>,
  today: IsoDate,
): MilestoneState {
  if (milestone.status === 'reached') return MILESTONE_STATE.reached
  if (milestone.status === 'missed') return MILESTONE_STATE.missed
  if (milestone.date === null || parseIsoDate(milestone.date) === null) {
    return MILESTONE_STATE.undated
  }
  return milestone.date < today ? MILESTONE_STATE.overdue : MILESTONE_STATE.upcoming
}

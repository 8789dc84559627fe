// Status versus progress (DERIVATIONS.md, "Status and progress"). A feature's status is a
// decision the team takes by hand; its progress follows its items. The product never
// changes the status behind the room's back: when the items say something the status
// does not, every view shows the same prompt, from `statusHintOf`.

import type { FeatureStatus, ItemStatus } from './schema.js'

export const STATUS_HINT = {
  /** Every item is accepted but the feature is not marked done. */
  markDone: 'mark-done',
  /** The feature is still planned although work on an item has started. */
  markInProgress: 'mark-in-progress',
} as const
export type StatusHint = (typeof STATUS_HINT)[keyof typeof STATUS_HINT]

/** What every view shows for a hint (the prompt, and the short form for counts). */
export const STATUS_HINT_LABEL: Record<StatusHint, { prompt: string; count: string }> = {
  'mark-done': { prompt: 'All items accepted — mark done?', count: 'with all items accepted' },
  'mark-in-progress': {
    prompt: 'Work has started — mark in progress?',
    count: 'planned with work started',
  },
}

/**
 * How progress is computed, in words, for the "how this is computed" tooltips: the same
 * text on the timeline, the backlog and the report, so the rule is visible where the
 * figure is.
 */
export const PROGRESS_RULE = {
  feature:
    'Progress follows the items: accepted estimate ÷ total estimate (items without an estimate count by number when none has one). A feature marked done is 100%; one without items is 0% until marked done. Status is set by hand.',
  overall:
    'Each feature (cancelled ones aside) counts by its items’ total estimate, else its own estimate, else 1 point, times its progress. Features are counted by the status set on them.',
} as const

/**
 * `mark-done`: not done or cancelled, at least one item, every item accepted (done).
 * `mark-in-progress`: planned, and an item is past to-do. Otherwise `null`.
 */
export function statusHintOf(
  status: FeatureStatus,
  items: readonly { status: ItemStatus }[],
): StatusHint | null {
  if (status === 'done' || status === 'cancelled' || items.length === 0) return null
  if (items.every((item) => item.status === 'done')) return STATUS_HINT.markDone
  if (status === 'planned' && items.some((item) => item.status !== 'todo')) {
    return STATUS_HINT.markInProgress
  }
  return null
}

/** How many of the entries carry each hint (for "3 with all items accepted" beside the counts). */
export function countStatusHints(
  entries: readonly { statusHint: StatusHint | null }[],
): Record<StatusHint, number> {
  const counts: Record<StatusHint, number> = { 'mark-done': 0, 'mark-in-progress': 0 }
  for (const entry of entries) if (entry.statusHint !== null) counts[entry.statusHint] += 1
  return counts
}

// Tracker statuses into the roadmap's: Jira's To Do / In Progress / Done and the usual
// custom ones by name; anything else goes through the mapping step's status table.
import type { FeatureStatus, ItemStatus } from '@meridian/model'

export const IMPORT_STATUS = {
  todo: 'todo',
  inProgress: 'in-progress',
  inReview: 'in-review',
  done: 'done',
  cancelled: 'cancelled',
} as const
export type ImportStatus = (typeof IMPORT_STATUS)[keyof typeof IMPORT_STATUS]

export const IMPORT_STATUS_LABEL: Record<ImportStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  'in-review': 'In review',
  done: 'Done',
  cancelled: 'Cancelled',
}

export function isImportStatus(value: unknown): value is ImportStatus {
  return typeof value === 'string' && Object.hasOwn(IMPORT_STATUS_LABEL, value)
}

const KNOWN: Record<string, ImportStatus> = {}
const name = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
for (const [status, names] of Object.entries({
  todo: [
    'to do',
    'todo',
    'open',
    'new',
    'backlog',
    'planned',
    'selected for development',
    'ready',
    'triage',
    'unstarted',
    'not started',
    'reopened',
  ],
  'in-progress': [
    'in progress',
    'doing',
    'started',
    'in development',
    'active',
    'wip',
    'building',
    'blocked',
  ],
  'in-review': [
    'in review',
    'review',
    'code review',
    'in qa',
    'qa',
    'testing',
    'in test',
    'verify',
  ],
  done: [
    'done',
    'closed',
    'resolved',
    'complete',
    'completed',
    'shipped',
    'released',
    'finished',
    'accepted',
  ],
  cancelled: [
    "won't do",
    'wont do',
    "won't fix",
    'cancelled',
    'canceled',
    'duplicate',
    'rejected',
    'dropped',
    'obsolete',
  ],
} satisfies Record<ImportStatus, string[]>))
  for (const n of names) KNOWN[name(n)] = status as ImportStatus

/** The status a tracker's status name means, by the user's table first; undefined if unknown. */
export function importStatusOf(
  raw: string,
  custom: Readonly<Record<string, ImportStatus>> = {},
): ImportStatus | undefined {
  const key = name(raw)
  for (const [k, v] of Object.entries(custom)) if (name(k) === key) return v
  return KNOWN[key]
}

export const FEATURE_STATUS_OF: Record<ImportStatus, FeatureStatus> = {
  todo: 'planned',
  'in-progress': 'in-progress',
  'in-review': 'in-progress',
  done: 'done',
  cancelled: 'cancelled',
}

/** Backlog items have no cancelled state: a cancelled story is left out (and counted). */
export const ITEM_STATUS_OF: Record<ImportStatus, ItemStatus | null> = {
  todo: 'todo',
  'in-progress': 'in-progress',
  'in-review': 'in-review',
  done: 'done',
  cancelled: null,
}

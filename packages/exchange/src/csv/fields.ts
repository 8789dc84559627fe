// What a CSV column can mean, and the headers Jira, Linear and plain spreadsheets use for it.
// The mapping step starts from `suggestMapping` and lets the user change any column.

export const CSV_FIELD = {
  ignore: 'ignore',
  title: 'title',
  key: 'key',
  issueId: 'issueId',
  type: 'type',
  status: 'status',
  start: 'start',
  end: 'end',
  parent: 'parent',
  parentId: 'parentId',
  lane: 'lane',
  assignee: 'assignee',
  estimate: 'estimate',
  description: 'description',
} as const
export type CsvField = (typeof CSV_FIELD)[keyof typeof CSV_FIELD]

export const CSV_FIELD_LABEL: Record<CsvField, string> = {
  ignore: 'Ignore',
  title: 'Title',
  key: 'Key (e.g. PROJ-12)',
  issueId: 'Issue id (number)',
  type: 'Type (epic, story…)',
  status: 'Status',
  start: 'Start date',
  end: 'End / due date',
  parent: 'Parent (key or title)',
  parentId: 'Parent (issue id)',
  lane: 'Lane',
  assignee: 'Assignee',
  estimate: 'Estimate / points',
  description: 'Description',
}

export function isCsvField(value: unknown): value is CsvField {
  return typeof value === 'string' && Object.hasOwn(CSV_FIELD_LABEL, value)
}

/** Header spellings per field, lower-cased, most specific first. */
const HEADERS: Record<Exclude<CsvField, 'ignore'>, readonly string[]> = {
  title: ['summary', 'title', 'name', 'feature', 'epic name', 'custom field (epic name)'],
  key: ['issue key', 'key', 'id', 'identifier'],
  issueId: ['issue id'],
  type: ['issue type', 'type', 'kind', 'work type'],
  status: ['status', 'state'],
  start: [
    'start date',
    'custom field (start date)',
    'start',
    'starts',
    'begin',
    'custom field (target start)',
  ],
  end: [
    'due date',
    'custom field (end date)',
    'end date',
    'due',
    'end',
    'ends',
    'target date',
    'custom field (target end)',
    'finish',
  ],
  parent: ['parent', 'epic link', 'custom field (epic link)', 'parent issue', 'parent key', 'epic'],
  parentId: ['parent id'],
  lane: [
    'lane',
    'team',
    'component/s',
    'components',
    'component',
    'theme',
    'area',
    'project name',
    'project',
  ],
  assignee: ['assignee', 'owner', 'assigned to'],
  estimate: [
    'custom field (story points)',
    'story points',
    'custom field (story point estimate)',
    'story point estimate',
    'estimate',
    'points',
    'effort',
  ],
  description: ['description', 'details', 'notes'],
}

/** One field per column: the field whose spelling comes first wins each header; each field once. */
export function suggestMapping(headers: readonly string[]): CsvField[] {
  const out: CsvField[] = headers.map(() => CSV_FIELD.ignore)
  const taken = new Set<CsvField>()
  const fields = Object.keys(HEADERS) as Array<keyof typeof HEADERS>
  // Best spelling first across all fields: `Issue key` is the key even where `id` exists.
  const depth = Math.max(...fields.map((f) => HEADERS[f].length))
  for (let rank = 0; rank < depth; rank++)
    for (const field of fields) {
      if (taken.has(field)) continue
      const spelling = HEADERS[field][rank]
      if (spelling === undefined) continue
      const column = headers.findIndex(
        (h, i) => out[i] === CSV_FIELD.ignore && h.trim().toLowerCase() === spelling,
      )
      if (column === -1) continue
      out[column] = field
      taken.add(field)
    }
  return out
}

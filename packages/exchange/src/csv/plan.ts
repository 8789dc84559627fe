// From a mapped CSV table to what an import creates: lanes, features (epics and parentless
// rows), their backlog items (stories, tasks; sub-tasks go to their story's feature) and a
// resource per assignee, with every bad row listed by line and reason. Pure: the preview
// and the import (client or API) are the same plan; `appendEntities` writes it.
import type {
  BulkFeature,
  BulkInput,
  BulkItem,
  BulkLane,
  BulkRef,
  BulkResource,
  FeatureStatus,
  IsoDate,
  RoadmapData,
} from '@meridian/model'
import { CSV_FIELD } from './fields.js'
import type { CsvField } from './fields.js'
import { parseCsvDate } from './dates.js'
import type { DateOrder } from './dates.js'
import { PROGRESS_EVERY } from './read.js'
import type { CsvTable } from './read.js'
import { FEATURE_STATUS_OF, ITEM_STATUS_OF, importStatusOf } from './status.js'
import type { ImportStatus } from './status.js'

export interface CsvMapping {
  /** One field per column of the table, in column order. */
  fields: readonly CsvField[]
  /** The user's meaning for status names not recognised by name. */
  statuses?: Readonly<Record<string, ImportStatus>>
  dateOrder?: DateOrder
  /** The lane for features whose row names none. */
  defaultLane?: string
}

export interface RowError {
  line: number
  reason: string
}

export interface CsvPlan {
  /** What to write; the caller adds who accepts the items that arrive done. */
  input: Omit<BulkInput, 'acceptance'>
  errors: RowError[]
  /** Rows left out on purpose (cancelled stories: backlog items have no cancelled state). */
  skipped: RowError[]
  rows: number
  /** Per lane (new or existing) how many features go in, for the preview. */
  lanes: Array<{ name: string; isNew: boolean; features: number }>
  /** Status names no rule knows (each an error until mapped), for the mapping step. */
  unknownStatuses: string[]
}

export const LANE_PALETTE = [
  '#6366f1',
  '#0ea5e9',
  '#14b8a6',
  '#22c55e',
  '#eab308',
  '#f97316',
  '#ef4444',
  '#ec4899',
  '#a855f7',
  '#64748b',
] as const

const TITLE_MAX = 500
const EPIC_TYPES = new Set(['epic', 'initiative', 'feature', 'project', 'theme', 'capability'])
const fold = (s: string) => s.trim().toLowerCase()

interface Row {
  line: number
  title: string
  key: string
  issueId: string
  isEpic: boolean | null
  status: ImportStatus
  start: IsoDate | null
  end: IsoDate | null
  parent: string
  parentId: string
  lane: string
  assignee: string
  estimate: number | null
  description: string
}

/** Each field's column (the first one mapped to it), found once for all rows. */
type Columns = Record<CsvField, number>

function columnsOf(fields: readonly CsvField[]): Columns {
  const at = {} as Columns
  for (const f of Object.values(CSV_FIELD)) at[f] = fields.indexOf(f)
  return at
}

function readRow(
  cells: readonly string[],
  line: number,
  m: CsvMapping,
  at: Columns,
  unknown: Set<string>,
): Row | RowError {
  const get = (field: CsvField) => {
    const i = at[field]
    return i === -1 ? '' : (cells[i] ?? '').trim()
  }
  const title = get(CSV_FIELD.title)
  if (!title) return { line, reason: 'no title' }
  if (title.length > TITLE_MAX) return { line, reason: `title longer than ${TITLE_MAX} characters` }
  const order = m.dateOrder ?? 'mdy'
  const startRaw = get(CSV_FIELD.start)
  const endRaw = get(CSV_FIELD.end)
  const start = parseCsvDate(startRaw, order)
  if (start === undefined) return { line, reason: `bad start date “${startRaw}”` }
  const end = parseCsvDate(endRaw, order)
  if (end === undefined) return { line, reason: `bad end date “${endRaw}”` }
  if (start && end && end < start)
    return { line, reason: `ends (${end}) before it starts (${start})` }
  const statusRaw = get(CSV_FIELD.status)
  const status = statusRaw ? importStatusOf(statusRaw, m.statuses) : 'todo'
  if (!status) {
    unknown.add(statusRaw)
    return { line, reason: `unknown status “${statusRaw}”` }
  }
  const estimateRaw = get(CSV_FIELD.estimate).replace(',', '.')
  const estimate = estimateRaw === '' ? null : Number(estimateRaw)
  if (estimate !== null && (!Number.isFinite(estimate) || estimate < 0))
    return { line, reason: `bad estimate “${estimateRaw}”` }
  const type = fold(get(CSV_FIELD.type))
  return {
    line,
    title,
    key: get(CSV_FIELD.key),
    issueId: get(CSV_FIELD.issueId),
    isEpic: at[CSV_FIELD.type] !== -1 && type ? EPIC_TYPES.has(type) : null,
    status,
    start,
    end,
    parent: get(CSV_FIELD.parent),
    parentId: get(CSV_FIELD.parentId),
    lane: get(CSV_FIELD.lane),
    assignee: get(CSV_FIELD.assignee),
    estimate,
    description: get(CSV_FIELD.description),
  }
}

/**
 * The import of `table` under `mapping` into `existing` (null: a new roadmap). Existing lanes,
 * resources and (as parents) features are matched by name, case-insensitively.
 */
export function planCsvImport(
  table: CsvTable,
  mapping: CsvMapping,
  existing: RoadmapData | null,
  onProgress?: (share: number) => void,
): CsvPlan {
  const errors: RowError[] = []
  const skipped: RowError[] = []
  const unknown = new Set<string>()
  const rows: Row[] = []
  const total = table.rows.length
  const at = columnsOf(mapping.fields)
  for (let i = 0; i < total; i++) {
    const r = table.rows[i]
    const row = readRow(r.cells, r.line, mapping, at, unknown)
    if ('reason' in row) errors.push(row)
    else rows.push(row)
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress((i + 1) / total)
  }

  // Features: epics by type; without a type, rows that name no parent. The rest are items
  // under the feature their parent leads to (through a story, for a sub-task).
  const byKey = new Map<string, Row>()
  const byId = new Map<string, Row>()
  const byTitle = new Map<string, Row>()
  for (const row of rows) {
    if (row.key) {
      if (byKey.has(fold(row.key)))
        errors.push({ line: row.line, reason: `duplicate key “${row.key}”` })
      else byKey.set(fold(row.key), row)
    }
    if (row.issueId) byId.set(row.issueId, row)
    if (!byTitle.has(fold(row.title))) byTitle.set(fold(row.title), row)
  }
  const dup = new Set(errors.filter((e) => e.reason.startsWith('duplicate')).map((e) => e.line))
  const existingFeatures = new Map((existing?.features ?? []).map((f) => [fold(f.title), f.id]))
  const parentOf = (row: Row): Row | string | null | undefined => {
    if (row.parentId) return byId.get(row.parentId)
    if (!row.parent) return null
    const p = byKey.get(fold(row.parent)) ?? byTitle.get(fold(row.parent))
    return p ?? existingFeatures.get(fold(row.parent))
  }
  const isFeature = (row: Row) =>
    row.isEpic === true ||
    (row.isEpic === null && !row.parent && !row.parentId) ||
    parentOf(row) === null
  /** The feature (a row of the file, or an existing feature's id) an item row belongs to. */
  const featureOf = (row: Row): Row | string | undefined => {
    let at: Row | string | null | undefined = parentOf(row)
    for (let depth = 0; depth < 8; depth++) {
      if (at === null || at === undefined || typeof at === 'string') return at ?? undefined
      if (isFeature(at)) return at
      at = parentOf(at)
    }
    return undefined
  }

  const lanes = new Map<string, { ref: BulkRef; name: string; isNew: boolean; features: number }>()
  for (const l of existing?.lanes ?? [])
    lanes.set(fold(l.name), { ref: { id: l.id }, name: l.name, isNew: false, features: 0 })
  const input = {
    lanes: [] as BulkLane[],
    resources: [] as BulkResource[],
    features: [] as BulkFeature[],
    items: [] as BulkItem[],
  }
  const laneRef = (name: string): BulkRef => {
    const k = fold(name)
    let lane = lanes.get(k)
    if (!lane) {
      const ref = `lane:${k}`
      lane = { ref: { ref }, name, isNew: true, features: 0 }
      const color =
        LANE_PALETTE[((existing?.lanes.length ?? 0) + input.lanes.length) % LANE_PALETTE.length]
      input.lanes.push({ ref, name, color })
      lanes.set(k, lane)
    }
    lane.features++
    return lane.ref
  }
  const people = new Map(
    (existing?.resources ?? []).map((r): [string, BulkRef] => [fold(r.name), { id: r.id }]),
  )
  const personRef = (name: string): BulkRef | null => {
    if (!name) return null
    const k = fold(name)
    let ref = people.get(k)
    if (!ref) {
      ref = { ref: `person:${k}` }
      input.resources.push({ ref: ref.ref, name, kind: 'person' })
      people.set(k, ref)
    }
    return ref
  }
  const defaultLane = mapping.defaultLane?.trim() || 'Imported'
  const featureRows = new Map<Row, string>()
  for (const row of rows) {
    if (dup.has(row.line)) continue
    if (isFeature(row)) {
      const ref = `feature:${row.line}`
      featureRows.set(row, ref)
      const owner = personRef(row.assignee)
      const status: FeatureStatus = FEATURE_STATUS_OF[row.status]
      input.features.push({
        ref,
        lane: laneRef(row.lane || defaultLane),
        title: row.title,
        start: row.start,
        end: row.end,
        status,
        estimate: row.estimate,
        resources: owner ? [owner] : [],
        description: row.description,
      })
    }
  }
  for (const row of rows) {
    if (dup.has(row.line) || featureRows.has(row)) continue
    const feature = featureOf(row)
    if (feature === undefined) {
      const named = row.parentId || row.parent
      errors.push({
        line: row.line,
        reason: `parent “${named}” is not in the file${existing ? ' or the roadmap' : ''}`,
      })
      continue
    }
    const status = ITEM_STATUS_OF[row.status]
    if (status === null) {
      skipped.push({ line: row.line, reason: 'cancelled (backlog items have no cancelled state)' })
      continue
    }
    input.items.push({
      feature: typeof feature === 'string' ? { id: feature } : { ref: featureRows.get(feature)! },
      title: row.title,
      status,
      assignee: personRef(row.assignee),
      estimate: row.estimate,
    })
  }
  errors.sort((a, b) => a.line - b.line)
  return {
    input,
    errors,
    skipped,
    rows: table.rows.length,
    lanes: [...lanes.values()]
      .filter((l) => l.features > 0)
      .map(({ name, isNew, features }) => ({ name, isNew, features })),
    unknownStatuses: [...unknown].sort(),
  }
}

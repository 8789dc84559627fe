// The backlog as CSV, one row per backlog item (GET …/backlog?format=csv&shape=items):
// the shape spreadsheet users filter and pivot, each row carrying its feature's columns.
// A feature without items still gets one row (item columns empty) so no feature is lost;
// items whose feature is gone come last, with only the feature's id. Same quoting and
// formula-injection rule as `backlogToCsv`.

import type { Backlog, BacklogEntry, BacklogItem } from './backlog.js'
import { csvField, csvText } from './backlogFormat.js'

export const BACKLOG_ITEM_CSV_COLUMNS = [
  'Position',
  'Feature ID',
  'Feature',
  'Lane',
  'Feature status',
  'Feature progress %',
  'Start',
  'End',
  'Goals',
  'Item ID',
  'Item',
  'Item status',
  'Estimate',
  'Assignee',
  'Accepted at',
  'Accepted by',
] as const

export function backlogItemsToCsv(backlog: Backlog): string {
  const rows: string[][] = [[...BACKLOG_ITEM_CSV_COLUMNS]]
  backlog.entries.forEach((entry, index) => {
    const feature = featureColumns(entry, index + 1)
    if (entry.items.length === 0) rows.push([...feature, '', '', '', '', '', '', ''])
    for (const item of entry.items) rows.push([...feature, ...itemColumns(item)])
  })
  for (const item of backlog.orphanItems) {
    rows.push(['', item.featureId, '', '', '', '', '', '', '', ...itemColumns(item)])
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function featureColumns(entry: BacklogEntry, position: number): string[] {
  return [
    String(position),
    entry.featureId,
    csvText(entry.title),
    csvText(entry.laneName ?? `(missing lane ${entry.laneId})`),
    entry.status,
    String(Math.round(entry.progress * 100)),
    entry.start ?? '',
    entry.end ?? '',
    csvText(entry.goals.map((g) => g.title ?? g.id).join('; ')),
  ]
}

function itemColumns(item: BacklogItem): string[] {
  return [
    item.id,
    csvText(item.title),
    item.status,
    item.estimate === null ? '' : String(item.estimate),
    csvText(item.assigneeName ?? item.assigneeId ?? ''),
    item.acceptedAt ?? '',
    csvText(item.acceptedBy ?? ''),
  ]
}

/**
 * The name a downloaded backlog file gets: the roadmap's title as a slug, then the date
 * (`atlas-team-analytics-backlog-2026-12-01.csv`); `roadmap` when the title has no
 * letters or digits. `items` marks the one-row-per-item CSV.
 */
export function backlogFileName(
  title: string,
  today: string,
  format: 'csv' | 'md',
  shape: 'features' | 'items' = 'features',
): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'roadmap'
  return `${slug}-backlog${shape === 'items' ? '-items' : ''}-${today}.${format}`
}

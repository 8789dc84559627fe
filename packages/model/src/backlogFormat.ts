// The backlog as CSV and Markdown (GET /api/roadmaps/:id/backlog?format=csv|md).
//
// CSV contract: RFC 4180 (CRLF line ends, every field quoted only when it must be), a
// header row, then exactly one row per backlog entry, in backlog order: the rows the
// backlog view shows, row for row. A feature's items are summarised in the last column,
// one item per line inside the cell. Items whose feature is gone are not rows (they are
// no backlog entry); the Markdown lists them in a section of their own.

import { formatDayLong, formatDayRange } from './dateDisplay.js'
import type { Backlog, BacklogEntry, BacklogItem } from './backlog.js'
import type { BacklogFlags } from './backlog.js'

export const BACKLOG_CSV_COLUMNS = [
  'Position',
  'Feature ID',
  'Feature',
  'Lane',
  'Start',
  'End',
  'Status',
  'Health',
  'Progress %',
  'Done estimate',
  'Total estimate',
  'Feature estimate',
  'Items done',
  'Items',
  'Assignees',
  'Goals',
  'Worst risk',
  'Risk score',
  'RICE score',
  'Flags',
  'Backlog items',
] as const

const FLAG_ORDER: readonly (keyof BacklogFlags)[] = [
  'late',
  'blocked',
  'overloaded',
  'risky',
  'dangling',
]

export function backlogToCsv(backlog: Backlog): string {
  const rows: string[][] = [[...BACKLOG_CSV_COLUMNS]]
  backlog.entries.forEach((entry, index) => {
    rows.push([
      String(index + 1),
      entry.featureId,
      csvText(entry.title),
      csvText(entry.laneName ?? `(missing lane ${entry.laneId})`),
      entry.start ?? '',
      entry.end ?? '',
      entry.status,
      entry.health,
      String(percent(entry.progress)),
      String(entry.doneEstimate),
      String(entry.totalEstimate),
      entry.estimate === null ? '' : String(entry.estimate),
      String(entry.items.filter((item) => item.status === 'done').length),
      String(entry.items.length),
      csvText(names(entry.assignees.map((a) => a.name ?? a.id))),
      csvText(names(entry.goals.map((g) => g.title ?? g.id))),
      csvText(entry.worstRisk?.title ?? ''),
      entry.worstRisk ? String(entry.worstRisk.score) : '',
      entry.rice.score === null ? '' : String(entry.rice.score),
      flagList(entry.flags).join('; '),
      csvText(entry.items.map(itemLine).join('\n')),
    ])
  })
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** One CSV field: quoted (quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * Free text typed by people. A cell starting with `=`, `+`, `-`, `@`, tab or CR is run
 * as a formula by spreadsheet programs (CSV injection); a leading apostrophe keeps it
 * text, as OWASP recommends.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function itemLine(item: BacklogItem): string {
  const details = [
    item.status === 'done' || item.status === 'todo' ? null : item.status,
    item.estimate === null ? null : `${item.estimate}`,
    item.assigneeName ?? item.assigneeId,
    item.acceptedBy ? `accepted by ${item.acceptedBy}` : null,
  ].filter((part): part is string => part !== null)
  const box = item.status === 'done' ? '[x]' : '[ ]'
  return `${box} ${item.title}${details.length > 0 ? ` (${details.join(', ')})` : ''}`
}

export function backlogToMarkdown(backlog: Backlog): string {
  const lines: string[] = []
  const total = backlog.entries.reduce((sum, entry) => sum + entry.totalEstimate, 0)
  const done = backlog.entries.reduce((sum, entry) => sum + entry.doneEstimate, 0)
  lines.push(`# Backlog${backlog.title ? `: ${md(backlog.title)}` : ''}`, '')
  lines.push(
    `As of ${formatDayLong(backlog.today)} · ${plural(backlog.entries.length, 'feature')} · ${round2(done)} of ${round2(total)} estimated done`,
    '',
  )
  if (backlog.entries.length === 0) {
    lines.push('_The backlog is empty._', '')
  } else {
    lines.push(
      '| # | Feature | Lane | Dates | Status | Health | Progress | Estimate | Assignees | Flags |',
    )
    lines.push('|--:|---|---|---|---|---|--:|--:|---|---|')
    backlog.entries.forEach((entry, index) => {
      lines.push(
        `| ${[
          String(index + 1),
          md(entry.title),
          md(laneLabel(entry)),
          dates(entry),
          words(entry.status),
          words(entry.health),
          `${percent(entry.progress)} %`,
          estimateLabel(entry),
          md(names(entry.assignees.map((a) => a.name ?? a.id))),
          flagList(entry.flags).join(', '),
        ].join(' | ')} |`,
      )
    })
    lines.push('')
    backlog.entries.forEach((entry, index) => {
      lines.push(`## ${index + 1}. ${md(entry.title)}`, '')
      const facts = [
        md(laneLabel(entry)),
        dates(entry),
        words(entry.status),
        words(entry.health),
        `${percent(entry.progress)} % done`,
      ]
      if (entry.worstRisk)
        facts.push(`worst risk: ${md(entry.worstRisk.title)} (${entry.worstRisk.score})`)
      if (entry.rice.score !== null) facts.push(`RICE ${entry.rice.score}`)
      const flags = flagList(entry.flags)
      if (flags.length > 0) facts.push(`**${flags.join(', ')}**`)
      lines.push(facts.join(' · '), '')
      if (entry.items.length === 0) lines.push('_No backlog items yet._')
      for (const item of entry.items)
        lines.push(`- ${md(itemLine(item)).replace(/^\\\[( |x)\\\]/, '[$1]')}`)
      lines.push('')
    })
  }
  if (backlog.orphanItems.length > 0) {
    lines.push('## Items without a feature', '')
    for (const item of backlog.orphanItems) {
      lines.push(
        `- ${md(itemLine(item)).replace(/^\\\[( |x)\\\]/, '[$1]')} (feature ${md(item.featureId)} is gone)`,
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

/** Markdown inline text: one line, with the characters that would format it escaped. */
function md(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
}

/** Done / total of the items; the feature's own estimate when its items carry none. */
function estimateLabel(entry: BacklogEntry): string {
  if (entry.totalEstimate > 0)
    return `${round2(entry.doneEstimate)} / ${round2(entry.totalEstimate)}`
  return entry.estimate === null ? '—' : `est. ${round2(entry.estimate)}`
}

function laneLabel(entry: BacklogEntry): string {
  return entry.laneName ?? `(missing lane ${entry.laneId})`
}

function dates(entry: BacklogEntry): string {
  if (entry.start && entry.end) return md(formatDayRange(entry.start, entry.end, { long: true }))
  if (entry.start) return `from ${md(formatDayLong(entry.start))}`
  if (entry.end) return `until ${md(formatDayLong(entry.end))}`
  return 'undated'
}

function flagList(flags: BacklogFlags): string[] {
  return FLAG_ORDER.filter((flag) => flags[flag])
}

function names(list: readonly string[]): string {
  return list.join(', ')
}

function percent(progress: number): number {
  return Math.round(progress * 100)
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function words(value: string): string {
  return value.replaceAll('-', ' ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

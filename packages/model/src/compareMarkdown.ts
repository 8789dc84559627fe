// A comparison as Markdown, ready to paste into a stakeholder email: a summary line, then
// one section per group of changes, one bullet per change.

import { CHANGE_GROUP, CHANGE_GROUPS, CHANGE_TYPE } from './compareTypes.js'
import type { Change, ChangeGroup, ChangeValue, RoadmapComparison } from './compareTypes.js'
import { formatDayLong } from './dateDisplay.js'
import type { EntityKind } from './schema.js'

const GROUP_HEADING: Record<ChangeGroup, string> = {
  [CHANGE_GROUP.schedule]: 'Schedule',
  [CHANGE_GROUP.scope]: 'Scope',
  [CHANGE_GROUP.status]: 'Status and health',
  [CHANGE_GROUP.goals]: 'Goals and key indicators',
  [CHANGE_GROUP.risks]: 'Risks',
}

const KIND_NOUN: Record<EntityKind, string> = {
  lanes: 'Lane',
  features: 'Feature',
  milestones: 'Milestone',
  goals: 'Goal',
  indicators: 'Indicator',
  risks: 'Risk',
  resources: 'Resource',
  items: 'Item',
}

export function comparisonToMarkdown(comparison: RoadmapComparison): string {
  const { summary: s } = comparison
  const lines = [
    `## What changed in ${md(comparison.title || 'the roadmap')}: ${formatDayLong(comparison.fromDate)} → ${formatDayLong(comparison.toDate)}`,
    '',
  ]
  if (comparison.changes.length === 0) {
    lines.push('No changes.', '')
    return lines.join('\n')
  }
  const headline = [
    `${plural(s.featuresSlipped, 'feature')} slipped (${plural(s.slipDays, 'day')} in total)`,
    `${s.featuresPulledIn} pulled in`,
    `${plural(s.milestonesMoved, 'milestone')} moved`,
    `${s.featuresAdded} added, ${s.featuresRemoved} removed`,
  ]
  if (s.estimateBefore !== s.estimateAfter)
    headline.push(`estimate ${s.estimateBefore} → ${s.estimateAfter}`)
  lines.push(`**Summary:** ${headline.join('; ')}.`, '')
  for (const group of CHANGE_GROUPS) {
    const changes = comparison.changes.filter((c) => c.group === group)
    if (changes.length === 0) continue
    lines.push(`### ${GROUP_HEADING[group]}`, '')
    for (const change of changes) lines.push(`- ${changeLine(change)}`)
    lines.push('')
  }
  return lines.join('\n')
}

/** One change as a sentence: the entity first, then what happened to it. */
export function changeLine(change: Change): string {
  const subject = `${KIND_NOUN[change.kind]} **${md(change.title || change.id)}**`
  const value = (v: ChangeValue) =>
    change.field === 'dates' ? dates(v) : change.field === 'date' ? day(v) : plain(v)
  const fromTo = `${value(change.from)} → ${value(change.to)}`
  switch (change.type) {
    case CHANGE_TYPE.slipped:
      return `${subject} slipped ${plural(change.days ?? 0, 'day')} (${fromTo})`
    case CHANGE_TYPE.pulledIn:
      return `${subject} pulled in ${plural(-(change.days ?? 0), 'day')} (${fromTo})`
    case CHANGE_TYPE.resized:
      return `${subject} resized (${fromTo})`
    case CHANGE_TYPE.scheduled:
      return `${subject} scheduled (${value(change.to)})`
    case CHANGE_TYPE.unscheduled:
      return `${subject} unscheduled (was ${value(change.from)})`
    case CHANGE_TYPE.laneChanged:
      return `${subject} moved to lane ${value(change.to)} (from ${value(change.from)})`
    case CHANGE_TYPE.milestoneMoved: {
      const days = change.days
      const by =
        days === null
          ? ''
          : days > 0
            ? ` ${plural(days, 'day')} later`
            : ` ${plural(-days, 'day')} earlier`
      return `${subject} moved${by} (${fromTo})`
    }
    case CHANGE_TYPE.added:
      return `${subject} added`
    case CHANGE_TYPE.removed:
      return `${subject} removed`
    case CHANGE_TYPE.estimateChanged:
      return `${subject} estimate ${fromTo}`
    case CHANGE_TYPE.statusChanged:
      return `${subject} status ${fromTo}`
    case CHANGE_TYPE.healthChanged:
      return `${subject} health ${fromTo}`
    case CHANGE_TYPE.accepted:
      return `${subject} accepted`
    case CHANGE_TYPE.valueChanged:
      return `${subject} value ${fromTo}`
    case CHANGE_TYPE.targetChanged:
      return `${subject} target ${fromTo}`
    case CHANGE_TYPE.onTrackChanged:
      return `${subject} ${change.to === true ? 'back on track' : change.to === false ? 'off track' : 'no longer measurable'}`
    case CHANGE_TYPE.closed:
      return `${subject} closed`
    case CHANGE_TYPE.reopened:
      return `${subject} reopened (${value(change.to)})`
    case CHANGE_TYPE.scoreChanged:
      return `${subject} score ${fromTo}`
    default: {
      const never: never = change.type
      return String(never)
    }
  }
}

function plain(v: ChangeValue): string {
  return v === null ? '—' : typeof v === 'string' ? md(v) : String(v)
}

/** A `start/end` interval (`..` for an open end) as `Nov 16, 2026 – Dec 4, 2026`. */
function dates(v: ChangeValue): string {
  if (typeof v !== 'string') return 'undated'
  const [start, end] = v.split('/')
  const side = (d: string | undefined) => (d === '..' ? '…' : md(formatDayLong(d)))
  return `${side(start)} – ${side(end)}`
}

/** A milestone's date, as every other place says it. */
function day(v: ChangeValue): string {
  return typeof v === 'string' ? md(formatDayLong(v)) : plain(v)
}

/** Markdown inline text: one line, with the characters that would format it escaped. */
function md(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

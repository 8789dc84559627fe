// A session's recap: what changed from its checkpoint to its end (the stored compare), the
// decisions and actions with the titles of their entities, each vote's ranking and who
// attended. Plain data for the report and the session view; Markdown for an email.

import { comparisonToMarkdown } from './compareMarkdown.js'
import { formatDayLong, formatTimestampDay } from './dateDisplay.js'
import type { RoadmapComparison } from './compareTypes.js'
import type { RoadmapData } from './schema.js'
import { attendeeNames } from './sessionAttendance.js'
import { TOPIC_KIND } from './sessionSchema.js'
import type { ActionItem, Decision, PlanningSession, TopicKind } from './sessionSchema.js'
import { rankVote } from './voteTally.js'
import type { TallyRow } from './voteTally.js'

export interface RecapNote extends Decision {
  /** The entity's title now (or when the recap was read), '' for free text or a gone entity. */
  subject: string
}

export interface RecapAction extends RecapNote {
  owner: string
  due: string | null
}

export interface RecapVote {
  title: string
  mode: PlanningSession['votes'][number]['mode']
  budget: number
  voters: number
  ranking: Array<TallyRow & { title: string }>
}

export interface SessionRecap {
  title: string
  facilitator: string
  startedAt: string
  endedAt: string | null
  attendees: string[]
  comparison: RoadmapComparison | null
  decisions: RecapNote[]
  actions: RecapAction[]
  votes: RecapVote[]
}

/** The title of what a topic, note or vote option refers to, in `data`. */
export function subjectTitle(data: RoadmapData, kind: TopicKind, ref: string | null): string {
  if (ref === null) return ''
  switch (kind) {
    case TOPIC_KIND.feature:
      return data.features.find((f) => f.id === ref)?.title ?? ''
    case TOPIC_KIND.goal:
      return data.goals.find((g) => g.id === ref)?.title ?? ''
    case TOPIC_KIND.risk:
      return data.risks.find((r) => r.id === ref)?.title ?? ''
    case TOPIC_KIND.lane:
      return data.lanes.find((l) => l.id === ref)?.name ?? ''
    case TOPIC_KIND.text:
      return ''
    default: {
      const never: never = kind
      return never
    }
  }
}

function optionTitle(data: RoadmapData, target: string, option: string): string {
  const list = target === 'items' ? data.items : data.features
  return list.find((e) => e.id === option)?.title ?? option
}

export function buildRecap(session: PlanningSession, data: RoadmapData): SessionRecap {
  const note = (n: Decision): RecapNote => ({ ...n, subject: subjectTitle(data, n.kind, n.ref) })
  return {
    title: session.title,
    facilitator: session.facilitator.name,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    attendees: attendeeNames(session.attendees),
    comparison: session.recap?.comparison ?? null,
    decisions: session.decisions.map(note),
    actions: session.actions.map((a: ActionItem) => ({ ...note(a), owner: a.owner, due: a.due })),
    // Only revealed votes: an unrevealed one stays hidden in the recap too.
    votes: session.votes
      .filter((v) => v.revealed)
      .map((v) => ({
        title: v.title,
        mode: v.mode,
        budget: v.budget,
        voters: v.ballots.length,
        ranking: rankVote(v).map((row) => ({
          ...row,
          title: optionTitle(data, v.target, row.option),
        })),
      })),
  }
}

const inline = (text: string) =>
  text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)

const about = (n: RecapNote) => (n.subject ? `**${inline(n.subject)}**: ` : '')

export function recapToMarkdown(recap: SessionRecap): string {
  const lines = [
    `# ${inline(recap.title)}`,
    '',
    `${formatTimestampDay(recap.startedAt)} · facilitated by ${inline(recap.facilitator)} · ` +
      `attended by ${recap.attendees.map(inline).join(', ') || 'nobody'}`,
    '',
  ]
  if (recap.decisions.length) {
    lines.push('## Decisions', '')
    for (const d of recap.decisions) lines.push(`- ${about(d)}${inline(d.text)}`)
    lines.push('')
  }
  if (recap.actions.length) {
    lines.push('## Actions', '')
    for (const a of recap.actions)
      lines.push(
        `- ${about(a)}${inline(a.text)} (${inline(a.owner) || 'unassigned'}${a.due ? `, due ${inline(formatDayLong(a.due))}` : ''})`,
      )
    lines.push('')
  }
  for (const vote of recap.votes) {
    lines.push(`## Vote: ${inline(vote.title)}`, '')
    for (const row of vote.ranking) {
      const value =
        vote.mode === 'dots'
          ? `${row.total} ${row.total === 1 ? 'dot' : 'dots'}`
          : `${row.value.toFixed(1)} mean score`
      lines.push(`${row.place}. ${inline(row.title)}: ${value}`)
    }
    lines.push('')
  }
  lines.push(
    recap.comparison ? comparisonToMarkdown(recap.comparison) : 'No checkpoint to compare with.',
  )
  return lines.join('\n')
}

// Reading the `sessions` root into plain, sorted shapes, tolerant of anything a peer wrote:
// malformed entries are skipped, missing fields get defaults, order is the same on every peer.

import * as Y from 'yjs'
import { compareStrings } from './order.js'
import { ballotProblem } from './sessionBallot.js'
import { ROOT } from './schema.js'
import { TOPIC_KIND, VOTE_MODE, VOTE_TARGET } from './sessionSchema.js'
import type {
  ActionItem,
  Ballot,
  Decision,
  Person,
  PlanningSession,
  SessionId,
  StoredRecap,
  Topic,
  TopicId,
  TopicKind,
  Vote,
  VoteId,
} from './sessionSchema.js'

type Raw = Record<string, unknown>

const str = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const isRaw = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function oneOf<T extends string>(values: Record<string, T>, value: unknown, fallback: T): T {
  return (Object.values(values) as unknown[]).includes(value) ? (value as T) : fallback
}

function person(value: unknown): Person {
  const raw = isRaw(value) ? value : {}
  return { key: str(raw.key), name: str(raw.name, 'Someone') }
}

function mapOf(parent: Y.Map<unknown>, key: string): Y.Map<unknown> | null {
  const value = parent.get(key)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null
}

export function readTopics(session: Y.Map<unknown>): Topic[] {
  const topics: Topic[] = []
  mapOf(session, 'agenda')?.forEach((value, id) => {
    if (!(value instanceof Y.Map)) return
    const topic = value as Y.Map<unknown>
    const timebox = topic.get('timebox')
    topics.push({
      id: id as TopicId,
      rank: str(topic.get('rank')),
      kind: oneOf<TopicKind>(TOPIC_KIND, topic.get('kind'), TOPIC_KIND.text),
      ref: strOrNull(topic.get('ref')),
      text: str(topic.get('text')),
      timebox: typeof timebox === 'number' && timebox > 0 ? timebox : null,
    })
  })
  // Ties left by concurrent inserts at the same spot break by id, as everywhere in the model.
  return topics.sort((a, b) => compareStrings(a.rank, b.rank) || compareStrings(a.id, b.id))
}

function readBallots(vote: Y.Map<unknown>, rule: Parameters<typeof ballotProblem>[0]): Ballot[] {
  const ballots: Ballot[] = []
  mapOf(vote, 'ballots')?.forEach((value, key) => {
    if (!isRaw(value) || ballotProblem(rule, value.marks) !== null) return
    ballots.push({
      voter: { key, name: str(value.name, 'Someone') },
      at: str(value.at),
      marks: { ...(value.marks as Record<string, number>) },
    })
  })
  return ballots.sort((a, b) => compareStrings(a.voter.key, b.voter.key))
}

function readVotes(session: Y.Map<unknown>): Vote[] {
  const votes: Vote[] = []
  mapOf(session, 'votes')?.forEach((value, id) => {
    if (!(value instanceof Y.Map)) return
    const vote = value as Y.Map<unknown>
    const mode = oneOf(VOTE_MODE, vote.get('mode'), VOTE_MODE.dots)
    const rawOptions = vote.get('options')
    const options = Array.isArray(rawOptions)
      ? [...new Set(rawOptions.filter((o): o is string => typeof o === 'string'))]
      : []
    const rawBudget = vote.get('budget')
    const budget = typeof rawBudget === 'number' && Number.isInteger(rawBudget) ? rawBudget : 0
    const rule = { mode, budget, options }
    votes.push({
      id: id as VoteId,
      title: str(vote.get('title')),
      mode,
      target: oneOf(VOTE_TARGET, vote.get('target'), VOTE_TARGET.features),
      budget,
      options,
      revealed: vote.get('revealed') === true,
      openedAt: str(vote.get('openedAt')),
      closedAt: strOrNull(vote.get('closedAt')),
      topicId: strOrNull(vote.get('topicId')) as TopicId | null,
      ballots: readBallots(vote, rule),
    })
  })
  return votes.sort((a, b) => compareStrings(a.openedAt, b.openedAt) || compareStrings(a.id, b.id))
}

function readNotes(session: Y.Map<unknown>, key: 'decisions'): Decision[]
function readNotes(session: Y.Map<unknown>, key: 'actions'): ActionItem[]
function readNotes(session: Y.Map<unknown>, key: 'decisions' | 'actions'): ActionItem[] {
  const notes: ActionItem[] = []
  mapOf(session, key)?.forEach((value, id) => {
    if (!isRaw(value) || typeof value.text !== 'string') return
    notes.push({
      id,
      topicId: strOrNull(value.topicId) as TopicId | null,
      kind: oneOf<TopicKind>(TOPIC_KIND, value.kind, TOPIC_KIND.text),
      ref: strOrNull(value.ref),
      text: value.text,
      by: str(value.by, 'Someone'),
      at: str(value.at),
      owner: str(value.owner),
      due: strOrNull(value.due),
    })
  })
  return notes.sort((a, b) => compareStrings(a.at, b.at) || compareStrings(a.id, b.id))
}

function readAttendees(session: Y.Map<unknown>): Person[] {
  const people: Person[] = []
  mapOf(session, 'attendees')?.forEach((value, key) => {
    if (isRaw(value)) people.push({ key, name: str(value.name, 'Someone') })
  })
  return people.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.key, b.key))
}

function readRecap(value: unknown): StoredRecap | null {
  if (!isRaw(value)) return null
  return {
    endedAt: str(value.endedAt),
    comparison: isRaw(value.comparison)
      ? (value.comparison as unknown as StoredRecap['comparison'])
      : null,
  }
}

export function readSession(id: string, session: Y.Map<unknown>): PlanningSession {
  return {
    id: id as SessionId,
    title: str(session.get('title'), 'Planning session'),
    facilitator: person(session.get('facilitator')),
    startedAt: str(session.get('startedAt')),
    endedAt: strOrNull(session.get('endedAt')),
    checkpointId: strOrNull(session.get('checkpointId')),
    agenda: readTopics(session),
    currentTopicId: strOrNull(session.get('current')) as TopicId | null,
    topicStartedAt: strOrNull(session.get('topicStartedAt')),
    commentersVote: session.get('commentersVote') === true,
    published: session.get('published') === true,
    votes: readVotes(session),
    decisions: readNotes(session, 'decisions'),
    actions: readNotes(session, 'actions'),
    attendees: readAttendees(session),
    recap: readRecap(session.get('recap')),
  }
}

/** Every session, newest first (by start, then id). */
export function readSessions(doc: Y.Doc): PlanningSession[] {
  const sessions: PlanningSession[] = []
  doc.getMap(ROOT.sessions).forEach((value, id) => {
    if (value instanceof Y.Map) sessions.push(readSession(id, value as Y.Map<unknown>))
  })
  return sessions.sort(
    (a, b) => compareStrings(b.startedAt, a.startedAt) || compareStrings(a.id, b.id),
  )
}

/** The session running now: the newest one not ended. */
export function activeSession(sessions: readonly PlanningSession[]): PlanningSession | null {
  return sessions.find((s) => s.endedAt === null) ?? null
}

/** The newest published session with a recap: what the report and stakeholder link show. */
export function latestPublished(sessions: readonly PlanningSession[]): PlanningSession | null {
  return sessions.find((s) => s.published && s.endedAt !== null) ?? null
}

// `Sessions`: the write API of planning sessions (root `sessions`, see `sessionSchema.ts`).
// Every method is one transaction with the given origin. Writes that a concurrent edit made
// moot (the session ended, the vote closed, the topic gone) return false, never throw.
//
// Why the layout converges: each topic, vote, ballot, decision and action is its own key, so
// concurrent additions never overwrite each other; a ballot lives under its voter's key, so
// two people voting at once touch different keys; the agenda is ordered by fractional ranks.

import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { createContext } from './context.js'
import type { Origin, WriteContext } from './context.js'
import { placeAt } from './ranks.js'
import { readTopics } from './readSessions.js'
import { ROOT } from './schema.js'
import { ballotProblem } from './sessionBallot.js'
import type { BallotProblem } from './sessionBallot.js'
import { SESSION_LIMITS, TOPIC_KIND, VOTE_MODE, VOTE_TARGET } from './sessionSchema.js'
import type {
  Person,
  SessionId,
  StoredRecap,
  TopicId,
  TopicKind,
  VoteId,
  VoteMode,
  VoteTarget,
} from './sessionSchema.js'

export interface TopicInput {
  kind: TopicKind
  ref?: string | null
  text?: string
  timebox?: number | null
}

export interface VoteInput {
  title: string
  mode: VoteMode
  target?: VoteTarget
  options: readonly string[]
  /** Dots per voter (dot vote; default 3). */
  budget?: number
}

export interface NoteInput {
  kind: TopicKind
  ref: string | null
  text: string
  by: string
  topicId?: TopicId | null
}

export type CastResult = { ok: true } | { ok: false; error: BallotProblem | 'closed' | 'gone' }

const clip = (text: string, max: number) => text.trim().slice(0, max)

export class Sessions {
  private readonly ctx: WriteContext

  constructor(
    readonly doc: Y.Doc,
    options: { origin: Origin; createId?: () => string; now?: () => string },
  ) {
    this.ctx = createContext(doc, options.origin, options.createId ?? nanoid, null, options.now)
  }

  private root(): Y.Map<unknown> {
    return this.doc.getMap(ROOT.sessions)
  }

  private session(id: SessionId): Y.Map<unknown> | null {
    const value = this.root().get(id)
    return value instanceof Y.Map ? (value as Y.Map<unknown>) : null
  }

  private running(id: SessionId): Y.Map<unknown> | null {
    const session = this.session(id)
    return session && session.get('endedAt') === null ? session : null
  }

  private child(session: Y.Map<unknown>, key: string): Y.Map<unknown> {
    const value = session.get(key)
    if (value instanceof Y.Map) return value as Y.Map<unknown>
    const map = new Y.Map<unknown>()
    session.set(key, map)
    return map
  }

  /** Starts a session with its agenda; the first topic is current. */
  start(input: {
    title: string
    facilitator: Person
    checkpointId: string | null
    topics: readonly TopicInput[]
  }): SessionId {
    return this.ctx.transact(() => {
      const id = this.ctx.createId() as SessionId
      const session = new Y.Map<unknown>()
      this.root().set(id, session)
      const at = this.ctx.now()
      session.set('title', clip(input.title, SESSION_LIMITS.title) || 'Planning session')
      session.set('facilitator', { key: input.facilitator.key, name: input.facilitator.name })
      session.set('startedAt', at)
      session.set('endedAt', null)
      session.set('checkpointId', input.checkpointId)
      session.set('published', false)
      session.set('commentersVote', false)
      for (const key of ['agenda', 'votes', 'decisions', 'actions', 'attendees'])
        session.set(key, new Y.Map())
      for (const topic of input.topics.slice(0, SESSION_LIMITS.topics)) this.addTopic(id, topic)
      const first = readTopics(session)[0]
      session.set('current', first?.id ?? null)
      session.set('topicStartedAt', first ? at : null)
      this.join(id, input.facilitator)
      return id
    })
  }

  /** Adds a topic at `index` (default: last). Null when the session ended or is full. */
  addTopic(id: SessionId, input: TopicInput, index?: number): TopicId | null {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session) return null
      const agenda = this.child(session, 'agenda')
      if (agenda.size >= SESSION_LIMITS.topics) return null
      const topicId = this.ctx.createId() as TopicId
      const topic = new Y.Map<unknown>()
      topic.set('kind', input.kind)
      topic.set('ref', input.kind === TOPIC_KIND.text ? null : (input.ref ?? null))
      topic.set('text', clip(input.text ?? '', SESSION_LIMITS.text))
      topic.set('timebox', input.timebox && input.timebox > 0 ? Math.min(input.timebox, 240) : null)
      topic.set('rank', '')
      agenda.set(topicId, topic)
      this.placeTopic(session, topicId, index)
      return topicId
    })
  }

  /** Moves a topic to `index` of the agenda (as it reads without the topic). */
  moveTopic(id: SessionId, topicId: TopicId, index: number): boolean {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session || !(this.child(session, 'agenda').get(topicId) instanceof Y.Map)) return false
      this.placeTopic(session, topicId, index)
      return true
    })
  }

  removeTopic(id: SessionId, topicId: TopicId): boolean {
    return this.ctx.transact(() => {
      const session = this.running(id)
      const agenda = session ? this.child(session, 'agenda') : null
      if (!session || !agenda?.has(topicId)) return false
      agenda.delete(topicId)
      if (session.get('current') === topicId) session.set('current', null)
      return true
    })
  }

  private placeTopic(session: Y.Map<unknown>, topicId: TopicId, index?: number): void {
    const agenda = this.child(session, 'agenda')
    const siblings = readTopics(session).filter((t) => t.id !== topicId)
    const writes = placeAt(siblings, index ?? siblings.length, topicId)
    for (const [key, rank] of writes) (agenda.get(key) as Y.Map<unknown>).set('rank', rank)
  }

  /** Makes a topic current (the facilitator's "next"), restarting its timebox. */
  focusTopic(id: SessionId, topicId: TopicId | null): boolean {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session) return false
      if (topicId !== null && !this.child(session, 'agenda').has(topicId)) return false
      session.set('current', topicId)
      session.set('topicStartedAt', topicId === null ? null : this.ctx.now())
      return true
    })
  }

  /** Records that someone took part (once per person key). */
  join(id: SessionId, who: Person): boolean {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session || !who.key) return false
      const attendees = this.child(session, 'attendees')
      if (attendees.has(who.key) || attendees.size >= SESSION_LIMITS.attendees) return false
      attendees.set(who.key, { name: clip(who.name, SESSION_LIMITS.title), at: this.ctx.now() })
      return true
    })
  }

  setCommentersVote(id: SessionId, allowed: boolean): boolean {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session) return false
      session.set('commentersVote', allowed)
      return true
    })
  }

  openVote(id: SessionId, input: VoteInput): VoteId | null {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session) return null
      const votes = this.child(session, 'votes')
      const options = [...new Set(input.options)].slice(0, SESSION_LIMITS.options)
      if (votes.size >= SESSION_LIMITS.votes || options.length === 0) return null
      const voteId = this.ctx.createId() as VoteId
      const vote = new Y.Map<unknown>()
      vote.set('title', clip(input.title, SESSION_LIMITS.title))
      vote.set('mode', input.mode)
      vote.set('target', input.target ?? VOTE_TARGET.features)
      vote.set(
        'budget',
        input.mode === VOTE_MODE.score
          ? SESSION_LIMITS.score
          : Math.max(1, Math.min(input.budget ?? 3, SESSION_LIMITS.dots)),
      )
      vote.set('options', options)
      vote.set('revealed', false)
      vote.set('openedAt', this.ctx.now())
      vote.set('closedAt', null)
      vote.set('topicId', session.get('current') ?? null)
      vote.set('ballots', new Y.Map())
      votes.set(voteId, vote)
      return voteId
    })
  }

  private vote(id: SessionId, voteId: VoteId): Y.Map<unknown> | null {
    const session = this.running(id)
    const vote = session ? this.child(session, 'votes').get(voteId) : null
    return vote instanceof Y.Map ? (vote as Y.Map<unknown>) : null
  }

  /**
   * Casts (or replaces) `voter`'s ballot: one budget per person, whatever they cast before.
   * An empty `marks` withdraws it. `join: false` writes the ballot alone: a commenter link may
   * write nothing else (`commenter-ballot.ts`), so its attendance comes from presence.
   */
  cast(
    id: SessionId,
    voteId: VoteId,
    voter: Person,
    marks: Readonly<Record<string, number>>,
    options: { join?: boolean } = {},
  ): CastResult {
    return this.ctx.transact((): CastResult => {
      const vote = this.vote(id, voteId)
      if (!vote) return { ok: false, error: 'gone' }
      if (vote.get('closedAt') !== null || vote.get('revealed') === true)
        return { ok: false, error: 'closed' }
      const kept = Object.fromEntries(Object.entries(marks).filter(([, n]) => n !== 0))
      const problem = ballotProblem(
        {
          mode: vote.get('mode') as VoteMode,
          budget: vote.get('budget') as number,
          options: vote.get('options') as string[],
        },
        kept,
      )
      if (problem) return { ok: false, error: problem }
      const ballots = this.child(vote, 'ballots')
      if (options.join !== false) this.join(id, voter)
      if (Object.keys(kept).length === 0) ballots.delete(voter.key)
      else ballots.set(voter.key, { name: voter.name, at: this.ctx.now(), marks: kept })
      return { ok: true }
    })
  }

  /** Reveals the votes to everyone; ballots are frozen from then on. */
  reveal(id: SessionId, voteId: VoteId): boolean {
    return this.ctx.transact(() => {
      const vote = this.vote(id, voteId)
      if (!vote) return false
      vote.set('revealed', true)
      vote.set('closedAt', this.ctx.now())
      return true
    })
  }

  recordDecision(id: SessionId, input: NoteInput): string | null {
    return this.note(id, 'decisions', input, {})
  }

  recordAction(
    id: SessionId,
    input: NoteInput & { owner: string; due: string | null },
  ): string | null {
    return this.note(id, 'actions', input, {
      owner: clip(input.owner, SESSION_LIMITS.title),
      due: input.due,
    })
  }

  private note(
    id: SessionId,
    key: 'decisions' | 'actions',
    input: NoteInput,
    extra: Record<string, unknown>,
  ): string | null {
    return this.ctx.transact(() => {
      const session = this.running(id)
      const text = clip(input.text, SESSION_LIMITS.text)
      if (!session || !text) return null
      const notes = this.child(session, key)
      if (notes.size >= SESSION_LIMITS[key]) return null
      const noteId = this.ctx.createId()
      notes.set(noteId, {
        topicId: input.topicId ?? session.get('current') ?? null,
        kind: input.kind,
        ref: input.ref,
        text,
        by: clip(input.by, SESSION_LIMITS.title),
        at: this.ctx.now(),
        ...extra,
      })
      return noteId
    })
  }

  /** Ends the session with its recap (the compare from the checkpoint, bounded). */
  end(id: SessionId, comparison: StoredRecap['comparison']): boolean {
    return this.ctx.transact(() => {
      const session = this.running(id)
      if (!session) return false
      const at = this.ctx.now()
      session.set('endedAt', at)
      session.set('current', null)
      const bounded = comparison
        ? { ...comparison, changes: comparison.changes.slice(0, SESSION_LIMITS.recapChanges) }
        : null
      // Plain JSON: the recap is read, never edited, so it need not be a shared type.
      session.set('recap', JSON.parse(JSON.stringify({ endedAt: at, comparison: bounded })))
      return true
    })
  }

  /** Publishes (or withdraws) an ended session's recap to the report and stakeholder link. */
  publish(id: SessionId, published: boolean): boolean {
    return this.ctx.transact(() => {
      const session = this.session(id)
      if (!session || session.get('endedAt') === null) return false
      session.set('published', published)
      return true
    })
  }
}

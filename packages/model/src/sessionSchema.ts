// Planning sessions (schema addition, root `sessions`): the meeting a roadmap's owner runs in
// Meridian, from agenda to recap, kept in the document so it converges, survives a network
// drop and is in the history like every other edit. Plain read shapes and vocabularies here;
// writing in `sessions.ts`, reading in `readSessions.ts`, tallies in `voteTally.ts`.

import type { RoadmapComparison } from './compareTypes.js'

export type SessionId = string & { readonly __brand: 'SessionId' }
export type TopicId = string & { readonly __brand: 'TopicId' }
export type VoteId = string & { readonly __brand: 'VoteId' }

/** What an agenda topic is about: an entity of the roadmap, or free text. */
export const TOPIC_KIND = {
  feature: 'feature',
  goal: 'goal',
  risk: 'risk',
  lane: 'lane',
  text: 'text',
} as const
export type TopicKind = (typeof TOPIC_KIND)[keyof typeof TOPIC_KIND]

export const VOTE_MODE = {
  /** Each voter spreads `budget` dots over the options (several on one allowed). */
  dots: 'dots',
  /** Each voter scores every option they want from 1 to 5. */
  score: 'score',
} as const
export type VoteMode = (typeof VOTE_MODE)[keyof typeof VOTE_MODE]

/** What a vote's options are: features or backlog items (ids). */
export const VOTE_TARGET = {
  features: 'features',
  items: 'items',
} as const
export type VoteTarget = (typeof VOTE_TARGET)[keyof typeof VOTE_TARGET]

/** Bounds on what one session holds, so no peer can grow a session without limit. */
export const SESSION_LIMITS = {
  title: 200,
  text: 2_000,
  topics: 50,
  options: 30,
  dots: 20,
  score: 5,
  votes: 30,
  decisions: 200,
  actions: 200,
  attendees: 200,
  recapChanges: 200,
} as const

export interface Person {
  /** A stable key per person (browser), under which their ballot is stored. */
  key: string
  name: string
}

export interface Topic {
  id: TopicId
  rank: string
  kind: TopicKind
  /** The entity's id; null for a free-text topic. */
  ref: string | null
  /** Free text, or a note on the entity topic. */
  text: string
  /** Minutes, null when not timeboxed. */
  timebox: number | null
}

export interface Ballot {
  voter: Person
  at: string
  /** Option id → dots (dot vote) or score 1–5. */
  marks: Readonly<Record<string, number>>
}

export interface Vote {
  id: VoteId
  title: string
  mode: VoteMode
  target: VoteTarget
  /** Dots per voter (dot vote); 5 for a score vote. */
  budget: number
  options: readonly string[]
  revealed: boolean
  openedAt: string
  closedAt: string | null
  topicId: TopicId | null
  /** Every valid ballot, by voter key. Hidden in the UI until revealed: not secret. */
  ballots: readonly Ballot[]
}

export interface Decision {
  id: string
  topicId: TopicId | null
  kind: TopicKind
  ref: string | null
  text: string
  by: string
  at: string
}

export interface ActionItem extends Decision {
  owner: string
  due: string | null
}

/** What the session's end wrote: the compare from its checkpoint to the end. */
export interface StoredRecap {
  endedAt: string
  comparison: RoadmapComparison | null
}

export interface PlanningSession {
  id: SessionId
  title: string
  facilitator: Person
  startedAt: string
  endedAt: string | null
  /** The snapshot taken when it started (the compare's "from"). */
  checkpointId: string | null
  agenda: readonly Topic[]
  currentTopicId: TopicId | null
  topicStartedAt: string | null
  /** Whether people on commenter links may vote (the server must allow their writes). */
  commentersVote: boolean
  published: boolean
  votes: readonly Vote[]
  decisions: readonly Decision[]
  actions: readonly ActionItem[]
  attendees: readonly Person[]
  recap: StoredRecap | null
}

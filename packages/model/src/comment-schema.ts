// The comments part of a roadmap Y.Doc: its shape, limits and read shapes. Every item in
// it names its writer (a thread its creator, a comment its author, a resolution event the
// person who resolved or reopened), so a server can tell from the document alone whose a
// change is (`commenter-check.ts`).
//
//   comments: Y.Map<ThreadId, Y.Map {
//     entityKind, entityId, authorLinkId, authorName, createdAt,   // fixed at creation
//     comments: Y.Map<CommentId, Y.Map {
//       authorLinkId, authorName, createdAt,                       // fixed at creation
//       text, mentions, editedAt, deleted                          // the author's to change
//     }>,
//     resolutions: Y.Array<{ resolved, byLinkId, byName, at }>     // append-only; last wins
//   }>

import type { EntityKind } from './schema.js'

/** The entities a thread can be about. */
export const COMMENTABLE_KINDS = ['features', 'milestones', 'goals', 'risks', 'items'] as const
export type CommentableKind = (typeof COMMENTABLE_KINDS)[number] & EntityKind

export const THREAD_FIELD = {
  entityKind: 'entityKind',
  entityId: 'entityId',
  authorLinkId: 'authorLinkId',
  authorName: 'authorName',
  createdAt: 'createdAt',
  comments: 'comments',
  resolutions: 'resolutions',
} as const

export const COMMENT_FIELD = {
  authorLinkId: 'authorLinkId',
  authorName: 'authorName',
  createdAt: 'createdAt',
  text: 'text',
  mentions: 'mentions',
  editedAt: 'editedAt',
  deleted: 'deleted',
} as const
export type CommentField = (typeof COMMENT_FIELD)[keyof typeof COMMENT_FIELD]

/** The fields of a comment its author may change after creating it. */
export const EDITABLE_COMMENT_FIELDS: ReadonlySet<string> = new Set([
  COMMENT_FIELD.text,
  COMMENT_FIELD.mentions,
  COMMENT_FIELD.editedAt,
  COMMENT_FIELD.deleted,
])

/** Bounds on every value a writer may store (the commenter check refuses larger ones). */
export const COMMENT_LIMITS = {
  text: 10_000,
  mentions: 50,
  name: 200,
  id: 100,
  timestamp: 40,
} as const

type Brand<T, B extends string> = T & { readonly __brand: B }
export type ThreadId = Brand<string, 'ThreadId'>
export type CommentId = Brand<string, 'CommentId'>

/** Who writes: the link the person joined with and the name they gave. */
export interface CommentAuthor {
  linkId: string
  name: string
}

/** A person named in a comment; `resourceId` when they are a resource of the roadmap. */
export interface Mention {
  name: string
  resourceId?: string
}

/** One resolve or reopen, as stored in a thread's `resolutions`. */
export interface Resolution {
  resolved: boolean
  byLinkId: string
  byName: string
  at: string
}

export interface Comment {
  id: CommentId
  threadId: ThreadId
  authorLinkId: string
  authorName: string
  createdAt: string
  /** '' once deleted. */
  text: string
  mentions: Mention[]
  editedAt: string | null
  deleted: boolean
}

export interface Thread {
  id: ThreadId
  entityKind: CommentableKind
  entityId: string
  authorLinkId: string
  authorName: string
  createdAt: string
  resolved: boolean
  /** Name of who resolved it (null when open or never resolved). */
  resolvedBy: string | null
  resolvedByLinkId: string | null
  resolvedAt: string | null
  /** Oldest first (createdAt, then id); deleted comments stay, as placeholders. */
  comments: Comment[]
}

/** `readComments(doc)`: every thread with at least one comment, oldest first. */
export interface CommentsData {
  threads: Thread[]
}

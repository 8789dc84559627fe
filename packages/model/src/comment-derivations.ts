// Derivations over `readComments(doc)`: the one rule for every comment figure the product
// shows (the count on a bar, card, row and risk; the activity feed; a person's mentions).

import type {
  Comment,
  CommentableKind,
  CommentAuthor,
  CommentsData,
  Mention,
  Thread,
} from './comment-schema.js'
import { mentions } from './mentions.js'

/** The key of an entity in `openCommentCounts`. */
export function entityKey(kind: CommentableKind, id: string): string {
  return `${kind}:${id}`
}

const counts = new WeakMap<CommentsData, ReadonlyMap<string, number>>()

/**
 * Open comments per entity (`entityKey`): comments not deleted, in threads not resolved.
 * Entities without any are absent. Cached per `CommentsData`.
 */
export function openCommentCounts(data: CommentsData): ReadonlyMap<string, number> {
  const cached = counts.get(data)
  if (cached) return cached
  const result = new Map<string, number>()
  for (const thread of data.threads) {
    if (thread.resolved) continue
    const open = thread.comments.filter((comment) => !comment.deleted).length
    if (open === 0) continue
    const key = entityKey(thread.entityKind, thread.entityId)
    result.set(key, (result.get(key) ?? 0) + open)
  }
  counts.set(data, result)
  return result
}

/** The open comment count of one entity (0 when none). */
export function openCommentCount(data: CommentsData, kind: CommentableKind, id: string): number {
  return openCommentCounts(data).get(entityKey(kind, id)) ?? 0
}

/** The threads on one entity, open ones first, each group oldest first. */
export function threadsOf(data: CommentsData, kind: CommentableKind, id: string): Thread[] {
  const threads = data.threads.filter((t) => t.entityKind === kind && t.entityId === id)
  return [...threads.filter((t) => !t.resolved), ...threads.filter((t) => t.resolved)]
}

export interface ActivityEntry {
  thread: Thread
  comment: Comment
}

function newestFirst(a: ActivityEntry, b: ActivityEntry): number {
  const x = a.comment
  const y = b.comment
  if (x.createdAt !== y.createdAt) return x.createdAt < y.createdAt ? 1 : -1
  return x.id < y.id ? 1 : x.id > y.id ? -1 : 0
}

function entries(data: CommentsData, keep: (comment: Comment) => boolean): ActivityEntry[] {
  const list: ActivityEntry[] = []
  for (const thread of data.threads) {
    for (const comment of thread.comments) {
      if (!comment.deleted && keep(comment)) list.push({ thread, comment })
    }
  }
  return list.sort(newestFirst)
}

/** The latest comments across the roadmap (not deleted), newest first; each names its entity. */
export function activityFeed(data: CommentsData, limit = 50): ActivityEntry[] {
  return entries(data, () => true).slice(0, limit)
}

/** The comments that mention `person` (see `mentions`), newest first. */
export function mentionsOf(data: CommentsData, person: Mention): ActivityEntry[] {
  return entries(data, (comment) => comment.mentions.some((m) => mentions(m, person)))
}

/**
 * Whether `author` may resolve or reopen `thread`: anyone who may edit the roadmap
 * (`moderator`), and the person who started it. The server holds commenters to this.
 */
export function mayResolve(
  thread: Thread,
  author: CommentAuthor,
  options: { moderator: boolean },
): boolean {
  return (
    options.moderator ||
    (thread.authorLinkId === author.linkId && thread.authorName === author.name)
  )
}

/** Whether `author` may edit or delete `comment`: only its author, and not once deleted. */
export function mayEdit(comment: Comment, author: CommentAuthor): boolean {
  return (
    !comment.deleted && comment.authorLinkId === author.linkId && comment.authorName === author.name
  )
}

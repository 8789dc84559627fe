// `Comments`: the write API for comment threads, as one person (`author`). Every method is
// one transaction with the given origin. It writes only what `checkCommenterUpdate` lets
// that person write, so a commenter's edits made through it are accepted by the server.

import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { entityMap } from './collections.js'
import type { Origin } from './context.js'
import { COMMENT_FIELD, THREAD_FIELD } from './comment-schema.js'
import type {
  CommentableKind,
  CommentAuthor,
  CommentId,
  Mention,
  Resolution,
  ThreadId,
} from './comment-schema.js'
import { isCommentableKind, isMentionList, isText, sameAuthor } from './comment-values.js'
import { ROOT } from './schema.js'

export interface CommentsOptions {
  origin: Origin
  author: CommentAuthor
  /** Thread and comment ids (default: nanoid). */
  createId?: () => string
  /** The time stamped on what is written (default: now, ISO 8601). */
  now?: () => string
}

export interface CommentInput {
  text: string
  mentions?: Mention[]
}

export class Comments {
  readonly doc: Y.Doc
  readonly author: CommentAuthor
  private readonly origin: Origin
  private readonly createId: () => string
  private readonly now: () => string

  constructor(doc: Y.Doc, options: CommentsOptions) {
    this.doc = doc
    this.author = { linkId: options.author.linkId, name: options.author.name }
    this.origin = options.origin
    this.createId = options.createId ?? nanoid
    this.now = options.now ?? (() => new Date().toISOString())
  }

  /**
   * A new thread on an entity, with its first comment. Null (nothing written) when the
   * entity is gone or the input is not a valid comment.
   */
  startThread(
    entity: { kind: CommentableKind; id: string },
    input: CommentInput,
  ): { threadId: ThreadId; commentId: CommentId } | null {
    if (!isCommentableKind(entity.kind) || !validInput(input)) return null
    if (!entityMap(this.doc, entity.kind, entity.id)) return null
    const threadId = this.createId() as ThreadId
    let commentId = '' as CommentId
    this.transact(() => {
      const at = this.now()
      const thread = new Y.Map<unknown>()
      this.root().set(threadId, thread)
      thread.set(THREAD_FIELD.entityKind, entity.kind)
      thread.set(THREAD_FIELD.entityId, entity.id)
      thread.set(THREAD_FIELD.authorLinkId, this.author.linkId)
      thread.set(THREAD_FIELD.authorName, this.author.name)
      thread.set(THREAD_FIELD.createdAt, at)
      thread.set(THREAD_FIELD.resolutions, new Y.Array<Resolution>())
      const comments = new Y.Map<unknown>()
      thread.set(THREAD_FIELD.comments, comments)
      commentId = this.writeComment(comments, input, at)
    })
    return { threadId, commentId }
  }

  /** A comment at the end of a thread; null when the thread is gone or the input invalid. */
  reply(threadId: ThreadId, input: CommentInput): CommentId | null {
    if (!validInput(input)) return null
    const comments = this.commentsOf(threadId)
    if (!comments) return null
    return this.transact(() => this.writeComment(comments, input, this.now()))
  }

  /** Replaces the text (and mentions) of one's own comment; false when not possible. */
  edit(threadId: ThreadId, commentId: CommentId, input: CommentInput): boolean {
    if (!validInput(input)) return false
    const comment = this.ownComment(threadId, commentId)
    if (!comment) return false
    this.transact(() => {
      comment.set(COMMENT_FIELD.text, input.text)
      comment.set(COMMENT_FIELD.mentions, [...(input.mentions ?? [])])
      comment.set(COMMENT_FIELD.editedAt, this.now())
    })
    return true
  }

  /** Soft delete of one's own comment: the text goes, the placeholder stays in the thread. */
  delete(threadId: ThreadId, commentId: CommentId): boolean {
    const comment = this.ownComment(threadId, commentId)
    if (!comment) return false
    this.transact(() => {
      comment.set(COMMENT_FIELD.deleted, true)
      comment.set(COMMENT_FIELD.text, '')
      comment.set(COMMENT_FIELD.mentions, [])
    })
    return true
  }

  /**
   * Marks the thread resolved; false when it is gone or already resolved. Who may is the
   * caller's to decide (`mayResolve`); the server holds commenters to it.
   */
  resolve(threadId: ThreadId): boolean {
    return this.setResolved(threadId, true)
  }

  /** Opens a resolved thread again; false when it is gone or already open. */
  reopen(threadId: ThreadId): boolean {
    return this.setResolved(threadId, false)
  }

  private setResolved(threadId: ThreadId, resolved: boolean): boolean {
    const thread = this.thread(threadId)
    const resolutions = thread?.get(THREAD_FIELD.resolutions)
    if (!(resolutions instanceof Y.Array)) return false
    const last: unknown = resolutions.length > 0 ? resolutions.get(resolutions.length - 1) : null
    const current = typeof last === 'object' && last !== null && 'resolved' in last && last.resolved
    if (current === resolved) return false
    const event: Resolution = {
      resolved,
      byLinkId: this.author.linkId,
      byName: this.author.name,
      at: this.now(),
    }
    this.transact(() => resolutions.push([event]))
    return true
  }

  private writeComment(comments: Y.Map<unknown>, input: CommentInput, at: string): CommentId {
    const id = this.createId() as CommentId
    const comment = new Y.Map<unknown>()
    comments.set(id, comment)
    comment.set(COMMENT_FIELD.authorLinkId, this.author.linkId)
    comment.set(COMMENT_FIELD.authorName, this.author.name)
    comment.set(COMMENT_FIELD.createdAt, at)
    comment.set(COMMENT_FIELD.text, input.text)
    comment.set(COMMENT_FIELD.mentions, [...(input.mentions ?? [])])
    comment.set(COMMENT_FIELD.editedAt, null)
    comment.set(COMMENT_FIELD.deleted, false)
    return id
  }

  private root(): Y.Map<unknown> {
    return this.doc.getMap<unknown>(ROOT.comments)
  }

  private thread(threadId: ThreadId): Y.Map<unknown> | undefined {
    const thread = this.root().get(threadId)
    return thread instanceof Y.Map ? (thread as Y.Map<unknown>) : undefined
  }

  private commentsOf(threadId: ThreadId): Y.Map<unknown> | undefined {
    const comments = this.thread(threadId)?.get(THREAD_FIELD.comments)
    return comments instanceof Y.Map ? (comments as Y.Map<unknown>) : undefined
  }

  /** The author's own comment, not deleted. */
  private ownComment(threadId: ThreadId, commentId: CommentId): Y.Map<unknown> | undefined {
    const comment = this.commentsOf(threadId)?.get(commentId)
    if (!(comment instanceof Y.Map)) return undefined
    const map = comment as Y.Map<unknown>
    if (map.get(COMMENT_FIELD.deleted) === true) return undefined
    const mine = sameAuthor(
      this.author,
      map.get(COMMENT_FIELD.authorLinkId),
      map.get(COMMENT_FIELD.authorName),
    )
    return mine ? map : undefined
  }

  private transact<T>(fn: () => T): T {
    let result: T | undefined
    this.doc.transact(() => {
      result = fn()
    }, this.origin)
    return result as T
  }
}

function validInput(input: CommentInput): boolean {
  return isText(input.text) && input.text.trim() !== '' && isMentionList(input.mentions ?? [])
}

// The threads and comments an update creates, and the fields it writes in them, gathered
// while checking each item (a field may be checked before the map it belongs to) and then
// checked as wholes: complete, by the author, about an entity that exists.

import * as Y from 'yjs'
import { COMMENT_FIELD, EDITABLE_COMMENT_FIELDS, THREAD_FIELD } from './comment-schema.js'
import type { CommentAuthor } from './comment-schema.js'
import { docAuthoredBy } from './comment-roles.js'
import type { Ref } from './comment-roles.js'
import { COMMENT_VALUE, isCommentableKind, isId, isTimestamp } from './comment-values.js'
import { REFUSAL } from './commenter-refusal.js'
import type { Refusal } from './commenter-refusal.js'
import type { Node } from './update-locations.js'
import { ROOT } from './schema.js'

type Content = Y.Item['content']

type Fields = Map<string, Content>

const THREAD_KEYS: ReadonlySet<string> = new Set(Object.values(THREAD_FIELD))
const COMMENT_KEYS: ReadonlySet<string> = new Set(Object.values(COMMENT_FIELD))

export class NewEntries {
  readonly threads = new Map<Y.Item, Fields>()
  readonly comments = new Map<Y.Item, Fields>()
  readonly resolved: Ref[] = []
  /** Keys taken by new entries, per container (the root, or a thread's comments map). */
  private readonly taken = new Map<unknown, Set<string>>()

  constructor(
    readonly doc: Y.Doc,
    readonly author: CommentAuthor,
  ) {}

  newThread(item: Y.Item, key: string): Refusal | null {
    const root = this.doc.share.get(ROOT.comments)
    if (root?._map.has(key)) return REFUSAL.threadExists
    if (!this.take(ROOT.comments, key)) return REFUSAL.twice
    fieldsOf(this.threads, item)
    return null
  }

  threadField(thread: Y.Item, key: string, content: Content): Refusal | null {
    if (!THREAD_KEYS.has(key)) return REFUSAL.threadField
    const fields = fieldsOf(this.threads, thread)
    if (fields.has(key)) return REFUSAL.twice
    fields.set(key, content)
    if (key === THREAD_FIELD.comments) return typeIs(content, Y.Map) ? null : REFUSAL.threadField
    if (key === THREAD_FIELD.resolutions) {
      return typeIs(content, Y.Array) ? null : REFUSAL.threadField
    }
    const value = single(content)
    if (value === NONE) return REFUSAL.threadField
    switch (key) {
      case THREAD_FIELD.authorLinkId:
        return value === this.author.linkId ? null : REFUSAL.notAuthor
      case THREAD_FIELD.authorName:
        return value === this.author.name ? null : REFUSAL.notAuthor
      case THREAD_FIELD.entityKind:
        return isCommentableKind(value) ? null : REFUSAL.threadField
      case THREAD_FIELD.entityId:
        return isId(value) ? null : REFUSAL.threadField
      default:
        return isTimestamp(value) ? null : REFUSAL.threadField
    }
  }

  newComment(container: Node, thread: Ref, item: Y.Item, key: string): Refusal | null {
    if (container.kind === 'doc' && container.type._map.has(key)) return REFUSAL.commentExists
    const owner = container.kind === 'doc' ? container.type : thread
    if (!this.take(container.kind === 'new' ? container.item : owner, key)) return REFUSAL.twice
    fieldsOf(this.comments, item)
    return null
  }

  commentField(comment: Y.Item, key: string, content: Content): Refusal | null {
    if (!COMMENT_KEYS.has(key)) return REFUSAL.commentField
    // An offline client that edited its new comment twice sends the first value deleted.
    if (content instanceof Y.ContentDeleted) {
      return EDITABLE_COMMENT_FIELDS.has(key) ? null : REFUSAL.commentField
    }
    const fields = fieldsOf(this.comments, comment)
    if (fields.has(key)) return REFUSAL.twice
    fields.set(key, content)
    return this.commentValue(key, content)
  }

  commentEdit(comment: Y.AbstractType<unknown>, key: string, content: Content) {
    if (!docAuthoredBy(comment, this.author)) return REFUSAL.notOwnComment
    if (!EDITABLE_COMMENT_FIELDS.has(key)) return REFUSAL.commentField
    if (content instanceof Y.ContentDeleted) return null
    return this.commentValue(key, content)
  }

  resolution(thread: Ref): null {
    this.resolved.push(thread)
    return null
  }

  private commentValue(key: string, content: Content): Refusal | null {
    const value = single(content)
    if (value === NONE) return REFUSAL.commentField
    if (key === COMMENT_FIELD.authorLinkId && value !== this.author.linkId) return REFUSAL.notAuthor
    if (key === COMMENT_FIELD.authorName && value !== this.author.name) return REFUSAL.notAuthor
    const valid = COMMENT_VALUE[key as keyof typeof COMMENT_VALUE]
    return valid(value) ? null : REFUSAL.commentField
  }

  private take(container: unknown, key: string): boolean {
    const keys = this.taken.get(container) ?? new Set<string>()
    this.taken.set(container, keys)
    if (keys.has(key)) return false
    keys.add(key)
    return true
  }
}

/** The checks of new threads and comments as wholes, once every item was seen. */
export function newEntryRules(entries: NewEntries): Refusal | null {
  for (const fields of entries.threads.values()) {
    for (const key of THREAD_KEYS) if (!fields.has(key)) return REFUSAL.threadIncomplete
    const kind = single(fields.get(THREAD_FIELD.entityKind)!)
    const id = single(fields.get(THREAD_FIELD.entityId)!)
    if (!entityExists(entries.doc, kind, id)) return REFUSAL.entityMissing
  }
  for (const fields of entries.comments.values()) {
    for (const key of [
      COMMENT_FIELD.authorLinkId,
      COMMENT_FIELD.authorName,
      COMMENT_FIELD.createdAt,
    ]) {
      if (!fields.has(key)) return REFUSAL.commentIncomplete
    }
  }
  for (const thread of entries.resolved) {
    // A new thread's author fields were checked to be the author's.
    if (thread.kind === 'doc' && !docAuthoredBy(thread.type, entries.author)) {
      return REFUSAL.notOwnThread
    }
  }
  return null
}

function entityExists(doc: Y.Doc, kind: unknown, id: unknown): boolean {
  if (!isCommentableKind(kind) || typeof id !== 'string') return false
  const entry = doc.share.get(ROOT[kind])?._map.get(id)
  return entry !== undefined && !entry.deleted && entry.content instanceof Y.ContentType
}

const NONE = Symbol('none')

/** The one plain value an item holds (map entries hold exactly one). */
function single(content: Content): unknown {
  return content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : NONE
}

function typeIs(content: Content, type: typeof Y.Map | typeof Y.Array): boolean {
  return content instanceof Y.ContentType && content.type instanceof type
}

function fieldsOf(map: Map<Y.Item, Fields>, item: Y.Item): Fields {
  let fields = map.get(item)
  if (!fields) {
    fields = new Map()
    map.set(item, fields)
  }
  return fields
}

// `readComments(doc)`: every comment thread as plain, frozen data. Cached per doc: the same
// object until a transaction changes something in the comments root, so views can compare
// by identity. Tolerant of anything a peer wrote (ill-typed fields get defaults; threads
// about an unknown kind of entity and threads without comments are left out).

import * as Y from 'yjs'
import { COMMENT_FIELD, THREAD_FIELD } from './comment-schema.js'
import type { Comment, CommentId, CommentsData, Thread, ThreadId } from './comment-schema.js'
import { isCommentableKind, isMentionList, isResolution } from './comment-values.js'
import { ROOT } from './schema.js'

interface Cache {
  data: CommentsData | null
}

const caches = new WeakMap<Y.Doc, Cache>()

export function readComments(doc: Y.Doc): CommentsData {
  const root = doc.getMap<unknown>(ROOT.comments)
  let cache = caches.get(doc)
  if (!cache) {
    const created: Cache = { data: null }
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (created.data === null) return
      for (const type of transaction.changed.keys()) {
        if ((type as unknown) === root || isInside(type as unknown as TypeNode, root)) {
          created.data = null
          return
        }
      }
    })
    caches.set(doc, created)
    cache = created
  }
  if (doc._transaction !== null) return freeze(readAll(root))
  cache.data ??= freeze(readAll(root))
  return cache.data
}

/** The part of a Yjs type this walk needs (Yjs types its generic by event, not content). */
interface TypeNode {
  _item: Y.Item | null
}

function isInside(type: TypeNode, root: Y.Map<unknown>): boolean {
  for (let item = type._item; item !== null;) {
    const parent: unknown = item.parent
    if (parent === root) return true
    if (!(parent instanceof Y.AbstractType)) return false
    item = (parent as TypeNode)._item
  }
  return false
}

function readAll(root: Y.Map<unknown>): CommentsData {
  const threads: Thread[] = []
  root.forEach((value, id) => {
    const thread = value instanceof Y.Map ? readThread(id as ThreadId, value) : null
    if (thread) threads.push(thread)
  })
  threads.sort(byTime)
  return { threads }
}

function readThread(id: ThreadId, map: Y.Map<unknown>): Thread | null {
  const entityKind = map.get(THREAD_FIELD.entityKind)
  if (!isCommentableKind(entityKind)) return null
  const comments: Comment[] = []
  const commentMaps = map.get(THREAD_FIELD.comments)
  if (commentMaps instanceof Y.Map) {
    commentMaps.forEach((value, commentId) => {
      if (value instanceof Y.Map) comments.push(readComment(id, commentId as CommentId, value))
    })
  }
  if (comments.length === 0) return null
  comments.sort(byTime)
  const resolutions = map.get(THREAD_FIELD.resolutions)
  let last = null
  if (resolutions instanceof Y.Array) {
    for (let i = resolutions.length - 1; i >= 0 && last === null; i--) {
      const event: unknown = resolutions.get(i)
      if (isResolution(event)) last = event
    }
  }
  const resolved = last?.resolved === true
  return {
    id,
    entityKind,
    entityId: str(map.get(THREAD_FIELD.entityId)),
    authorLinkId: str(map.get(THREAD_FIELD.authorLinkId)),
    authorName: str(map.get(THREAD_FIELD.authorName)),
    createdAt: str(map.get(THREAD_FIELD.createdAt)),
    resolved,
    resolvedBy: resolved ? last!.byName : null,
    resolvedByLinkId: resolved ? last!.byLinkId : null,
    resolvedAt: resolved ? last!.at : null,
    comments,
  }
}

function readComment(threadId: ThreadId, id: CommentId, map: Y.Map<unknown>): Comment {
  const deleted = map.get(COMMENT_FIELD.deleted) === true
  const mentions = map.get(COMMENT_FIELD.mentions)
  const editedAt = map.get(COMMENT_FIELD.editedAt)
  return {
    id,
    threadId,
    authorLinkId: str(map.get(COMMENT_FIELD.authorLinkId)),
    authorName: str(map.get(COMMENT_FIELD.authorName)),
    createdAt: str(map.get(COMMENT_FIELD.createdAt)),
    text: deleted ? '' : str(map.get(COMMENT_FIELD.text)),
    mentions: !deleted && isMentionList(mentions) ? mentions.map((m) => ({ ...m })) : [],
    editedAt: typeof editedAt === 'string' ? editedAt : null,
    deleted,
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function byTime(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function freeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) freeze(child)
  }
  return value
}

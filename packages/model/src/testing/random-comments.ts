// Seeded random comment activity for property tests of the commenter rule: what a person
// does through `Comments` (always allowed for their own comments), and what a hostile or
// buggy commenter client might send instead (never allowed). Every choice comes from the PRNG.

import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { COMMENTABLE_KINDS } from '../comment-schema.js'
import type { CommentAuthor, CommentId, ThreadId } from '../comment-schema.js'
import { Comments } from '../comments.js'
import { readComments } from '../read-comments.js'
import { Roadmap } from '../roadmap.js'
import { ROOT } from '../schema.js'
import { craftUpdate, mapEntry } from './craft-update.js'
import { randomEdit } from './random-edits.js'

type Gen = prng.PRNG

function pick<T>(gen: Gen, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[prng.uint32(gen, 0, list.length - 1)]
}

function text(gen: Gen): string {
  return `${prng.word(gen, 1, 10)} ${prng.word(gen, 1, 10)}`
}

function entities(doc: Y.Doc): Array<{ kind: (typeof COMMENTABLE_KINDS)[number]; id: string }> {
  return COMMENTABLE_KINDS.flatMap((kind) =>
    [...doc.getMap(ROOT[kind]).keys()].sort().map((id) => ({ kind, id })),
  )
}

function mine(doc: Y.Doc, author: CommentAuthor) {
  const threads = readComments(doc).threads
  const own = (a: { authorLinkId: string; authorName: string }) =>
    a.authorLinkId === author.linkId && a.authorName === author.name
  return {
    threads,
    ownThreads: threads.filter(own),
    ownComments: threads.flatMap((t) =>
      t.comments.filter((c) => own(c) && !c.deleted).map((c) => ({ thread: t, comment: c })),
    ),
    othersComments: threads.flatMap((t) =>
      t.comments.filter((c) => !own(c)).map((c) => ({ thread: t, comment: c })),
    ),
  }
}

/** One thing a person does with their own comments (or with any thread, as a moderator). */
export function randomCommentAction(gen: Gen, comments: Comments, moderator = false): string {
  const doc = comments.doc
  const state = mine(doc, comments.author)
  const resolvable = moderator ? state.threads : state.ownThreads
  const op = prng.int32(gen, 0, 5)
  const own = pick(gen, state.ownComments)
  const thread = pick(gen, state.threads)
  if (op === 1 && thread) {
    comments.reply(thread.id, { text: text(gen), mentions: [{ name: prng.word(gen, 2, 6) }] })
    return 'reply'
  }
  if (op === 2 && own) {
    comments.edit(own.thread.id, own.comment.id, { text: text(gen) })
    return 'edit'
  }
  if (op === 3 && own) {
    comments.delete(own.thread.id, own.comment.id)
    return 'delete'
  }
  const target = pick(gen, resolvable)
  if (op >= 4 && target) {
    if (target.resolved) comments.reopen(target.id)
    else comments.resolve(target.id)
    return target.resolved ? 'reopen' : 'resolve'
  }
  const entity = pick(gen, entities(doc))
  if (!entity) return 'nothing'
  comments.startThread(entity, { text: text(gen) })
  return 'thread'
}

/**
 * One change a commenter's client must not be allowed to make, made on `doc` (the
 * commenter's copy). Returns its name, or null when the doc offered nothing to do it to.
 */
export function randomHostileAction(
  gen: Gen,
  doc: Y.Doc,
  author: CommentAuthor,
  others: { author: CommentAuthor; clientID: number },
): string | null {
  const state = mine(doc, author)
  const commentMap = (threadId: ThreadId, commentId: CommentId) => {
    const thread = doc.getMap(ROOT.comments).get(threadId) as Y.Map<unknown>
    return (thread.get('comments') as Y.Map<Y.Map<unknown>>).get(commentId)!
  }
  const other = pick(gen, state.othersComments)
  const ownThread = pick(gen, state.ownThreads)
  const foreignThread = pick(
    gen,
    state.threads.filter((t) => t.authorLinkId !== author.linkId || t.authorName !== author.name),
  )
  const as = (who: CommentAuthor) => new Comments(doc, { origin: 'hostile', author: who })
  switch (prng.int32(gen, 0, 10)) {
    case 0:
      // Possibly a no-op (the caller sees an empty update), or a deletion with no new struct.
      randomEdit(gen, new Roadmap(doc, { origin: 'hostile' }), { createBias: 30 })
      return 'roadmap edit'
    case 1:
      if (!other) return null
      commentMap(other.thread.id, other.comment.id).set('text', text(gen))
      return "edit of another's comment"
    case 2:
      if (!other) return null
      ;(
        (doc.getMap(ROOT.comments).get(other.thread.id) as Y.Map<unknown>).get(
          'comments',
        ) as Y.Map<unknown>
      ).delete(other.comment.id)
      return "delete of another's comment"
    case 3:
      if (!foreignThread) return null
      if (foreignThread.resolved) as(author).reopen(foreignThread.id)
      else as(author).resolve(foreignThread.id)
      return "resolve of another's thread"
    case 4: {
      const thread = pick(gen, state.threads)
      if (!thread) return null
      as(others.author).reply(thread.id, { text: text(gen) })
      return 'reply as someone else'
    }
    case 5: {
      const thread = new Y.Map<unknown>()
      doc.transact(() => {
        doc.getMap(ROOT.comments).set(`t-${prng.word(gen, 8, 8)}`, thread)
        thread.set('entityKind', 'features')
        thread.set('entityId', 'no-such-feature')
        thread.set('authorLinkId', author.linkId)
        thread.set('authorName', author.name)
        thread.set('createdAt', '2026-06-01T00:00:00.000Z')
        thread.set('comments', new Y.Map())
        thread.set('resolutions', new Y.Array())
      })
      return 'thread on a missing entity'
    }
    case 6:
      doc.getMap(`x-${prng.word(gen, 1, 4)}`).set('k', text(gen))
      return 'write to another root'
    case 7:
      if (!ownThread) return null
      ;(doc.getMap(ROOT.comments).get(ownThread.id) as Y.Map<unknown>).set('entityId', 'x')
      return "change of a thread's fields"
    case 8:
      if (!ownThread) return null
      doc.getMap(ROOT.comments).delete(ownThread.id)
      return 'delete of a whole thread'
    case 9: {
      const thread = pick(gen, state.threads)
      if (!thread || Y.getState(doc.store, others.clientID) === 0) return null
      doc.clientID = others.clientID
      as(author).reply(thread.id, { text: text(gen) })
      return "reply under another's client id"
    }
    default: {
      const thread = pick(gen, state.threads)
      if (!thread) return null
      doc.transact(() => {
        as(author).reply(thread.id, { text: text(gen) })
        doc.getMap(ROOT.roadmap).set('title', text(gen))
      })
      return 'reply together with a title change'
    }
  }
}

/**
 * A hand-built update no Yjs client sends, aimed at content outside the commenter's own
 * comments of `doc` (the commenter's up-to-date copy), under a fresh client id `client`.
 */
export function randomCraftedUpdate(gen: Gen, doc: Y.Doc, client: number): Uint8Array | null {
  const live: Y.Item[] = []
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      const keyed = struct instanceof Y.Item && !struct.deleted && struct.parentSub !== null
      if (keyed && !inComments(doc, struct)) live.push(struct)
    }
  }
  const target = pick(gen, live)
  if (!target) return null
  const id = Y.createID(client, 0)
  switch (prng.int32(gen, 0, 4)) {
    case 0: {
      // Into the map the target sits in, naming it by its parent's id.
      const parent = (target.parent as Y.AbstractType<unknown>)._item
      if (!parent) return null
      return craftUpdate([
        { client, structs: [mapEntry(id, { parent: parent.id, key: target.parentSub! }, 1)] },
      ])
    }
    case 1:
      return craftUpdate([
        {
          client,
          structs: [
            mapEntry(id, { parent: pick(gen, ['features', 'roadmap', 'x'])!, key: 'k' }, 1),
          ],
        },
      ])
    case 2:
      // Next to the target: Yjs puts it in the target's map, under its key.
      return craftUpdate([{ client, structs: [mapEntry(id, { origin: target.id }, 'x')] }])
    case 3:
      return craftUpdate([], [{ client: target.id.client, clock: target.id.clock, len: 1 }])
    default:
      return craftUpdate([
        {
          client,
          structs: [new Y.Skip(id, 2), mapEntry(Y.createID(client, 2), { origin: target.id }, 'x')],
        },
      ])
  }
}

function inComments(doc: Y.Doc, item: Y.Item): boolean {
  let parent = item.parent as Y.AbstractType<unknown>
  while (parent._item) parent = parent._item.parent as Y.AbstractType<unknown>
  return parent === doc.share.get(ROOT.comments)
}

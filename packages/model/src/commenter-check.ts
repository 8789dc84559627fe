// `checkCommenterUpdate`: whether an update from a commenter's connection changes nothing
// but that person's own comments (and, where the session allows it, their own ballot:
// `commenter-ballot.ts`). The server runs it before applying such an update and
// drops the whole update when it says no. The doc is only read (see `update-locations.ts`);
// the rule itself is stated in API.md, "Comments and the commenter rule".

import * as Y from 'yjs'
import { EDITABLE_COMMENT_FIELDS } from './comment-schema.js'
import type { CommentAuthor } from './comment-schema.js'
import { isResolutionBy } from './comment-values.js'
import { docAuthoredBy, Roles } from './comment-roles.js'
import { FreshStructs, Locator } from './update-locations.js'
import { ownsClient } from './client-ownership.js'
import { isBallotOf, isOwnBallot, openCommenterVote } from './commenter-ballot.js'
import { NewEntries, newEntryRules } from './commenter-entries.js'
import { REFUSAL } from './commenter-refusal.js'
import type { CommenterRefusal, Refusal } from './commenter-refusal.js'

type Content = Y.Item['content']

/**
 * `update` on success is what to apply, store and send on: the part of the input the doc
 * does not have yet (the input itself when it repeats nothing). Structs the doc already has
 * are skipped by Yjs and so not checked: sent on as they came, they would reach a peer that
 * is behind the server as new content.
 */
export type CommenterCheck =
  { ok: true; update: Uint8Array } | { ok: false; reason: CommenterRefusal }

/**
 * Accepts `update` (Yjs update format v1) from `author`'s commenter connection only if
 * applying it to `doc` would write nothing but that author's comments. `doc` is not
 * modified.
 */
export function checkCommenterUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: CommentAuthor,
): CommenterCheck {
  try {
    return check(doc, update, author)
  } catch (error) {
    // References chained across clients are followed recursively; a crafted chain long
    // enough to exhaust the stack is refused, not thrown at the server.
    if (error instanceof RangeError) return refuse(REFUSAL.tooDeep)
    throw error
  }
}

function check(doc: Y.Doc, update: Uint8Array, author: CommentAuthor): CommenterCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return refuse(REFUSAL.malformed)
  }
  const fresh = new FreshStructs()
  const collected = collectFresh(doc, decoded.structs, fresh)
  if (collected.gap) return refuse(collected.gap)
  const locator = new Locator(doc, fresh)
  const roles = new Roles(doc, locator)
  // Structs someone else sent with a gap wait in the doc for their missing clocks: the
  // commenter must not be the one to fill them.
  const waiting = doc.store.pendingStructs?.missing
  for (const client of fresh.byClient.keys()) {
    if (waiting?.has(client)) return refuse(REFUSAL.foreignClient)
    if (Y.getState(doc.store, client) > 0 && !ownsClient(doc, client, author, roles)) {
      return refuse(REFUSAL.foreignClient)
    }
  }
  const entries = new NewEntries(doc, author)
  for (const structs of fresh.byClient.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue // a GC struct: nothing lands anywhere
      const refusal = checkInsert(doc, struct, locator, roles, entries, author)
      if (refusal) return refuse(refusal)
    }
  }
  const incomplete = newEntryRules(entries)
  if (incomplete) return refuse(incomplete)
  const deletion = checkDeletions(doc, decoded.ds, fresh, roles, author)
  if (deletion) return refuse(deletion)
  return {
    ok: true,
    update: collected.stale ? Y.diffUpdate(update, Y.encodeStateVector(doc)) : update,
  }
}

function refuse(reason: CommenterRefusal): CommenterCheck {
  return { ok: false, reason }
}

/**
 * Gathers what the doc has not seen. `gap`: why the update cannot be checked (a gap Yjs
 * would park as pending and apply later, whoever fills it); `stale`: it repeats structs.
 */
function collectFresh(
  doc: Y.Doc,
  structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>,
  fresh: FreshStructs,
): { gap: Refusal | null; stale: boolean } {
  const next = new Map<number, number>()
  let stale = false
  for (const struct of structs) {
    const { client, clock } = struct.id
    const state = Y.getState(doc.store, client)
    if (clock < state) stale = true
    if (clock + struct.length <= state) continue
    if (struct instanceof Y.Skip) return { gap: REFUSAL.gap, stale }
    const expected = next.get(client) ?? state
    if (clock > expected) return { gap: REFUSAL.gap, stale }
    next.set(client, clock + struct.length)
    fresh.add(struct)
  }
  return { gap: null, stale }
}

function checkInsert(
  doc: Y.Doc,
  item: Y.Item,
  locator: Locator,
  roles: Roles,
  entries: NewEntries,
  author: CommentAuthor,
): CommenterRefusal | null {
  const located = locator.locate(item)
  if (!located.ok) return located.reason
  const { node, key } = located.location
  const role = roles.of(node)
  const content = item.content
  switch (role.role) {
    case 'inert':
      return null
    case 'outside': {
      const rule = node.kind === 'doc' ? openCommenterVote(doc, node.type) : null
      if (!rule) return REFUSAL.outside
      return isOwnBallot(key, content, rule, author) ? null : REFUSAL.notOwnBallot
    }
    case 'root':
      if (key === null || !isMapContent(content)) return REFUSAL.shape
      return entries.newThread(item, key)
    case 'thread':
      if (role.thread.kind === 'doc' || key === null) return REFUSAL.threadFields
      return entries.threadField(role.thread.item, key, content)
    case 'threadComments':
      if (key === null || !isMapContent(content)) return REFUSAL.shape
      return entries.newComment(node, role.thread, item, key)
    case 'resolutions':
      if (key !== null || !(content instanceof Y.ContentAny)) return REFUSAL.shape
      if (!content.arr.every((event) => isResolutionBy(event, author))) {
        return REFUSAL.resolutionValue
      }
      return entries.resolution(role.thread)
    case 'comment':
      if (key === null) return REFUSAL.shape
      if (role.comment.kind === 'new') return entries.commentField(role.comment.item, key, content)
      return entries.commentEdit(role.comment.type, key, content)
    default: {
      const never: never = role
      return never
    }
  }
}

function isMapContent(content: Content): boolean {
  return content instanceof Y.ContentType && content.type instanceof Y.Map
}

/**
 * Every deletion must hit content already deleted (a no-op: a reconnecting client sends
 * its whole delete set), content this update creates, or a field of the author's own
 * comment that they may change.
 */
function checkDeletions(
  doc: Y.Doc,
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  fresh: FreshStructs,
  roles: Roles,
  author: CommentAuthor,
): Refusal | null {
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client)
    const own = fresh.byClient.get(client)
    const last = own?.[own.length - 1]
    const freshEnd = last ? last.id.clock + last.length : state
    const structs = doc.store.clients.get(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (end > Math.max(state, freshEnd)) return REFUSAL.deleteUnknown
      if (clock >= state || !structs) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= Math.min(end, state)) break
        if (struct.deleted) continue
        if (!deletable(doc, struct as Y.Item, roles, author)) return REFUSAL.deleteForeign
      }
    }
  }
  return null
}

function deletable(doc: Y.Doc, item: Y.Item, roles: Roles, author: CommentAuthor): boolean {
  const parent: unknown = item.parent
  if (!(parent instanceof Y.AbstractType) || item.content instanceof Y.ContentType) return false
  // Replacing or withdrawing one's own ballot, while the vote is open to commenters.
  if (isBallotOf(doc, item, author)) return openCommenterVote(doc, parent) !== null
  const role = roles.ofDocType(parent as Y.AbstractType<unknown>)
  return (
    role.role === 'comment' &&
    role.comment.kind === 'doc' &&
    item.parentSub !== null &&
    EDITABLE_COMMENT_FIELDS.has(item.parentSub) &&
    docAuthoredBy(role.comment.type, author)
  )
}

// Whether a Yjs client id already in the doc is this author's to write with. Yjs trusts a
// client's clocks: structs sent under someone else's client id at that client's next clocks
// would be taken for theirs, and their real changes at those clocks then dropped by every
// peer. So a commenter may only continue a client whose every struct in the doc is their
// own comment content (or their own ballots); a client id the doc has never seen is free.

import * as Y from 'yjs'
import type { CommentAuthor } from './comment-schema.js'
import { docAuthoredBy } from './comment-roles.js'
import type { Roles } from './comment-roles.js'
import { isResolutionBy } from './comment-values.js'
import { isBallotOf } from './commenter-ballot.js'

/** Per doc and client: the author its structs were found to be by, and up to which clock. */
const verified = new WeakMap<Y.Doc, Map<number, { linkId: string; name: string; clock: number }>>()

/**
 * Reads each struct once: what was verified for an author stays verified (a struct's place
 * and its thread's or comment's author fields do not change), so each check reads only the
 * structs added since the last one.
 */
export function ownsClient(
  doc: Y.Doc,
  client: number,
  author: CommentAuthor,
  roles: Roles,
): boolean {
  const structs = doc.store.clients.get(client)
  if (!structs || structs.length === 0) return true
  let byClient = verified.get(doc)
  if (!byClient) {
    byClient = new Map()
    verified.set(doc, byClient)
  }
  const known = byClient.get(client)
  const from =
    known && known.linkId === author.linkId && known.name === author.name ? known.clock : 0
  const end = Y.getState(doc.store, client)
  if (from >= end) return true
  for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
    const struct = structs[i]!
    // Garbage-collected content no longer says whose it was.
    if (!(struct instanceof Y.Item)) return false
    if (!authored(doc, struct, author, roles)) return false
  }
  byClient.set(client, { linkId: author.linkId, name: author.name, clock: end })
  return true
}

function authored(doc: Y.Doc, item: Y.Item, author: CommentAuthor, roles: Roles): boolean {
  const parent: unknown = item.parent
  if (!(parent instanceof Y.AbstractType)) return false
  const role = roles.ofDocType(parent as Y.AbstractType<unknown>)
  const content = item.content
  switch (role.role) {
    case 'root':
    case 'threadComments':
      // A thread or comment map: its own author fields say whose it is.
      return content instanceof Y.ContentType && docAuthoredBy(content.type, author)
    case 'thread':
      // Thread fields are written once, by whoever started the thread.
      return role.thread.kind === 'doc' && docAuthoredBy(role.thread.type, author)
    case 'resolutions':
      return content instanceof Y.ContentAny && content.arr.every((e) => isResolutionBy(e, author))
    case 'comment':
      // Only a comment's author writes in it (`Comments` and this check both hold to that).
      return role.comment.kind === 'doc' && docAuthoredBy(role.comment.type, author)
    case 'outside':
      return isBallotOf(doc, item, author)
    case 'inert':
      return false
    default: {
      const never: never = role
      return never
    }
  }
}

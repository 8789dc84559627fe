// Whether a Yjs client id already in the doc is this author's to write with. Yjs trusts a
// client's clocks: structs sent under someone else's client id at that client's next clocks
// would be taken for theirs, and their real changes at those clocks then dropped by every
// peer. So a commenter may only continue a client whose every struct in the doc is their
// own comment content; a client id the doc has never seen is free.

import * as Y from 'yjs'
import type { CommentAuthor } from './comment-schema.js'
import { docAuthoredBy } from './comment-roles.js'
import type { Roles } from './comment-roles.js'
import { isResolutionBy } from './comment-values.js'

export function ownsClient(
  doc: Y.Doc,
  client: number,
  author: CommentAuthor,
  roles: Roles,
): boolean {
  for (const struct of doc.store.clients.get(client) ?? []) {
    // Garbage-collected content no longer says whose it was.
    if (!(struct instanceof Y.Item)) return false
    if (!authored(struct, author, roles)) return false
  }
  return true
}

function authored(item: Y.Item, author: CommentAuthor, roles: Roles): boolean {
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
    case 'inert':
    case 'outside':
      return false
    default: {
      const never: never = role
      return never
    }
  }
}

// What a container in the comments part is (the root, a thread, a thread's comments or
// resolutions, a comment), and who a thread or comment belongs to — for types of the doc
// and types an update creates alike.

import * as Y from 'yjs'
import { COMMENT_FIELD, THREAD_FIELD } from './comment-schema.js'
import type { Locator, Node } from './update-locations.js'
import { ROOT } from './schema.js'

/** A thread or comment map: in the doc, or created by the update being checked. */
export type Ref = { kind: 'doc'; type: Y.AbstractType<unknown> } | { kind: 'new'; item: Y.Item }

export type Role =
  | { role: 'root' }
  | { role: 'thread'; thread: Ref }
  | { role: 'threadComments'; thread: Ref }
  | { role: 'resolutions'; thread: Ref }
  | { role: 'comment'; thread: Ref; comment: Ref }
  | { role: 'inert' }
  /** Anything else: outside the comments part, or deeper than a comment's fields. */
  | { role: 'outside' }

const OUTSIDE: Role = { role: 'outside' }

/** The role a container has, from the role of its own container and its key there. */
function childRole(parent: Role, key: string | null, ref: Ref, isMap: boolean, isArray: boolean) {
  if (parent.role === 'inert') return parent
  if (key === null) return OUTSIDE
  if (parent.role === 'root' && isMap) return { role: 'thread', thread: ref } as const
  if (parent.role === 'thread' && key === THREAD_FIELD.comments && isMap)
    return { role: 'threadComments', thread: parent.thread } as const
  if (parent.role === 'thread' && key === THREAD_FIELD.resolutions && isArray)
    return { role: 'resolutions', thread: parent.thread } as const
  if (parent.role === 'threadComments' && isMap)
    return { role: 'comment', thread: parent.thread, comment: ref } as const
  return OUTSIDE
}

export class Roles {
  private readonly docRoles = new Map<Y.AbstractType<unknown>, Role>()
  private readonly newRoles = new Map<Y.Item, Role>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly locator: Locator,
  ) {}

  of(node: Node): Role {
    switch (node.kind) {
      case 'root':
        return node.name === ROOT.comments ? { role: 'root' } : OUTSIDE
      case 'inert':
        return { role: 'inert' }
      case 'doc':
        return this.ofDocType(node.type)
      case 'new':
        return this.ofNewType(node.item)
      default: {
        const never: never = node
        return never
      }
    }
  }

  ofDocType(type: Y.AbstractType<unknown>): Role {
    const known = this.docRoles.get(type)
    if (known) return known
    let role: Role
    const item = type._item
    if (item === null) {
      role = this.doc.share.get(ROOT.comments) === type ? { role: 'root' } : OUTSIDE
    } else {
      const parent: unknown = item.parent
      role =
        parent instanceof Y.AbstractType
          ? childRole(
              this.ofDocType(parent as Y.AbstractType<unknown>),
              item.parentSub,
              { kind: 'doc', type },
              type instanceof Y.Map,
              type instanceof Y.Array,
            )
          : OUTSIDE
    }
    this.docRoles.set(type, role)
    return role
  }

  private ofNewType(item: Y.Item): Role {
    const known = this.newRoles.get(item)
    if (known) return known
    const located = this.locator.locate(item)
    const content = item.content
    const type = content instanceof Y.ContentType ? content.type : null
    const role = located.ok
      ? childRole(
          this.of(located.location.node),
          located.location.key,
          { kind: 'new', item },
          type instanceof Y.Map,
          type instanceof Y.Array,
        )
      : OUTSIDE
    this.newRoles.set(item, role)
    return role
  }
}

/** The current value under `key` of a map in the doc (read without side effects). */
export function docValue(type: Y.AbstractType<unknown>, key: string): unknown {
  const item = type._map.get(key)
  if (!item || item.deleted) return undefined
  const content = item.content.getContent() as unknown[]
  return content[content.length - 1]
}

/** Whether a thread or comment map of the doc was written by this author. */
export function docAuthoredBy(
  type: Y.AbstractType<unknown>,
  author: { linkId: string; name: string },
): boolean {
  return (
    docValue(type, COMMENT_FIELD.authorLinkId) === author.linkId &&
    docValue(type, COMMENT_FIELD.authorName) === author.name
  )
}

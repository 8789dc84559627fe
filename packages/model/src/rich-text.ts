// Rich text (Tiptap) lives in a Y.XmlFragment under an entity's `description` key.

import * as Y from 'yjs'

export const DESCRIPTION = 'description'

/**
 * The entity's description fragment. Entities made by `create` always have one; for one a
 * peer wrote without it, it is added here (inside the caller's transaction).
 */
export function descriptionOf(map: Y.Map<unknown>): Y.XmlFragment {
  const existing = map.get(DESCRIPTION)
  if (existing instanceof Y.XmlFragment) return existing
  const fragment = new Y.XmlFragment()
  map.set(DESCRIPTION, fragment)
  return fragment
}

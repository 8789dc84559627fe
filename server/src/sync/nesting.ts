// How deeply an update nests Yjs types, checked as it is integrated. Yjs accepts any nesting,
// but it deletes and garbage-collects a type's content recursively: in Node a delete of text
// nested ~15,000 levels deep (12,000 pass, 20,000 fail) runs out of stack, so such content could
// never be deleted nor restored over again, on the server or in any client. An update that
// nests deeper than MAX_NESTING is refused before it is stored or relayed (close code 4422,
// server/README.md); readers still handle any nesting (packages/model MAX_RICH_DEPTH).
import * as Y from 'yjs'

/** Levels of Yjs types inside a root type (a root is level 0). */
export const MAX_NESTING = 2_000

/** Levels of `type` below its root, walking up its parents; `memo` shares walks. */
function levelOf(
  type: Y.AbstractType<unknown>,
  memo: Map<Y.AbstractType<unknown>, number>,
): number {
  const path: Y.AbstractType<unknown>[] = []
  let at: Y.AbstractType<unknown> | null = type
  let base = 0
  while (at !== null) {
    const known = memo.get(at)
    if (known !== undefined) {
      base = known
      break
    }
    path.push(at)
    const item: Y.Item | null = at._item
    at = item === null ? null : (item.parent as Y.AbstractType<unknown> | null)
    if (at === null) base = -1
  }
  // Without recursion: the walk's types, from the top down.
  for (let i = path.length - 1; i >= 0; i--) memo.set(path[i]!, ++base)
  return memo.get(type)!
}

/**
 * Whether what a transaction added so far nests types deeper than `max`: each new type's parent,
 * plus one. Linear in the structs added and their ancestors (Yjs lists only types
 * that existed before the transaction in `changed`, so new structs are read from the store).
 */
export function nestsTooDeep(tr: Y.Transaction, max: number = MAX_NESTING): boolean {
  const memo = new Map<Y.AbstractType<unknown>, number>()
  // `afterState` is only set once the transaction ends: compare each client's structs now.
  for (const [client, structs] of tr.doc.store.clients) {
    const before = tr.beforeState.get(client) ?? 0
    const last = structs[structs.length - 1]
    if (last === undefined || last.id.clock + last.length <= before) continue
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i]!
      // Only types nest: text, map values and the like sit at their type's level.
      if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue
      if (!(s.parent instanceof Y.AbstractType)) continue
      if (levelOf(s.parent as Y.AbstractType<unknown>, memo) + 1 > max) return true
    }
  }
  return false
}

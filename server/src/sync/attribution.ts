// Who accepted an item is the connection's name, not what its client wrote. An update that
// sets an item's `acceptedBy` to anything else is integrated as sent (refusing it would leave
// the client holding an edit the server never stores, and every later edit of that client
// unintegrable) and then corrected by a server edit (ORIGIN.attribution) queued in the same
// turn, so the two are stored together and relayed together (Room `change`).
import * as Y from 'yjs'

const ITEMS = 'items'
const ACCEPTED_BY = 'acceptedBy'

/**
 * Runs `integrate` (which applies one connection's update to `doc`) and returns it with the
 * items whose `acceptedBy` that update set to something other than `name`. Only what the
 * update changed counts (Yjs `transaction.changed`): structs it repeats, such as someone
 * else's acceptance in a reconnecting client's sync reply, change nothing. Without a name
 * the client's value stands.
 */
export function integrateAttributed(
  doc: Y.Doc,
  name: string | null,
  integrate: () => boolean,
): { ok: boolean; misattributed: Y.Map<unknown>[] } {
  if (name === null) return { ok: integrate(), misattributed: [] }
  const items = doc.getMap(ITEMS)
  const changed: Y.Map<unknown>[] = []
  const seen = (tr: Y.Transaction): void => {
    for (const [type, keys] of tr.changed)
      if (keys.has(ACCEPTED_BY) && type instanceof Y.Map && type.parent === items)
        changed.push(type as Y.Map<unknown>)
  }
  doc.on('afterTransaction', seen)
  let ok: boolean
  try {
    ok = integrate()
  } finally {
    doc.off('afterTransaction', seen)
  }
  const misattributed = ok
    ? changed.filter((m) => {
        const by = m.get(ACCEPTED_BY)
        return typeof by === 'string' && by !== name
      })
    : []
  return { ok, misattributed }
}

/** The server edit that puts `name` on each of `maps`. */
export const attributeTo =
  (maps: readonly Y.Map<unknown>[], name: string) =>
  (doc: Y.Doc): void => {
    // A server change is built on a copy of the document (room.ts `change`): the items are
    // found there by their key, not written through the live maps.
    const items = doc.getMap(ITEMS)
    for (const m of maps) {
      const key = m._item?.parentSub
      const target = key ? items.get(key) : undefined
      if (target instanceof Y.Map) target.set(ACCEPTED_BY, name)
    }
  }

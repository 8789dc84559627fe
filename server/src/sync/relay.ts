// What one turn sends: the turn's updates merged into one message, its awareness changes
// into another, each built once and written to every socket in one write.
import * as Y from 'yjs'
import { encodeAwarenessUpdate } from './awareness.js'
import type { AwarenessChange } from './awareness.js'
import type { Conn } from './conn.js'
import { encodeAwareness, encodeUpdate } from './protocol.js'
import { Outgoing } from './wire.js'

/** Up to this many distinct senders in one turn, each gets the batch minus its own updates. */
const MAX_ECHO_FREE_SENDERS = 4

/** This turn's update message: `all` for everyone, `own` for senders (null: nothing). */
export interface UpdateRelay {
  all: Outgoing
  own: Map<Conn, Outgoing | null> | null
}

/**
 * This turn's awareness message, for everyone, its senders included: y-websocket clients take
 * 30 s without a message as a dead connection, and a client alone in a roadmap hears only the
 * echo of its own awareness renewals (as with the reference server).
 */
export interface AwarenessRelay {
  message: Outgoing
}

const updateMessage = (updates: readonly Uint8Array[]): Outgoing =>
  Outgoing.of(encodeUpdate(updates.length === 1 ? updates[0] : Y.mergeUpdates([...updates])))

/**
 * The update message each connection gets: the merged batch, except that a sender gets the
 * batch without its own updates (no echo) while there are few senders; with many, an echo is
 * cheaper than a merge per sender, and Yjs ignores it. Null when nobody else is there.
 */
export function updateRelay(
  conns: ReadonlySet<Conn>,
  updates: readonly Uint8Array[],
  senders: readonly (Conn | null)[],
): UpdateRelay | null {
  if (conns.size === 0) return null
  const distinct = new Set<Conn>()
  let fromElsewhere = false
  for (const s of senders) {
    if (s) distinct.add(s)
    else fromElsewhere = true
  }
  // A lone sender with nobody else connected (a bulk import, a first push), and nothing from
  // anywhere else in the batch (the server, another instance): no frame.
  if (!fromElsewhere && conns.size === 1 && distinct.size === 1 && conns.has([...distinct][0]))
    return null
  const all = updateMessage(updates)
  if (distinct.size > MAX_ECHO_FREE_SENDERS) return { all, own: null }
  const own = new Map<Conn, Outgoing | null>()
  for (const s of distinct) {
    const others = updates.filter((_, i) => senders[i] !== s)
    own.set(s, others.length === 0 ? null : updateMessage(others))
  }
  return { all, own }
}

export function awarenessRelay(changes: ReadonlyMap<number, AwarenessChange>): AwarenessRelay {
  const update = encodeAwarenessUpdate(changes.values(), changes.size)
  return { message: Outgoing.of(encodeAwareness(update)) }
}

/**
 * One socket write per connection for everything of this turn. A connection with more than
 * `limit` bytes queued is handed to `slow` instead. Returns the number of writes.
 */
export function deliver(
  conns: ReadonlySet<Conn>,
  updates: UpdateRelay | null,
  aw: AwarenessRelay | null,
  limit: number,
  slow: (c: Conn) => void,
): number {
  let writes = 0
  const a = aw ? aw.message : null
  // Most connections get the same update message and the same awareness message: join each
  // distinct pair once.
  const joined = new Map<Outgoing, Outgoing>()
  for (const c of conns) {
    if (!c.open) continue
    const u = updates ? (updates.own?.has(c) ? updates.own.get(c) : updates.all) : null
    let out = u ?? a
    if (!out) continue
    if (c.socket.queuedBytes > limit) {
      slow(c)
      continue
    }
    if (u && a) {
      let both = joined.get(u)
      if (!both) joined.set(u, (both = Outgoing.join(u, a)))
      out = both
    }
    if (c.socket.sendAll(out)) writes++
  }
  return writes
}

// What one turn sends: the turn's updates merged into one message, its awareness changes
// into another, each built once and written to every socket in one write.
import * as Y from 'yjs'
import { awarenessMessage } from './awarenessChange.js'
import type { Conn } from './conn.js'
import type { TurnAwareness } from './turn.js'
import { MESSAGE, SYNC } from './protocol.js'
import { Outgoing } from './wire.js'

/** Up to this many distinct senders in one turn, each gets the batch minus its own updates. */
const MAX_ECHO_FREE_SENDERS = 4

/** This turn's update message: `all` for everyone, `own` for senders (null: nothing). */
export interface UpdateRelay {
  all: Outgoing
  own: Map<Conn, Outgoing | null> | null
}

/**
 * This turn's awareness message: `message` for everyone, `own` for senders that do not get
 * their own changes back (null: nothing else for them). A sender alone in a roadmap gets the
 * echo: y-websocket clients take 30 s without a message as a dead connection, and such a client
 * hears only its own renewals (as with the reference server); so does a sender whose state the
 * server changed (its role). Anyone else hears the others' renewals every 15 s.
 */
export interface AwarenessRelay {
  message: Outgoing
  own: Map<Conn, Outgoing | null> | null
}

const UPDATE_HEAD = [MESSAGE.sync, SYNC.update] as const

const updateMessage = (updates: readonly Uint8Array[]): Outgoing =>
  Outgoing.message(UPDATE_HEAD, [updates.length === 1 ? updates[0] : Y.mergeUpdates([...updates])])

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

export function awarenessRelay(turn: TurnAwareness): AwarenessRelay {
  const { changes, from, echo } = turn
  const message = awarenessMessage(changes)
  const quiet = new Set<Conn>()
  for (const s of from) if (s && !echo.has(s)) quiet.add(s)
  if (quiet.size === 0 || quiet.size > MAX_ECHO_FREE_SENDERS) return { message, own: null }
  const own = new Map<Conn, Outgoing | null>()
  for (const s of quiet) {
    const others = changes.filter((_, i) => from[i] !== s)
    own.set(s, others.length === 0 ? null : awarenessMessage(others))
  }
  return { message, own }
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
  // Most connections get the same update message and the same awareness message: join each
  // distinct pair once (a sender's own pair is its own).
  let joined: Map<Outgoing, Outgoing> | null = null
  // One map lookup per connection: undefined is not a sender, null a sender with nothing.
  const updatesOwn = updates?.own ?? null
  const awOwn = aw?.own ?? null
  for (const c of conns) {
    if (!c.open) continue
    const uOwn = updatesOwn?.get(c)
    const u = updates ? (uOwn === undefined ? updates.all : uOwn) : null
    const aOwn = awOwn?.get(c)
    const ownAw = aOwn !== undefined
    const a = aw ? (ownAw ? aOwn : aw.message) : null
    let out = u ?? a
    if (!out) continue
    if (c.socket.queuedBytes > limit) {
      slow(c)
      continue
    }
    if (u && a) {
      joined ??= new Map()
      let both = ownAw ? undefined : joined.get(u)
      if (!both) {
        both = Outgoing.join(u, a)
        if (!ownAw) joined.set(u, both)
      }
      out = both
    }
    if (c.socket.sendAll(out)) writes++
  }
  return writes
}

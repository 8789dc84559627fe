// Server-side awareness: the latest state per client id, kept as JSON text so relaying
// costs no parsing. A client id belongs to the connection that first announced it; other
// connections cannot overwrite or remove it. The `user.role` of every state is set by the
// server from the connection's role, so nobody can present themselves as an editor.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Role } from '../store/store.js'
import { errorText } from '../log.js'

/** The connection a state belongs to. */
export interface AwarenessOwner {
  readonly open: boolean
}

export interface AwarenessEntry {
  clock: number
  /** JSON text of the state; 'null' once removed */
  state: string
  owner: AwarenessOwner
  updatedAt: number
}

export interface AwarenessChange {
  clientId: number
  clock: number
  state: string
}

export type AwarenessApply = { ok: true; changes: AwarenessChange[] } | { ok: false; error: string }

/** States not renewed for this long are not sent to new connections (y-protocols' timeout). */
export const AWARENESS_OUTDATED_MS = 30_000

function withRole(stateJson: string, role: Role): string {
  const state: unknown = JSON.parse(stateJson)
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return stateJson
  const s = state as Record<string, unknown>
  const user = s.user
  if (user !== null && typeof user === 'object' && !Array.isArray(user)) {
    const u = user as Record<string, unknown>
    if (u.role === role) return stateJson
    u.role = role
  } else {
    s.user = { role }
  }
  return JSON.stringify(s)
}

export class RoomAwareness {
  readonly states = new Map<number, AwarenessEntry>()

  /**
   * Applies an awareness update from `owner`; returns what changed (to broadcast). `role` is
   * set in every state; null keeps the states' own (relayed by another server instance,
   * which set it).
   */
  apply(update: Uint8Array, owner: AwarenessOwner, role: Role | null, now: number): AwarenessApply {
    const changes: AwarenessChange[] = []
    try {
      const dec = decoding.createDecoder(update)
      const n = decoding.readVarUint(dec)
      for (let i = 0; i < n; i++) {
        const clientId = decoding.readVarUint(dec)
        const clock = decoding.readVarUint(dec)
        const raw = decoding.readVarString(dec)
        const prev = this.states.get(clientId)
        // Another live connection's client id is not ours to change (a closed one's is: a
        // client that reconnects keeps its id).
        if (prev && prev.owner !== owner && prev.owner.open) continue
        // It reannounces its state with the clock it had, so a takeover accepts an equal one.
        const takeover = prev !== undefined && prev.owner !== owner
        const removal = raw === 'null'
        const state = removal || role === null ? raw : withRole(raw, role)
        const currClock = prev ? prev.clock : 0
        if (
          currClock < clock ||
          (takeover && currClock === clock) ||
          (currClock === clock && removal && prev !== undefined && prev.state !== 'null')
        ) {
          if (removal) this.states.delete(clientId)
          else this.states.set(clientId, { clock, state, owner, updatedAt: now })
          changes.push({ clientId, clock, state })
        }
      }
    } catch (e) {
      return { ok: false, error: errorText(e) }
    }
    return { ok: true, changes }
  }

  /** Removes every state `owner` announced (its connection closed). */
  removeOwner(owner: AwarenessOwner): AwarenessChange[] {
    const changes: AwarenessChange[] = []
    for (const [clientId, e] of this.states) {
      if (e.owner !== owner) continue
      this.states.delete(clientId)
      changes.push({ clientId, clock: e.clock + 1, state: 'null' })
    }
    return changes
  }

  /** Every live state, for a connection that just joined or asked. */
  current(now: number): AwarenessChange[] {
    const out: AwarenessChange[] = []
    for (const [clientId, e] of this.states) {
      if (now - e.updatedAt < AWARENESS_OUTDATED_MS)
        out.push({ clientId, clock: e.clock, state: e.state })
    }
    return out
  }
}

export function encodeAwarenessUpdate(
  changes: Iterable<AwarenessChange>,
  count: number,
): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, count)
  for (const c of changes) {
    encoding.writeVarUint(enc, c.clientId)
    encoding.writeVarUint(enc, c.clock)
    encoding.writeVarString(enc, c.state)
  }
  return encoding.toUint8Array(enc)
}

// Server-side awareness: the latest state per client id, kept as JSON text so relaying
// costs no parsing. A client id is bound to the share link whose connection first announced
// it, for as long as the server remembers it (the connection's life, then `claimHoldMs`): no
// other link can overwrite or remove it, so a viewer cannot take over an editor's presence
// while the editor reconnects. A connection owns a few client ids at most, each state of
// bounded size (presence flooding). y-websocket clients send back every state they receive
// (their awareness 'update' handler broadcasts remote changes too), so a state for a client id
// the connection does not own, a removal of one, a repeat of a state already seen, or an id
// past its allowance is dropped quietly, never relayed; only a state too large, or a message
// naming far more ids than the room has, closes the socket (4413). The `user.role` of
// every state is set by the server from the connection's role, so nobody can present
// themselves as an editor.
import * as decoding from 'lib0/decoding'
import type { Role } from '../store/store.js'
import { errorText } from '../log.js'
import { withRole } from './roleStamp.js'
import type { Stamped } from './roleStamp.js'
import { StateChange, entryCopy, insertedEntry } from './awarenessChange.js'
import type { AwarenessChange } from './awarenessChange.js'

export { encodeAwarenessUpdate } from './awarenessChange.js'
export type { AwarenessChange } from './awarenessChange.js'

/** The connection a state belongs to. */
export interface AwarenessOwner {
  readonly open: boolean
  /** the share link it connected with; null: another server instance (it applied the limits) */
  readonly linkId: string | null
}

export interface AwarenessLimits {
  /** client ids one connection may announce */
  maxClientIds: number
  /** bytes of one state's JSON */
  maxStateBytes: number
  /** how long (ms) a client id stays bound to its link once its connection closed */
  claimHoldMs: number
}

export const AWARENESS_LIMITS: AwarenessLimits = {
  maxClientIds: 4,
  maxStateBytes: 8 * 1024,
  claimHoldMs: 60_000,
}

export interface AwarenessEntry {
  clock: number
  /** JSON text of the state; 'null' once removed */
  state: string
  owner: AwarenessOwner
  updatedAt: number
  /** the change that set it, with its encoded entry (what a joiner is sent) */
  change: StateChange
}

export const AWARENESS_REFUSAL = { malformed: 'malformed', tooLarge: 'tooLarge' } as const
export type AwarenessRefusal = (typeof AWARENESS_REFUSAL)[keyof typeof AWARENESS_REFUSAL]

export type AwarenessApply =
  { ok: true; changes: AwarenessChange[] } | { ok: false; refusal: AwarenessRefusal; error: string }

/** A client id's binding to the connection (and so the link) that announced it. */
interface Claim {
  owner: AwarenessOwner
  /** when its connection closed; null while it is open */
  releasedAt: number | null
}

/** Ids one message may name beyond those the room knows: more is a flood, not an echo. */
const MESSAGE_SLACK = 256

/** States not renewed for this long are not sent to new connections (y-protocols' timeout). */
export const AWARENESS_OUTDATED_MS = 30_000

// y-protocols clients read a state with a fatal decoder: bytes that are not UTF-8 would throw
// there, so they are never passed through; such a state goes on as the text it decodes to.
const utf8 = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder()

/** The state's text, and whether its bytes are valid UTF-8 (and so may pass through). */
function decodeState(bytes: Uint8Array): { raw: string; valid: boolean } {
  try {
    return { raw: utf8.decode(bytes), valid: true }
  } catch {
    return { raw: lenient.decode(bytes), valid: false }
  }
}

const tooLarge = (error: string): AwarenessApply => ({
  ok: false,
  refusal: AWARENESS_REFUSAL.tooLarge,
  error,
})

export class RoomAwareness {
  readonly states = new Map<number, AwarenessEntry>()
  private readonly claims = new Map<number, Claim>()
  /** how many client ids each connection claimed */
  private readonly claimed = new WeakMap<AwarenessOwner, number>()

  constructor(private readonly limits: AwarenessLimits = AWARENESS_LIMITS) {}

  /**
   * Whether `owner` may change `clientId`'s state, claiming it if it is free. False for
   * someone else's id, a removal of what it does not own, or an id past its allowance.
   */
  private mayChange(
    clientId: number,
    owner: AwarenessOwner,
    removal: boolean,
    now: number,
  ): boolean {
    const claim = this.claims.get(clientId)
    if (claim?.owner === owner) return true
    // Another server instance (linkId null) applied the limits to its own connections.
    const local = owner.linkId !== null
    if (removal && local) return false
    const n = this.claimed.get(owner) ?? 0
    if (claim) {
      if (claim.owner.open) return false
      // A connection that just closed has not been released yet: still held.
      const held = claim.releasedAt === null || now - claim.releasedAt < this.limits.claimHoldMs
      if (held && claim.owner.linkId !== owner.linkId) return false
      // A person reconnecting announces their own id first; a connection that already has
      // one and sends a held id is echoing someone who left (several people share a link).
      if (held && local && n > 0) return false
    }
    if (local) {
      if (n >= this.limits.maxClientIds) return false
      this.claimed.set(owner, n + 1)
    }
    this.claims.set(clientId, { owner, releasedAt: null })
    return true
  }

  /**
   * Applies an awareness update from `owner`; returns what changed (to broadcast). `role` is
   * set in every state; null keeps the states' own (relayed by another server instance,
   * which set it). An update over the limits is refused as `tooLarge`, nothing of it relayed (its
   * connection is closed, and what it had announced goes with it).
   */
  apply(update: Uint8Array, owner: AwarenessOwner, role: Role | null, now: number): AwarenessApply {
    const { maxClientIds, maxStateBytes } = this.limits
    const changes: AwarenessChange[] = []
    try {
      const dec = decoding.createDecoder(update)
      const n = decoding.readVarUint(dec)
      // A client's own states, or its echo of what the room relayed; other instances relay
      // several of theirs.
      const most = this.states.size + maxClientIds + MESSAGE_SLACK
      if (owner.linkId !== null && n > most)
        return tooLarge(`${n} states in one update (limit ${most})`)
      for (let i = 0; i < n; i++) {
        const start = dec.pos
        const clientId = decoding.readVarUint(dec)
        const clock = decoding.readVarUint(dec)
        const bytes = decoding.readVarUint8Array(dec)
        if (bytes.byteLength > maxStateBytes)
          return tooLarge(`a state of ${bytes.byteLength} bytes (limit ${maxStateBytes})`)
        const { raw, valid } = decodeState(bytes)
        if (!this.mayChange(clientId, owner, raw === 'null', now)) continue
        const prev = this.states.get(clientId)
        // It reannounces its state with the clock it had, so a takeover accepts an equal one.
        const takeover = prev !== undefined && prev.owner !== owner
        const removal = raw === 'null'
        const stamped: Stamped =
          removal || role === null
            ? { state: raw, insert: null }
            : withRole(raw, valid ? bytes : null, role)
        const { state, insert } = stamped
        const currClock = prev ? prev.clock : 0
        if (
          currClock < clock ||
          (takeover && currClock === clock) ||
          (currClock === clock && removal && prev !== undefined && prev.state !== 'null')
        ) {
          if (removal) {
            this.states.delete(clientId)
            // Another instance's client left it: it may come back through this one.
            if (owner.linkId === null) this.claims.delete(clientId)
          }
          // Validated and left as it was: relayed as the bytes received (a copy: the frame may
          // be a view into a larger socket buffer); with the role set, as those bytes and it.
          const changed = state !== raw
          const entry = !valid
            ? null
            : !changed
              ? entryCopy(update, start, dec.pos)
              : insert && insertedEntry(clientId, clock, bytes, insert.at, insert.text)
          const change = new StateChange(clientId, clock, state, entry, changed)
          if (!removal) this.states.set(clientId, { clock, state, owner, updatedAt: now, change })
          changes.push(change)
        }
      }
    } catch (e) {
      return { ok: false, refusal: AWARENESS_REFUSAL.malformed, error: errorText(e) }
    }
    return { ok: true, changes }
  }

  /**
   * The entries of `update` that `owner` may change, by client id (a later one of an id wins),
   * read without decoding the states: what the presence budget holds (presenceGate.ts). An id
   * another open connection owns is left out (an echo). Null: malformed, or naming more ids
   * than `apply` takes (it refuses the update).
   */
  ownEntries(update: Uint8Array, owner: AwarenessOwner): Map<number, Uint8Array> | null {
    const entries = new Map<number, Uint8Array>()
    try {
      const dec = decoding.createDecoder(update)
      const n = decoding.readVarUint(dec)
      if (n > this.states.size + this.limits.maxClientIds + MESSAGE_SLACK) return null
      for (let i = 0; i < n; i++) {
        const start = dec.pos
        const clientId = decoding.readVarUint(dec)
        decoding.readVarUint(dec)
        decoding.readVarUint8Array(dec)
        const claim = this.claims.get(clientId)
        if (claim && claim.owner !== owner && claim.owner.open) continue
        // More than a connection may own would be dropped by `apply` anyway.
        if (!entries.has(clientId) && entries.size >= this.limits.maxClientIds) continue
        entries.set(clientId, update.subarray(start, dec.pos))
      }
    } catch {
      return null
    }
    return entries
  }

  /**
   * Removes every state `owner` announced (its connection closed). Its client ids stay bound
   * to its link for `claimHoldMs`; bindings older than that are forgotten here.
   */
  removeOwner(owner: AwarenessOwner, now: number): AwarenessChange[] {
    const changes: AwarenessChange[] = []
    for (const [clientId, e] of this.states) {
      if (e.owner !== owner) continue
      this.states.delete(clientId)
      changes.push(new StateChange(clientId, e.clock + 1, 'null', null))
    }
    for (const [clientId, c] of this.claims) {
      if (c.owner === owner) c.releasedAt = now
      else if (c.releasedAt !== null && now - c.releasedAt >= this.limits.claimHoldMs)
        this.claims.delete(clientId)
    }
    return changes
  }

  /**
   * Whether anyone but `owner` has a state here: they renew it every 15 s, so `owner` hears
   * from the room without the echo of its own.
   */
  hasOtherOwner(owner: AwarenessOwner): boolean {
    for (const e of this.states.values()) if (e.owner !== owner) return true
    return false
  }

  /** Every live state, for a connection that just joined or asked. */
  current(now: number): AwarenessChange[] {
    const out: AwarenessChange[] = []
    for (const e of this.states.values())
      if (now - e.updatedAt < AWARENESS_OUTDATED_MS) out.push(e.change)
    return out
  }
}

// The frames a connection sends, decoded and answered: sync steps, updates (refused from a
// viewer, held to its own comments for a commenter, checked to integrate), awareness. Bad input closes the socket that sent it, and
// nothing else.
import { checkCommenterUpdate } from '@meridian/model'
import * as Y from 'yjs'
import { errorText } from '../log.js'
import { ROLE } from '../store/store.js'
import { attributeTo, integrateAttributed } from './attribution.js'
import { integrateGuardingBaseline } from './baselineGuard.js'
import { AWARENESS_REFUSAL } from './awareness.js'
import type { AwarenessChange, RoomAwareness } from './awareness.js'
import { awarenessMessage } from './awarenessChange.js'
import type { Conn } from './conn.js'
import type { RoomConnections } from './connections.js'
import { INTEGRATE_REFUSAL } from './docState.js'
import type { DocState, Integrated } from './docState.js'
import type { RoomHost } from './host.js'
import { PresenceGate } from './presenceGate.js'
import { decodeFrame, encodePermissionDenied, encodeSyncStep2 } from './protocol.js'

export const READ_ONLY_REASON = 'read-only'
/** The permission-denied reason a commenter gets: this, then the model's refusal. */
export const COMMENTER_REASON = 'comments-only'
/** Who a commenter's comments are by when it joined without a name. */
export const GUEST_NAME = 'Guest'

/** Where accepted news goes: the room's turn, stored and relayed at the next flush. */
export interface News {
  update(update: Uint8Array, sender: Conn): void
  /** `echo`: the sender hears its own changes back */
  awareness(changes: AwarenessChange[], sender: Conn, echo: boolean): void
  /** A server edit to queue in the same turn (attribution.ts). */
  correct(edit: (doc: Y.Doc) => void): void
}

type Decoded = ReturnType<typeof Y.decodeUpdate>

export class Dispatch {
  private readonly presence: PresenceGate

  constructor(
    private readonly id: string,
    private readonly host: RoomHost,
    private readonly state: DocState,
    private readonly awareness: RoomAwareness,
    private readonly connections: RoomConnections,
    private readonly news: News,
  ) {
    this.presence = new PresenceGate(
      host.clock,
      host.options.presenceRate,
      awareness,
      (conn, update) => this.receiveAwareness(conn, update),
      (conn) => this.refusePresence(conn, 'presence flood', 'presence-flood'),
    )
  }

  /** One frame of a connection of the loaded roadmap. */
  handle(conn: Conn, data: Uint8Array): void {
    const decoded = decodeFrame(data)
    if (!decoded.ok) {
      this.refuse(conn, 'malformed', decoded.error)
      return
    }
    const m = decoded.message
    switch (m.kind) {
      case 'step1':
        this.answerStep1(conn, m.stateVector)
        return
      case 'step2':
      case 'update':
        this.receiveUpdate(conn, m.update, m.kind === 'step2')
        return
      case 'awareness':
        this.presence.offer(conn, m.update)
        return
      case 'queryAwareness': {
        const aw = this.awareness.current(this.host.clock.now())
        this.connections.send(conn, awarenessMessage(aw).payloads[0])
        return
      }
      case 'auth':
        // Clients have nothing to say here: the token was checked before the upgrade.
        return
      default: {
        const never: never = m
        return never
      }
    }
  }

  /** Bad input closes the socket that sent it, and nothing else. */
  private refuse(conn: Conn, reason: 'malformed' | 'unintegrable', detail: string): void {
    this.host.metrics.dropped.inc({ reason })
    this.host.log.debug({ roadmapId: this.id, reason, detail }, 'refused a message')
    this.connections.close(conn, 'protocolError')
  }

  /** An update the document did not take: nested too deep (4422), or not integrable (4400). */
  private refuseUpdate(conn: Conn, integrated: Integrated): void {
    if (integrated.ok || integrated.refusal === INTEGRATE_REFUSAL.unintegrable) {
      this.refuse(conn, 'unintegrable', 'update does not integrate')
      return
    }
    this.host.metrics.dropped.inc({ reason: 'too-deep' })
    this.host.log.debug({ roadmapId: this.id }, 'refused an update nested too deep')
    this.connections.close(conn, 'nestingTooDeep')
  }

  /** An awareness update its connection's budget let through (presenceGate.ts). */
  private receiveAwareness(conn: Conn, update: Uint8Array): void {
    const r = this.awareness.apply(update, conn, conn.role, this.host.clock.now())
    if (!r.ok && r.refusal === AWARENESS_REFUSAL.tooLarge) this.refusePresence(conn, r.error)
    else if (!r.ok) this.refuse(conn, 'malformed', r.error)
    else if (r.changes.length > 0)
      this.news.awareness(
        r.changes,
        conn,
        r.changes.some((c) => c.echo) || !this.awareness.hasOtherOwner(conn),
      )
  }

  /**
   * Presence over the limits (a flood of ids or of messages, a state too large): that socket
   * is closed with 4413.
   */
  private refusePresence(
    conn: Conn,
    detail: string,
    reason: 'presence' | 'presence-flood' = 'presence',
  ): void {
    this.host.metrics.dropped.inc({ reason })
    this.host.log.debug({ roadmapId: this.id, detail }, 'refused presence')
    this.connections.close(conn, 'presenceTooLarge')
  }

  private answerStep1(conn: Conn, clientSv: Uint8Array): void {
    let reply: Uint8Array
    try {
      reply = this.state.diff(clientSv)
    } catch (e) {
      this.refuse(conn, 'malformed', errorText(e))
      return
    }
    this.connections.send(conn, encodeSyncStep2(reply))
  }

  private receiveUpdate(conn: Conn, update: Uint8Array, syncReply: boolean): void {
    let decoded: Decoded
    try {
      decoded = Y.decodeUpdate(update)
    } catch (e) {
      this.refuse(conn, 'malformed', errorText(e))
      return
    }
    // A live edit from an editor that only deletes is taken as news without comparing delete
    // sets (that costs a decode of the whole state); sync replies and viewers are compared.
    const checked = conn.role === ROLE.viewer || conn.role === ROLE.commenter
    if (!this.state.isNew(decoded, syncReply || checked)) return
    if (conn.role === ROLE.viewer) {
      this.host.metrics.dropped.inc({ reason: 'read-only' })
      this.connections.send(conn, encodePermissionDenied(READ_ONLY_REASON))
      return
    }
    if (conn.role === ROLE.commenter) {
      this.receiveComment(conn, update, decoded)
      return
    }
    // An owner sets the baseline; an editor's change of it is reverted (baselineGuard.ts).
    let revert: ((doc: Y.Doc) => void) | null = null
    let integrated: Integrated = { ok: true }
    const integrate = (): boolean => {
      integrated = this.state.integrate(update)
      return integrated.ok
    }
    const { ok, misattributed } = integrateAttributed(this.state.doc(), conn.name, () => {
      if (conn.role === ROLE.owner) return integrate()
      const guarded = integrateGuardingBaseline(this.state.doc(), integrate)
      revert = guarded.revert
      return guarded.ok
    })
    if (!ok) {
      this.refuseUpdate(conn, integrated)
      return
    }
    // A reconnecting client's sync reply repeats much of what is stored: keep what is new.
    // (diffUpdate copies; a live update is copied because the frame may be a view into a
    // larger socket buffer.)
    const news = syncReply ? this.state.trim(update) : update.slice()
    this.state.note(decoded)
    this.news.update(news, conn)
    if (misattributed.length > 0 && conn.name !== null)
      this.news.correct(attributeTo(misattributed, conn.name))
    if (revert) {
      this.host.log.debug({ roadmapId: this.id, linkId: conn.linkId }, 'reverted a baseline change')
      this.news.correct(revert)
    }
  }

  /**
   * A commenter's update is taken only when it writes that person's own comments (packages/
   * model `checkCommenterUpdate`, authorship bound to the link and the name fixed at the
   * upgrade); what is integrated, stored and relayed is the checked update, not the frame.
   */
  private receiveComment(conn: Conn, update: Uint8Array, decoded: Decoded): void {
    const author = { linkId: conn.linkId, name: conn.name ?? GUEST_NAME }
    const result = checkCommenterUpdate(this.state.doc(), update, author)
    if (!result.ok) {
      this.host.metrics.dropped.inc({ reason: 'not-a-comment' })
      this.host.log.debug(
        { roadmapId: this.id, linkId: conn.linkId, reason: result.reason },
        'refused a commenter update',
      )
      this.connections.send(conn, encodePermissionDenied(`${COMMENTER_REASON}: ${result.reason}`))
      return
    }
    const integrated = this.state.integrate(result.update)
    if (!integrated.ok) {
      this.refuseUpdate(conn, integrated)
      return
    }
    this.state.note(decoded)
    this.news.update(result.update.slice(), conn)
  }
}

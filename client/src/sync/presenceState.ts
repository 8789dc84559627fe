// Awareness states come from every peer, viewers included, and any client can announce
// anything (`cursor: 5`, `user: {}`): each field the client reads is checked here first, and
// what fails its check is left out, never passed on to a view or the editor.
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { isIsoDate } from '@meridian/model'
import { ROLE } from '@meridian/protocol'
import type { Role } from '@meridian/protocol'
import type { PresenceState, PresenceUser } from './presenceTypes.js'

const SELECTION_KINDS: readonly string[] = ['feature', 'milestone', 'lane', 'item', 'risk']
const ROLES: readonly string[] = Object.values(ROLE)
const COLOR = /^#[0-9a-fA-F]{6}$/
const FALLBACK_COLOR = '#64748b'
const MAX_NAME = 80

type Loose = Record<string, unknown>
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
/** An ISO date or date-time (the timeline's pointer sends either). */
const isInstant = (value: unknown): value is string =>
  isString(value) &&
  value.length <= 40 &&
  !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** A peer's presence with only the fields that pass their checks; null without a usable user. */
export function presenceOf(raw: unknown): PresenceState | null {
  if (!isObject(raw)) return null
  const user = userOf(raw.user)
  if (!user) return null
  const state: PresenceState = { user }
  if (isString(raw.view)) state.view = raw.view
  const selection = raw.selection
  if (isObject(selection) && isString(selection.kind) && SELECTION_KINDS.includes(selection.kind)) {
    if (isString(selection.id)) {
      state.selection = { kind: selection.kind as 'feature', id: selection.id }
    }
  }
  const pointer = raw.pointer
  if (
    isObject(pointer) &&
    isInstant(pointer.date) &&
    (pointer.laneId === null || isString(pointer.laneId)) &&
    isFiniteNumber(pointer.y)
  ) {
    state.pointer = { date: pointer.date, laneId: pointer.laneId, y: pointer.y }
  }
  const viewport = raw.viewport
  if (
    isObject(viewport) &&
    isIsoDate(viewport.start) &&
    isIsoDate(viewport.end) &&
    isString(viewport.zoom) &&
    isFiniteNumber(viewport.scrollTop)
  ) {
    state.viewport = {
      start: viewport.start,
      end: viewport.end,
      zoom: viewport.zoom,
      scrollTop: viewport.scrollTop,
    }
  }
  const dragging = raw.dragging
  if (
    isObject(dragging) &&
    isString(dragging.featureId) &&
    isIsoDate(dragging.start) &&
    isIsoDate(dragging.end) &&
    isString(dragging.laneId)
  ) {
    state.dragging = {
      featureId: dragging.featureId,
      start: dragging.start,
      end: dragging.end,
      laneId: dragging.laneId,
    }
  }
  return state
}

/** A longer "name" is not a person's name but a flood: such a state is ignored. */
const MAX_RAW_NAME = 200

function userOf(raw: unknown): PresenceUser | null {
  if (!isObject(raw) || !isString(raw.name) || raw.name.length > MAX_RAW_NAME) return null
  return {
    name: raw.name.slice(0, MAX_NAME),
    color: isString(raw.color) && COLOR.test(raw.color) ? raw.color : FALLBACK_COLOR,
    role: isString(raw.role) && ROLES.includes(raw.role) ? (raw.role as Role) : 'viewer',
  }
}

/**
 * A peer's editor caret (`cursor: { anchor, head }`, Yjs relative positions as JSON) when both
 * ends resolve in `doc`; else null, and the caret is not drawn.
 */
export function cursorOf(raw: unknown, doc: Y.Doc): { anchor: unknown; head: unknown } | null {
  if (!isObject(raw)) return null
  return resolves(raw.anchor, doc) && resolves(raw.head, doc)
    ? { anchor: raw.anchor, head: raw.head }
    : null
}

function resolves(json: unknown, doc: Y.Doc): boolean {
  if (!isObject(json)) return false
  const ids = [json.type, json.item].filter((id) => id !== undefined && id !== null)
  for (const id of ids) {
    if (!isObject(id) || !isSafeCount(id.client) || !isSafeCount(id.clock)) return false
  }
  if (json.tname !== undefined && json.tname !== null && !isString(json.tname)) return false
  if (json.assoc !== undefined && !Number.isInteger(json.assoc)) return false
  try {
    Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc)
    return true
  } catch {
    return false
  }
}

const isSafeCount = (value: unknown): boolean =>
  Number.isSafeInteger(value) && (value as number) >= 0

/**
 * The awareness as the editor's caret plugin should see it: the local state as it is, every
 * peer's state through `presenceOf` with its `cursor` checked by `cursorOf`. Writes and
 * events go to the real awareness.
 */
export function caretAwareness(awareness: Awareness): Awareness {
  const states = (): Map<number, Loose> => {
    const out = new Map<number, Loose>()
    awareness.getStates().forEach((raw, clientId) => {
      if (clientId === awareness.clientID) {
        out.set(clientId, raw)
        return
      }
      const presence = presenceOf(raw)
      if (!presence) return
      const cursor = cursorOf((raw as Loose).cursor, awareness.doc)
      out.set(clientId, { ...presence, user: { ...presence.user }, cursor })
    })
    return out
  }
  return new Proxy(awareness, {
    get(target, key, receiver) {
      if (key === 'states') return states()
      if (key === 'getStates') return states
      const value: unknown = Reflect.get(target, key, receiver)
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value
    },
  })
}

// One live roadmap session: the Y.Doc, its offline copy in IndexedDB, the WebSocket
// provider, the awareness, the model writer and the undo manager. Plain TypeScript;
// React binds to it through hooks (useSession, useConnection, usePresence).
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { ENTITY_KINDS, ROOT, Roadmap, readRoadmap } from '@meridian/model'
import type { Awareness } from 'y-protocols/awareness'
import type { Role } from '@meridian/protocol'
import type { PresenceState } from './presenceTypes.js'
import { onLocalUserChange } from './localUser.js'
import type { LocalUser } from './localUser.js'
import { localPresence, setPresence } from './presence.js'

/** The origin of every edit this browser tab makes: what undo tracks. */
export interface LocalOrigin {
  readonly kind: 'local'
  readonly session: string
}

export interface Session {
  id: string
  token: string
  doc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence
  awareness: Awareness
  origin: LocalOrigin
  roadmap: Roadmap
  undo: Y.UndoManager
  /**
   * The display name this connection speaks under (`?name=`; a rename reconnects with the
   * new one): the server stamps it on the comments it accepts from commenters, so this tab
   * writes its comments under it.
   */
  readonly name: string
  /** Calls `listener` after each rename (`name` changed); returns the unsubscribe. */
  onNameChange(listener: () => void): () => void
  /** opened with a personal link: the name it speaks for, which no rename here changes */
  personName: string | null
  destroy(): void
}

export function wsBase(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`
}

/**
 * `presence: false` (embeds) watches without appearing among the people in the roadmap.
 * `personName`: a personal link's person, shown and sent instead of the browser's name.
 */
export function createSession(
  id: string,
  token: string,
  role: Role,
  user: LocalUser,
  options: { presence?: boolean; personName?: string | null } = {},
): Session {
  const personName = options.personName ?? null
  if (personName !== null) user = { ...user, name: personName, named: true }
  const doc = new Y.Doc()
  // Register the model's snapshot cache before any view subscribes to updates, so its
  // invalidation runs first and subscribers never read a stale snapshot.
  readRoadmap(doc)
  const origin: LocalOrigin = { kind: 'local', session: String(doc.clientID) }
  const persistence = new IndexeddbPersistence(`meridian:${id}`, doc)
  // The name the person gave travels with the socket: the server stamps it on what this
  // connection records (acceptances, comments). A pseudonym is not sent: it names no one,
  // except for a commenter, whose comments the server accepts only under the name it holds.
  const params = (u: LocalUser): Record<string, string> =>
    u.named || role === 'commenter' ? { token, name: u.name } : { token }
  const provider = new WebsocketProvider(wsBase(), id, doc, {
    params: params(user),
    // Tabs of one browser would otherwise sync edits to each other behind the server's check.
    disableBc: role === 'viewer' || role === 'commenter',
  })
  const awareness = provider.awareness
  const state: PresenceState = {
    user: { name: user.name, color: user.color, role },
    view: 'timeline',
    selection: null,
    pointer: null,
    viewport: null,
    dragging: null,
  }
  // Awareness starts with a local state; an embed removes it and so is never listed.
  awareness.setLocalState(options.presence === false ? null : state)
  const roadmap = new Roadmap(doc, { origin, author: user.name })
  const scope = [
    doc.getMap(ROOT.roadmap),
    doc.getXmlFragment(ROOT.strategy),
    // so an undone date change leaves the slip ledger with it
    doc.getMap(ROOT.slips),
    ...ENTITY_KINDS.map((kind) => doc.getMap(ROOT[kind])),
  ]
  const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: 400 })

  // Browsers report connectivity changes; don't wait for the socket watchdog (30 s).
  const goOffline = () => provider.disconnect()
  const goOnline = () => provider.connect()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  if (!navigator.onLine) provider.disconnect()

  // A new name takes effect on a new socket (the server fixes a connection's name at the
  // upgrade): reconnect when it changes, unless offline. What this tab records itself (the
  // slip ledger's author, comments) follows at once, so nothing after a rename carries the
  // old name; edits not yet sent go out on the new socket's sync, and the doc and its undo
  // history are untouched.
  let name = user.name
  const nameListeners = new Set<() => void>()
  const stopFollowingUser = onLocalUserChange((chosen) => {
    const next = personName === null ? chosen : { ...chosen, name: personName, named: true }
    const current = localPresence(awareness)?.user
    if (current && (current.name !== next.name || current.color !== next.color))
      setPresence(awareness, { user: { ...current, name: next.name, color: next.color } })
    if (next.name !== name) {
      name = next.name
      roadmap.setAuthor(name)
      for (const listener of [...nameListeners]) listener()
    }
    const nextParams = params(next)
    if (nextParams.name === provider.params.name) return
    provider.params = nextParams
    const connected = provider.shouldConnect
    if (connected) provider.disconnect()
    // The server accepts a commenter's update only from a Yjs client id whose every struct
    // was written under the connection's current name (packages/model/src/client-ownership.ts);
    // the old id's comments carry the old name, so the new socket writes under a new id (as Yjs
    // does when it meets its own id in a remote update), its presence too: y-websocket takes
    // the doc's id for the awareness'. Done between the sockets, so each speaks for one id.
    if (role === 'commenter') renewClientId(doc, awareness)
    if (connected) provider.connect()
  })

  return {
    id,
    token,
    doc,
    provider,
    persistence,
    awareness,
    origin,
    roadmap,
    undo,
    get name() {
      return name
    },
    onNameChange(listener) {
      nameListeners.add(listener)
      return () => nameListeners.delete(listener)
    },
    personName,
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      stopFollowingUser()
      undo.destroy()
      awareness.setLocalState(null)
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}

function renewClientId(doc: Y.Doc, awareness: Awareness): void {
  const state = awareness.getLocalState()
  awareness.states.delete(awareness.clientID)
  awareness.meta.delete(awareness.clientID)
  const id = crypto.getRandomValues(new Uint32Array(1))[0]
  doc.clientID = id
  awareness.clientID = id
  if (state !== null) awareness.setLocalState(state)
}

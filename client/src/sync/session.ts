// One live roadmap session: the Y.Doc, its offline copy in IndexedDB, the WebSocket
// provider, the awareness, the model writer and the undo manager. Plain TypeScript;
// React binds to it through hooks (useSession, useConnection, usePresence).
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { ENTITY_KINDS, ROOT, Roadmap, readRoadmap } from '@meridian/model'
import type { Awareness } from 'y-protocols/awareness'
import type { Role } from '../views/types.js'
import type { PresenceState } from './presenceTypes.js'
import type { LocalUser } from './localUser.js'

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
  destroy(): void
}

export function wsBase(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`
}

/** `presence: false` (embeds) watches without appearing among the people in the roadmap. */
export function createSession(
  id: string,
  token: string,
  role: Role,
  user: LocalUser,
  options: { presence?: boolean } = {},
): Session {
  const doc = new Y.Doc()
  // Register the model's snapshot cache before any view subscribes to updates, so its
  // invalidation runs first and subscribers never read a stale snapshot.
  readRoadmap(doc)
  const origin: LocalOrigin = { kind: 'local', session: String(doc.clientID) }
  const persistence = new IndexeddbPersistence(`meridian:${id}`, doc)
  const provider = new WebsocketProvider(wsBase(), id, doc, {
    params: { token },
    disableBc: role === 'viewer',
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
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      undo.destroy()
      awareness.setLocalState(null)
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}

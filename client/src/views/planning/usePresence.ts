// Who else has a given view open, from the awareness states (their `view` field), and who
// the local person is (their presence name signs acceptances).
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { presenceOf } from '../../sync/presenceState.js'
import type { PresenceState, PresenceUser } from '../../sync/presenceTypes.js'

export interface Peer {
  clientId: number
  user: PresenceUser
}

function peersOn(awareness: Awareness, view: string): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((raw, clientId) => {
    if (clientId === awareness.clientID) return
    const state = presenceOf(raw)
    if (!state || state.view !== view) return
    peers.push({ clientId, user: state.user })
  })
  return peers.sort((a, b) => a.clientId - b.clientId)
}

function sameClients(a: Peer[], b: Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.clientId === b[i].clientId && p.user.name === b[i].user.name)
  )
}

/** The other people looking at `view` right now; re-renders when that set changes. */
export function usePeersOnView(awareness: Awareness, view: string): Peer[] {
  const [peers, setPeers] = useState(() => peersOn(awareness, view))
  useEffect(() => {
    const update = (): void => {
      const next = peersOn(awareness, view)
      setPeers((prev) => (sameClients(prev, next) ? prev : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, view])
  return peers
}

function localUser(awareness: Awareness): PresenceUser {
  const state = awareness.getLocalState() as Partial<PresenceState> | null
  return state?.user ?? { name: 'Someone', color: '#64748b', role: 'viewer' }
}

/** The local person's presence (name, colour, role), or a neutral fallback. */
export function useLocalUser(awareness: Awareness): PresenceUser {
  const [user, setUser] = useState(() => localUser(awareness))
  useEffect(() => {
    const update = (): void => {
      const next = localUser(awareness)
      setUser((prev) => (prev.name === next.name && prev.color === next.color ? prev : next))
    }
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return user
}

/** Features other people have selected (awareness `selection`), by feature id. */
export function usePeerSelections(awareness: Awareness): ReadonlyMap<string, PresenceUser[]> {
  const read = (): Map<string, PresenceUser[]> => {
    const map = new Map<string, PresenceUser[]>()
    awareness.getStates().forEach((raw, clientId) => {
      if (clientId === awareness.clientID) return
      const state = presenceOf(raw)
      const selection = state?.selection
      if (!state || !selection || selection.kind !== 'feature') return
      map.set(selection.id, [...(map.get(selection.id) ?? []), state.user])
    })
    return map
  }
  const key = (map: Map<string, PresenceUser[]>): string =>
    JSON.stringify([...map].map(([id, users]) => [id, users.map((u) => [u.name, u.color])]))
  const [selections, setSelections] = useState(read)
  useEffect(() => {
    let last = key(read())
    const update = (): void => {
      const next = read()
      const k = key(next)
      if (k === last) return
      last = k
      setSelections(next)
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
    // `read` and `key` only close over `awareness`.
  }, [awareness])
  return selections
}

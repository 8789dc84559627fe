// Reading and writing awareness (presence) state. Plain functions and one hook.
import { useEffect, useRef, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { presenceOf } from './presenceState.js'
import type { PresenceState } from './presenceTypes.js'

export interface Peer {
  clientId: number
  state: PresenceState
  isLocal: boolean
}

export function setPresence(awareness: Awareness, patch: Partial<PresenceState>): void {
  const current = awareness.getLocalState() as PresenceState | null
  if (!current) return
  awareness.setLocalState({ ...current, ...patch })
}

export function localPresence(awareness: Awareness): PresenceState | null {
  return awareness.getLocalState() as PresenceState | null
}

/**
 * Remote people shown at most: more than a planning session holds is a flood (the server
 * bounds what one connection may announce, but many connections may still announce), and
 * rendering every one of them would stall the views.
 */
export const MAX_RENDERED_PEERS = 64
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((raw, clientId) => {
    const state = presenceOf(raw)
    if (state) peers.push({ clientId, state, isLocal: clientId === awareness.clientID })
  })
  peers.sort((a, b) => (a.isLocal === b.isLocal ? a.clientId - b.clientId : a.isLocal ? -1 : 1))
  const local = peers[0]?.isLocal ? 1 : 0
  return peers.length > local + MAX_RENDERED_PEERS
    ? peers.slice(0, local + MAX_RENDERED_PEERS)
    : peers
}

/**
 * Everyone present, re-read when awareness changes. `filter` limits re-renders to the
 * changes a component cares about (e.g. only pointers) by comparing a derived key.
 */
export function usePeers(
  awareness: Awareness,
  key: (peers: Peer[]) => string = defaultKey,
): Peer[] {
  const [peers, setPeers] = useState(() => readPeers(awareness))
  const rendered = useRef(peers)
  rendered.current = peers
  useEffect(() => {
    // Compare with what was rendered, not with the awareness now: a change that arrived
    // between render and subscription must still be picked up.
    let last = key(rendered.current)
    const onChange = () => {
      const next = readPeers(awareness)
      const k = key(next)
      if (k === last) return
      last = k
      setPeers(next)
    }
    awareness.on('change', onChange)
    onChange()
    return () => awareness.off('change', onChange)
    // `key` is a pure selector: the first one is kept for the subscription.
  }, [awareness])
  return peers
}

function defaultKey(peers: Peer[]): string {
  return JSON.stringify(peers.map((p) => [p.clientId, p.state]))
}

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { MAX_RENDERED_PEERS, readPeers } from './presence.js'

const person = (name: unknown) => ({ user: { name, color: '#336699', role: 'editor' } })

describe('reading presence', () => {
  it('shows oneself first and at most a bounded number of others, ignoring malformed states', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState(person('Me'))
    const states = awareness.getStates()
    for (let i = 1; i <= 500; i++) states.set(awareness.clientID + i, person(`p${i}`))
    states.set(1, person(42))
    states.set(2, person('x'.repeat(10_000)))
    states.set(3, { user: null })
    const peers = readPeers(awareness)
    expect(peers).toHaveLength(1 + MAX_RENDERED_PEERS)
    expect(peers[0]).toMatchObject({ isLocal: true, state: person('Me') })
    expect(peers.slice(1).every((p) => !p.isLocal && typeof p.state.user.name === 'string')).toBe(
      true,
    )
    expect(peers.some((p) => p.clientId <= 3)).toBe(false)
    awareness.destroy()
  })
})

import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { RoomAwareness, encodeAwarenessUpdate } from './awareness.js'
import type { AwarenessChange } from './awareness.js'

const update = (...changes: AwarenessChange[]): Uint8Array =>
  encodeAwarenessUpdate(changes, changes.length)

const stateOf = (aw: RoomAwareness, id: number): unknown => {
  const e = aw.states.get(id)
  return e ? JSON.parse(e.state) : undefined
}

describe('server awareness', () => {
  it('sets user.role from the connection, adding a user when missing', () => {
    const aw = new RoomAwareness()
    const viewer = { open: true }
    const r = aw.apply(
      update(
        { clientId: 1, clock: 1, state: JSON.stringify({ user: { name: 'S', role: 'owner' } }) },
        { clientId: 2, clock: 1, state: JSON.stringify({ cursor: null }) },
      ),
      viewer,
      'viewer',
      0,
    )
    expect(r.ok).toBe(true)
    expect(stateOf(aw, 1)).toEqual({ user: { name: 'S', role: 'viewer' } })
    expect(stateOf(aw, 2)).toEqual({ cursor: null, user: { role: 'viewer' } })
  })

  it("keeps a live connection's ids to itself, and lets a reconnect take them over", () => {
    const aw = new RoomAwareness()
    const a = { open: true }
    const b = { open: true }
    aw.apply(update({ clientId: 7, clock: 3, state: '{"user":{"name":"A"}}' }), a, 'editor', 0)
    const stolen = aw.apply(update({ clientId: 7, clock: 9, state: 'null' }), b, 'editor', 0)
    expect(stolen).toEqual({ ok: true, changes: [] })
    a.open = false
    const back = aw.apply(
      update({ clientId: 7, clock: 3, state: '{"user":{"name":"A"}}' }),
      b,
      'editor',
      0,
    )
    expect(back.ok && back.changes.length).toBe(1)
    // The old connection's removal no longer touches it.
    expect(aw.removeOwner(a)).toEqual([])
    expect(aw.removeOwner(b)).toEqual([{ clientId: 7, clock: 4, state: 'null' }])
  })

  it('ignores stale clocks and reports malformed updates as values', () => {
    const aw = new RoomAwareness()
    const a = { open: true }
    aw.apply(update({ clientId: 1, clock: 5, state: '{"x":1}' }), a, 'editor', 0)
    expect(aw.apply(update({ clientId: 1, clock: 4, state: '{"x":2}' }), a, 'editor', 0)).toEqual({
      ok: true,
      changes: [],
    })
    expect(aw.apply(Uint8Array.of(3, 1), a, 'editor', 0).ok).toBe(false)
    expect(aw.apply(update({ clientId: 2, clock: 1, state: '{bad' }), a, 'editor', 0).ok).toBe(
      false,
    )
  })

  it('leaves out states not renewed for 30 s when greeting a new connection', () => {
    const aw = new RoomAwareness()
    const a = { open: true }
    aw.apply(update({ clientId: 1, clock: 1, state: '{}' }), a, 'editor', 0)
    aw.apply(update({ clientId: 2, clock: 1, state: '{}' }), a, 'editor', 20_000)
    expect(aw.current(35_000).map((c) => c.clientId)).toEqual([2])
    const d = decoding.createDecoder(update(...aw.current(35_000)))
    expect(decoding.readVarUint(d)).toBe(1)
  })
})

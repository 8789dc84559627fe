import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { AWARENESS_LIMITS, RoomAwareness, encodeAwarenessUpdate } from './awareness.js'
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
    const viewer = { open: true, linkId: 'v' }
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
    // one link, two connections: a reconnect
    const a = { open: true, linkId: 'link' }
    const b = { open: true, linkId: 'link' }
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
    expect(aw.removeOwner(a, 0)).toEqual([])
    expect(aw.removeOwner(b, 0)).toEqual([{ clientId: 7, clock: 4, state: 'null' }])
  })

  it('ignores stale clocks and reports malformed updates as values', () => {
    const aw = new RoomAwareness()
    const a = { open: true, linkId: 'a' }
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
    const a = { open: true, linkId: 'a' }
    aw.apply(update({ clientId: 1, clock: 1, state: '{}' }), a, 'editor', 0)
    aw.apply(update({ clientId: 2, clock: 1, state: '{}' }), a, 'editor', 20_000)
    expect(aw.current(35_000).map((c) => c.clientId)).toEqual([2])
    const d = decoding.createDecoder(update(...aw.current(35_000)))
    expect(decoding.readVarUint(d)).toBe(1)
  })

  it('keeps a client id bound to its link for the hold after its connection closed', () => {
    const aw = new RoomAwareness({ ...AWARENESS_LIMITS, claimHoldMs: 60_000 })
    const editor = { open: true, linkId: 'editor-link' }
    const viewer = { open: true, linkId: 'viewer-link' }
    aw.apply(
      update({ clientId: 7, clock: 1, state: '{"user":{"name":"Ed"}}' }),
      editor,
      'editor',
      0,
    )
    editor.open = false
    aw.removeOwner(editor, 1_000)
    const forged = update({ clientId: 7, clock: 2, state: '{"user":{"name":"Fake"}}' })
    expect(aw.apply(forged, viewer, 'viewer', 30_000)).toEqual({ ok: true, changes: [] })
    const back = { open: true, linkId: 'editor-link' }
    const again = aw.apply(
      update({ clientId: 7, clock: 2, state: '{"user":{"name":"Ed"}}' }),
      back,
      'editor',
      40_000,
    )
    expect(again.ok && again.changes.map((c) => JSON.parse(c.state))).toEqual([
      { user: { name: 'Ed', role: 'editor' } },
    ])
    // Once the hold has passed after its last connection closed, the id is free.
    back.open = false
    aw.removeOwner(back, 50_000)
    expect(aw.apply(forged, viewer, 'viewer', 111_000).ok).toBe(true)
    expect(stateOf(aw, 7)).toEqual({ user: { name: 'Fake', role: 'viewer' } })
  })

  it('drops client ids past a connection’s allowance, and refuses larger states or floods', () => {
    const aw = new RoomAwareness({ ...AWARENESS_LIMITS, maxClientIds: 2, maxStateBytes: 300 })
    const a = { open: true, linkId: 'a' }
    const one = (clientId: number, state = '{}'): Uint8Array =>
      update({ clientId, clock: 1, state })
    expect(aw.apply(one(1), a, 'editor', 0).ok).toBe(true)
    expect(aw.apply(one(2), a, 'editor', 0).ok).toBe(true)
    // A third id is dropped quietly: y-websocket clients send back what they receive.
    expect(aw.apply(one(3), a, 'editor', 0)).toEqual({ ok: true, changes: [] })
    const many = update(...[4, 5, 6].map((clientId) => ({ clientId, clock: 1, state: '{}' })))
    expect(aw.apply(many, { open: true, linkId: 'b' }, 'editor', 0)).toMatchObject({ ok: true })
    const big = `{"user":{"name":"${'x'.repeat(300)}"}}`
    expect(aw.apply(one(9, big), { open: true, linkId: 'c' }, 'editor', 0)).toMatchObject({
      ok: false,
      refusal: 'tooLarge',
    })
    const flood = update(
      ...Array.from({ length: 1_000 }, (_, i) => ({ clientId: 100 + i, clock: 1, state: '{}' })),
    )
    expect(aw.apply(flood, { open: true, linkId: 'd' }, 'editor', 0)).toMatchObject({
      ok: false,
      refusal: 'tooLarge',
    })
    expect([...aw.states.keys()]).toEqual([1, 2, 4, 5])
    // An echo of someone else's state, or of its removal, changes nothing.
    expect(
      aw.apply(one(1, '{"user":{"name":"Echo"}}'), { open: true, linkId: 'a' }, 'editor', 0),
    ).toEqual({ ok: true, changes: [] })
    expect(aw.apply(update({ clientId: 4, clock: 2, state: 'null' }), a, 'editor', 0)).toEqual({
      ok: true,
      changes: [],
    })
    expect([...aw.states.keys()]).toEqual([1, 2, 4, 5])
    // Another server instance relays many states at once; it applied the limits itself.
    expect(aw.apply(many, { open: true, linkId: null }, null, 0).ok).toBe(true)
  })

  it('frees a client id another instance announced once it is removed there', () => {
    const aw = new RoomAwareness()
    const peers = { open: true, linkId: null }
    aw.apply(update({ clientId: 5, clock: 1, state: '{"user":{"role":"editor"}}' }), peers, null, 0)
    aw.apply(update({ clientId: 5, clock: 2, state: 'null' }), peers, null, 0)
    const here = aw.apply(
      update({ clientId: 5, clock: 3, state: '{}' }),
      { open: true, linkId: 'moved' },
      'editor',
      0,
    )
    expect(here.ok && here.changes.length).toBe(1)
  })
})

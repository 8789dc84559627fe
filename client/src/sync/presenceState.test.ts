// A peer's editor caret is announced as JSON anyone can forge: only a cursor whose both ends
// resolve in the document reaches the caret plugin; anything else is dropped, never thrown.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { caretAwareness, cursorOf } from './presenceState.js'

const user = { name: 'Peer', color: '#336699', role: 'editor' }

function docWithText(): { doc: Y.Doc; position: unknown } {
  const doc = new Y.Doc()
  const text = doc.getXmlFragment('strategy')
  const p = new Y.XmlText('hello')
  text.insert(0, [p])
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(p, 2))
  return { doc, position }
}

const MALFORMED: [string, unknown][] = [
  ['a number', 5],
  ['an empty object', {}],
  ['null ends', { anchor: null, head: null }],
  ['numbers as ends', { anchor: 5, head: 7 }],
  ['an empty end', { anchor: {}, head: {} }],
  ['a negative client', { anchor: { item: { client: -1, clock: 0 } }, head: {} }],
  ['a huge clock', { anchor: { item: { client: 1, clock: 1e300 } }, head: {} }],
  ['a string clock', { anchor: { item: { client: 1, clock: 'x' } }, head: {} }],
  ['a type name that is not a string', { anchor: { tname: 42 }, head: { tname: 42 } }],
  ['a fractional assoc', { anchor: { tname: 'strategy', assoc: 0.5 }, head: {} }],
  ['a huge array', Array.from({ length: 100_000 }, (_, i) => i)],
  [
    'huge arrays as ends',
    { anchor: new Array(100_000).fill({}), head: new Array(100_000).fill(0) },
  ],
]

describe('a peer caret (cursorOf)', () => {
  it('passes a cursor whose ends resolve in the document', () => {
    const { doc, position } = docWithText()
    expect(cursorOf({ anchor: position, head: position }, doc)).toEqual({
      anchor: position,
      head: position,
    })
  })

  it.each(MALFORMED)('drops %s without throwing', (_, cursor) => {
    const { doc, position } = docWithText()
    expect(cursorOf(cursor, doc)).toBeNull()
    // One good end does not carry a bad one.
    if (typeof cursor === 'object' && cursor !== null && !Array.isArray(cursor)) {
      const bad = (cursor as { anchor?: unknown }).anchor
      expect(cursorOf({ anchor: position, head: bad }, doc)).toBeNull()
    }
  })
})

describe('the awareness the caret plugin sees (caretAwareness)', () => {
  it('keeps the local state, checks every peer, and drops malformed users and cursors', () => {
    const { doc, position } = docWithText()
    const awareness = new Awareness(doc)
    awareness.setLocalState({ user, cursor: { anchor: position, head: position } })
    const states = awareness.getStates()
    const id = awareness.clientID
    states.set(id + 1, { user, cursor: { anchor: position, head: position } })
    MALFORMED.forEach(([, cursor], i) => states.set(id + 10 + i, { user, cursor }))
    states.set(id + 2, { user: {}, cursor: { anchor: position, head: position } })
    // A peer can send any JSON as its state, not only an object.
    ;(states as Map<number, unknown>).set(id + 3, 5)

    const seen = caretAwareness(awareness).getStates()
    expect(seen.get(id)).toBe(states.get(id))
    expect(seen.get(id + 1)).toMatchObject({ user, cursor: { anchor: position, head: position } })
    MALFORMED.forEach((_, i) => expect(seen.get(id + 10 + i)).toMatchObject({ cursor: null }))
    expect(seen.has(id + 2)).toBe(false)
    expect(seen.has(id + 3)).toBe(false)
    awareness.destroy()
  })
})

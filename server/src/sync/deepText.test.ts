// Deeply nested rich text at the room: restoring a clean snapshot over text nested 1,500 levels
// deep (Room.change on a scratch copy, syncRoadmapDoc) stores and relays the text as the
// snapshot holds it; an update nesting deeper than MAX_NESTING is refused with 4422, before it
// is stored or relayed.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { syncRoadmapDoc } from '../roadmaps/syncDoc.js'
import { storedParts } from '../store/store.js'
import { ID, world } from '../testing/roomWorld.js'
import type { Client } from '../testing/roomWorld.js'
import { CLOSE } from './closeCodes.js'
import { MAX_NESTING } from './nesting.js'
import { ORIGIN } from './origins.js'
import { encodeUpdate } from './protocol.js'
import type { Rooms } from './rooms.js'

const DEPTH = 1500
const CLEAN = '<paragraph>Win the mid-market</paragraph>'

const opened: Rooms[] = []
afterEach(async () => {
  for (const rooms of opened.splice(0)) await rooms.closeAll()
})

/** Runs `edit` on an editor's own document and sends what it changed, as a provider does. */
function write(client: Client, doc: Y.Doc, edit: (strategy: Y.XmlFragment) => void): void {
  const before = Y.encodeStateVector(doc)
  doc.transact(() => edit(doc.getXmlFragment('strategy')))
  client.send(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))
}

function nestDeep(strategy: Y.XmlFragment, depth = DEPTH): void {
  let parent: Y.XmlFragment = strategy
  for (let i = 0; i < depth; i++) {
    const element = new Y.XmlElement('blockquote')
    parent.insert(0, [element])
    parent = element
  }
  parent.insert(0, [new Y.XmlText('deep')])
}

describe('restoring a clean snapshot over 1,500-level rich text', () => {
  it('stores and relays the clean text', async () => {
    const { clock, store, rooms, connect } = await world()
    opened.push(rooms)
    const editor = await connect()
    const watcher = await connect()
    const own = new Y.Doc()
    // A paragraph, then its text in a second transaction: what an editor's typing sends.
    const paragraph = new Y.XmlElement('paragraph')
    write(editor, own, (s) => s.insert(0, [paragraph]))
    write(editor, own, () => paragraph.insert(0, [new Y.XmlText('Win the mid-market')]))
    await clock.settle()
    const room = rooms.get(ID)
    const clean = Y.encodeStateAsUpdate(room.doc())
    write(editor, own, (s) => nestDeep(s))
    await clock.settle()
    expect(room.doc().getXmlFragment('strategy').length).toBe(2)

    const target = new Y.Doc()
    Y.applyUpdate(target, clean)
    const restoring = room.change(ORIGIN.restore, (doc) => syncRoadmapDoc(doc, target))
    await clock.settle()
    await restoring

    const stored = new Y.Doc()
    for (const part of storedParts(await store.loadDoc(ID))) Y.applyUpdate(stored, part)
    expect(stored.getXmlFragment('strategy').toString()).toBe(CLEAN)
    const seen = new Y.Doc()
    for (const f of [...watcher.frames('step2'), ...watcher.frames('update')])
      if ('payload' in f) Y.applyUpdate(seen, f.payload)
    expect(seen.getXmlFragment('strategy').toString()).toBe(CLEAN)
  })
})

describe('an update nesting deeper than MAX_NESTING', () => {
  it('closes its sender with 4422; nothing of it is stored or relayed', async () => {
    const { clock, store, rooms, connect } = await world()
    opened.push(rooms)
    const editor = await connect()
    const watcher = await connect()
    const own = new Y.Doc()
    // Elements down to level MAX_NESTING - 1, their text at MAX_NESTING: taken.
    write(editor, own, (s) => nestDeep(s, MAX_NESTING - 1))
    await clock.settle()
    expect(watcher.frames('update')).toHaveLength(1)
    // A paragraph with text below the deepest element reaches MAX_NESTING + 1.
    let deepest = own.getXmlFragment('strategy').get(0) as Y.XmlElement
    while (deepest.get(0) instanceof Y.XmlElement) deepest = deepest.get(0) as Y.XmlElement
    write(editor, own, () => {
      const paragraph = new Y.XmlElement('paragraph')
      deepest.insert(0, [paragraph])
      paragraph.insert(0, [new Y.XmlText('too deep')])
    })
    await clock.settle()
    expect(editor.socket.closedWith).toEqual(CLOSE.nestingTooDeep)
    expect(watcher.frames('update')).toHaveLength(1)
    await rooms.closeAll()
    const stored = new Y.Doc()
    for (const part of storedParts(await store.loadDoc(ID))) Y.applyUpdate(stored, part)
    let level = 0
    let node: unknown = stored.getXmlFragment('strategy').get(0)
    while (node instanceof Y.XmlElement) {
      level++
      node = node.get(0)
    }
    expect(level).toBe(MAX_NESTING - 1)
  })
})

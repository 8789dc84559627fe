// The nesting of what a transaction changed: counted without recursion, at any depth.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nestsTooDeep } from './nesting.js'

/** `levels` nested elements under the fragment `name`, in one update. */
function nested(levels: number, name = 'strategy'): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    let parent: Y.XmlFragment = doc.getXmlFragment(name)
    for (let i = 0; i < levels; i++) {
      const element = new Y.XmlElement('blockquote')
      parent.insert(0, [element])
      parent = element
    }
  })
  return Y.encodeStateAsUpdate(doc)
}

function tooDeep(doc: Y.Doc, update: Uint8Array, max: number): boolean {
  let deep = false
  doc.transact((tr) => {
    Y.applyUpdate(doc, update)
    deep = nestsTooDeep(tr, max)
  })
  return deep
}

describe('nestsTooDeep', () => {
  it('counts the levels of the content a transaction adds', () => {
    expect(tooDeep(new Y.Doc(), nested(10), 10)).toBe(false)
    expect(tooDeep(new Y.Doc(), nested(11), 10)).toBe(true)
  })

  it('counts the levels already in the document under the change', () => {
    const doc = new Y.Doc()
    const own = new Y.Doc()
    Y.applyUpdate(own, nested(8))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(own))
    let deepest: Y.XmlElement = own.getXmlFragment('strategy').get(0) as Y.XmlElement
    while (deepest.length > 0) deepest = deepest.get(0) as Y.XmlElement
    const before = Y.encodeStateVector(own)
    deepest.insert(0, [new Y.XmlElement('p')])
    const one = Y.encodeStateAsUpdate(own, before)
    expect(tooDeep(doc, one, 9)).toBe(false)
    const again = Y.encodeStateVector(own)
    ;(deepest.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('deep')])
    expect(tooDeep(doc, Y.encodeStateAsUpdate(own, again), 9)).toBe(true)
  })

  it('reads 20,000 levels without running out of stack', () => {
    expect(tooDeep(new Y.Doc(), nested(20_000), 2_000)).toBe(true)
  })

  it('lets ordinary edits and deletions through', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, nested(1_500))
    const own = new Y.Doc()
    Y.applyUpdate(own, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(own)
    own.getXmlFragment('strategy').delete(0, 1)
    own.getMap('roadmap').set('title', 'Plan')
    expect(tooDeep(doc, Y.encodeStateAsUpdate(own, before), 2_000)).toBe(false)
  })
})

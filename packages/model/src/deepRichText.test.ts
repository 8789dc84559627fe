// Rich text nested far deeper than anyone writes (a peer can: Yjs accepts any nesting) is read
// without recursion and exported flattened below MAX_RICH_DEPTH, so the export stays valid
// JSON that imports again, with every word kept.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportRoadmap } from './export.js'
import { importRoadmap } from './import.js'
import { encodeRichText, flattenRichText, isRichTextTooDeep, MAX_RICH_DEPTH } from './yjs-json.js'
import type { RichNode } from './yjs-json.js'

/** `depth` nested blockquotes holding "deep", then a shallow paragraph "after". */
function deepStrategy(depth: number): Y.Doc {
  const doc = new Y.Doc()
  const strategy = doc.getXmlFragment('strategy')
  let parent: Y.XmlFragment = strategy
  for (let i = 0; i < depth; i++) {
    const element = new Y.XmlElement('blockquote')
    parent.insert(0, [element])
    parent = element
  }
  parent.insert(0, [new Y.XmlText('deep')])
  const after = new Y.XmlElement('paragraph')
  strategy.insert(1, [after])
  after.insert(0, [new Y.XmlText('after')])
  return doc
}

/** Depth of the deepest element and every text, in document order; without recursion. */
function shape(nodes: readonly RichNode[]): { depth: number; texts: string[] } {
  let depth = 0
  const texts: string[] = []
  const stack: Array<{ node: RichNode; level: number }> = nodes
    .map((node) => ({ node, level: 1 }))
    .reverse()
  while (stack.length > 0) {
    const { node, level } = stack.pop()!
    if (node.type === 'text') {
      texts.push(node.delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''))
      continue
    }
    depth = Math.max(depth, level)
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, level: level + 1 })
    }
  }
  return { depth, texts }
}

describe('rich text nested 1,500 levels deep', () => {
  it('exports flattened at MAX_RICH_DEPTH with every text, as JSON that imports again', () => {
    const doc = deepStrategy(1500)
    expect(isRichTextTooDeep(doc.getXmlFragment('strategy'))).toBe(true)
    const exported = exportRoadmap(doc)
    expect(shape(exported.strategy)).toEqual({ depth: MAX_RICH_DEPTH, texts: ['deep', 'after'] })
    const result = importRoadmap(JSON.parse(JSON.stringify(exported)))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const strategy = result.doc.getXmlFragment('strategy')
    expect(isRichTextTooDeep(strategy)).toBe(false)
    expect(shape(encodeRichText(strategy))).toEqual({
      depth: MAX_RICH_DEPTH,
      texts: ['deep', 'after'],
    })
  })

  it('flattens in place so editors can bind again; leaves sane text alone', () => {
    const doc = deepStrategy(1500)
    const strategy = doc.getXmlFragment('strategy')
    expect(doc.transact(() => flattenRichText(strategy), 'test')).toBe(true)
    expect(isRichTextTooDeep(strategy)).toBe(false)
    expect(strategy.toString()).toContain('deep')
    const sane = deepStrategy(3)
    const before = sane.getXmlFragment('strategy').toString()
    expect(flattenRichText(sane.getXmlFragment('strategy'))).toBe(false)
    expect(sane.getXmlFragment('strategy').toString()).toBe(before)
    expect(before).toBe(
      '<blockquote><blockquote><blockquote>deep</blockquote></blockquote></blockquote><paragraph>after</paragraph>',
    )
  })
})

// Lossless JSON for Yjs content: rich text trees and the Yjs types a newer client may have
// stored in a field this version does not know.
//
// Rich text (a Y.XmlFragment, as Tiptap / y-prosemirror write it) is a list of nodes:
//   { type: 'element', name, attrs?, children }   a Y.XmlElement
//   { type: 'text', delta, attrs? }                a Y.XmlText: its delta keeps the formatting
// Other field values are plain JSON, except Yjs types, which are tagged objects:
//   { $richText: nodes } { $array: values } { $map: { key: value } } { $text: delta }
//   { $xmlElement: node } { $xmlText: node } { $binary: base64 }
// and a plain object that itself has a `$…` key is wrapped as { $json: object }.

import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export interface DeltaOp {
  insert: string | { [key: string]: JsonValue }
  attributes?: { [key: string]: JsonValue }
}

export interface RichElement {
  type: 'element'
  name: string
  attrs?: { [key: string]: JsonValue }
  children: RichNode[]
}

export interface RichTextNode {
  type: 'text'
  delta: DeltaOp[]
  attrs?: { [key: string]: JsonValue }
}

export type RichNode = RichElement | RichTextNode

export const TAGS = [
  '$richText',
  '$array',
  '$map',
  '$text',
  '$xmlElement',
  '$xmlText',
  '$binary',
  '$json',
] as const
export type Tag = (typeof TAGS)[number]

// ---- encoding -------------------------------------------------------------------------

/**
 * Rich text nests at most this many elements deep in JSON. Yjs accepts any nesting, but
 * JSON.stringify, JSON.parse and editors overflow the stack somewhere past a thousand levels,
 * and an import refuses JSON nested deeper than `MAX_IMPORT_DEPTH` (256; two levels per
 * element). From this depth on, only elements that hold text alone (paragraphs, headings) are
 * kept; the ones around them are left out and their content hoisted into the deepest element
 * kept, in document order: nothing a person could write is lost, and what is left still fits
 * the editor's schema.
 */
export const MAX_RICH_DEPTH = 100

/** Rich text as JSON, without recursion, flattened below `MAX_RICH_DEPTH` (see there). */
export function encodeRichText(fragment: Y.XmlFragment): RichNode[] {
  return encodeNodes(fragment.toArray())
}

function encodeNodes(nodes: readonly unknown[]): RichNode[] {
  const out: RichNode[] = []
  const stack: Array<{ node: unknown; into: RichNode[]; depth: number }> = []
  const pushAll = (children: readonly unknown[], into: RichNode[], depth: number) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], into, depth })
  }
  const pushChildren = (parent: Y.XmlFragment, into: RichNode[], depth: number) =>
    pushAll(parent.toArray(), into, depth)
  pushAll(nodes, out, 1)
  while (stack.length > 0) {
    const { node, into, depth } = stack.pop()!
    if (node instanceof Y.XmlElement) {
      if (depth >= MAX_RICH_DEPTH && holdsElements(node)) {
        pushChildren(node, into, depth)
        continue
      }
      const element: RichElement = { type: 'element', name: node.nodeName, children: [] }
      const attrs = plainAttributes(node.getAttributes())
      if (attrs) element.attrs = attrs
      into.push(element)
      pushChildren(node, element.children, depth + 1)
    } else if (node instanceof Y.XmlText) {
      into.push(encodeTextNode(node))
    }
    // Y.XmlHook and anything else: not written by any editor Meridian ships.
  }
  return out
}

function holdsElements(node: Y.XmlElement): boolean {
  return node.toArray().some((child) => child instanceof Y.XmlElement)
}

/** Whether an element of `fragment` nests deeper than `MAX_RICH_DEPTH`; without recursion. */
export function isRichTextTooDeep(fragment: Y.XmlFragment): boolean {
  const stack: Array<{ node: Y.XmlFragment; depth: number }> = [{ node: fragment, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (depth + 1 > MAX_RICH_DEPTH) return true
      stack.push({ node: child, depth: depth + 1 })
    }
  }
  return false
}

/**
 * Rewrites `fragment` as `encodeRichText` reads it when it nests too deep (what the export and
 * a restore keep), so editors can bind to it again; false when there was nothing to do. Call
 * inside a transaction with an origin.
 */
export function flattenRichText(fragment: Y.XmlFragment): boolean {
  if (!isRichTextTooDeep(fragment)) return false
  const nodes = encodeRichText(fragment)
  fragment.delete(0, fragment.length)
  fillRichText(fragment, nodes)
  return true
}

function encodeTextNode(node: Y.XmlText): RichTextNode {
  const text: RichTextNode = { type: 'text', delta: encodeDelta(node.toDelta()) }
  const attrs = plainAttributes(node.getAttributes())
  if (attrs) text.attrs = attrs
  return text
}

function plainAttributes(
  attributes: Record<string, unknown>,
): { [key: string]: JsonValue } | undefined {
  const keys = Object.keys(attributes)
    .filter((key) => attributes[key] !== undefined)
    .sort()
  if (keys.length === 0) return undefined
  const out: { [key: string]: JsonValue } = {}
  for (const key of keys) out[key] = toJson(attributes[key])
  return out
}

function encodeDelta(delta: unknown): DeltaOp[] {
  if (!Array.isArray(delta)) return []
  const ops: DeltaOp[] = []
  for (const raw of delta as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    let insert: DeltaOp['insert']
    if (typeof raw.insert === 'string') insert = raw.insert
    else if (raw.insert instanceof Y.AbstractType) insert = { $yjs: toJson(raw.insert.toJSON()) }
    else if (typeof raw.insert === 'object' && raw.insert !== null) {
      insert = toJson(raw.insert) as { [key: string]: JsonValue }
    } else continue
    const op: DeltaOp = { insert }
    const attributes = raw.attributes ? plainAttributes(raw.attributes) : undefined
    if (attributes) op.attributes = attributes
    ops.push(op)
  }
  return ops
}

/** A field value as JSON: plain values as they are, Yjs types tagged (see the top). */
export function encodeValue(value: unknown): JsonValue {
  if (value instanceof Y.XmlElement) return { $xmlElement: toJson(encodeNodes([value])[0]) }
  if (value instanceof Y.XmlText) return { $xmlText: toJson(encodeTextNode(value)) }
  if (value instanceof Y.XmlFragment) return { $richText: toJson(encodeRichText(value)) }
  if (value instanceof Y.Text) return { $text: toJson(encodeDelta(value.toDelta())) }
  if (value instanceof Y.Array) return { $array: value.toArray().map((item) => encodeValue(item)) }
  if (value instanceof Y.Map) {
    const entries: { [key: string]: JsonValue } = {}
    for (const key of [...value.keys()].sort()) {
      const item: unknown = value.get(key)
      if (item !== undefined) entries[key] = encodeValue(item)
    }
    return { $map: entries }
  }
  if (value instanceof Uint8Array) return { $binary: toBase64(value) }
  if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'))) {
    return { $json: toJson(value) }
  }
  return toJson(value)
}

/** Plain data to JSON: drops `undefined`, turns non-finite numbers and other oddities to null. */
export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toJson(item)))
  if (isPlainObject(value)) {
    const out: { [key: string]: JsonValue } = {}
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined) out[key] = toJson(value[key])
    }
    return out
  }
  if (value instanceof Y.AbstractType) return toJson(value.toJSON())
  return null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  )
}

// ---- decoding (input already validated by json-schema.ts) ------------------------------

/**
 * Fills an empty, integrated fragment (or element) with `nodes`, level by level without
 * recursion: Yjs can only fill a type once it is in the document.
 */
export function fillRichText(parent: Y.XmlFragment, nodes: readonly RichNode[]): void {
  const stack: Array<{ parent: Y.XmlFragment; nodes: readonly RichNode[] }> = [{ parent, nodes }]
  while (stack.length > 0) {
    const level = stack.pop()!
    level.parent.insert(
      0,
      level.nodes.map((node) =>
        node.type === 'element' ? new Y.XmlElement(node.name) : new Y.XmlText(),
      ),
    )
    level.nodes.forEach((node, index) => {
      const target = level.parent.get(index)
      if (node.type === 'element' && target instanceof Y.XmlElement) {
        for (const [key, value] of Object.entries(node.attrs ?? {})) {
          target.setAttribute(key, value as string)
        }
        stack.push({ parent: target, nodes: node.children })
      } else if (node.type === 'text' && target instanceof Y.XmlText) fillText(target, node)
    })
  }
}

function fillElement(element: Y.XmlElement, node: RichElement): void {
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    element.setAttribute(key, value as string)
  }
  fillRichText(element, node.children)
}

function fillText(text: Y.XmlText, node: RichTextNode): void {
  for (const [key, value] of Object.entries(node.attrs ?? {}))
    text.setAttribute(key, value as string)
  text.applyDelta(node.delta.map((op) => ({ insert: op.insert, attributes: op.attributes ?? {} })))
}

/** Writes an encoded field value (see the top) into `map` under `key`. */
export function writeDecoded(map: Y.Map<unknown>, key: string, value: JsonValue): void {
  const decoded = decode(value)
  map.set(key, decoded.value)
  decoded.fill?.()
}

interface Decoded {
  value: unknown
  /** Fills a Yjs type once it is in the document (they can only be filled then). */
  fill?: () => void
}

function decode(value: JsonValue): Decoded {
  const tagged = taggedOf(value)
  if (!tagged) return { value }
  const [tag, content] = tagged
  switch (tag) {
    case '$json':
      return { value: content }
    case '$binary':
      return { value: fromBase64(content as string) }
    case '$richText': {
      const fragment = new Y.XmlFragment()
      return {
        value: fragment,
        fill: () => fillRichText(fragment, content as unknown as RichNode[]),
      }
    }
    case '$xmlElement': {
      const node = content as unknown as RichElement
      const element = new Y.XmlElement(node.name)
      return { value: element, fill: () => fillElement(element, node) }
    }
    case '$xmlText': {
      const text = new Y.XmlText()
      return { value: text, fill: () => fillText(text, content as unknown as RichTextNode) }
    }
    case '$text': {
      const text = new Y.Text()
      return { value: text, fill: () => text.applyDelta(content as unknown as DeltaOp[]) }
    }
    case '$array': {
      const array = new Y.Array<unknown>()
      const fill = () => {
        ;(content as JsonValue[]).forEach((item, index) => {
          const decoded = decode(item)
          array.insert(index, [decoded.value])
          decoded.fill?.()
        })
      }
      return { value: array, fill }
    }
    case '$map': {
      const child = new Y.Map<unknown>()
      const fill = () => {
        for (const [key, item] of Object.entries(content as { [key: string]: JsonValue })) {
          writeDecoded(child, key, item)
        }
      }
      return { value: child, fill }
    }
    default: {
      const unreachable: never = tag
      throw new Error(`unknown tag ${String(unreachable)}`)
    }
  }
}

/** `[tag, content]` when `value` is a one-key object whose key is a tag. */
export function taggedOf(value: unknown): [Tag, JsonValue] | null {
  if (!isPlainObject(value)) return null
  const keys = Object.keys(value)
  if (keys.length !== 1) return null
  const tag = keys[0] as Tag
  return (TAGS as readonly string[]).includes(tag) ? [tag, value[tag] as JsonValue] : null
}

// Makes one roadmap document's content equal to another's, in place, as a set of ordinary
// edits: entries missing from the target are deleted, changed fields are set, rich text is
// replaced inside the existing fragment. Run inside one transaction, it turns "restore this
// snapshot" into a new change on top of the current document that every client merges.
import * as Y from 'yjs'
import {
  encodeRichText,
  ENTITY_KINDS,
  fillRichText,
  isRichTextTooDeep,
  ROOT,
} from '@meridian/model'

const json = (v: unknown): string => JSON.stringify(v) ?? 'undefined'

function cloneValue(v: unknown): unknown {
  return v instanceof Y.AbstractType ? v.clone() : v
}

// Yjs's own toString and clone recurse, and overflow the stack on rich text nested a thousand
// levels deep (a peer can write that): such text is compared and copied as the model's
// flattened JSON instead (see MAX_RICH_DEPTH), which never recurses.
function syncXml(cur: Y.XmlFragment, tgt: Y.XmlFragment): void {
  const deep = isRichTextTooDeep(cur) || isRichTextTooDeep(tgt)
  if (!deep && cur.toString() === tgt.toString()) return
  if (cur.length > 0) cur.delete(0, cur.length)
  if (isRichTextTooDeep(tgt)) {
    fillRichText(cur, encodeRichText(tgt))
    return
  }
  const children: (Y.XmlElement | Y.XmlText)[] = []
  for (const c of tgt.toArray()) if (!(c instanceof Y.XmlHook)) children.push(c.clone())
  if (children.length > 0) cur.insert(0, children)
}

/** A copy of a fragment or element to set into a map (filled once it is in the document). */
function setXmlCopy(cur: Y.Map<unknown>, key: string, tgt: Y.XmlFragment): void {
  if (!isRichTextTooDeep(tgt)) {
    cur.set(key, tgt.clone())
    return
  }
  const copy = tgt instanceof Y.XmlElement ? new Y.XmlElement(tgt.nodeName) : new Y.XmlFragment()
  if (copy instanceof Y.XmlElement && tgt instanceof Y.XmlElement) {
    for (const [name, value] of Object.entries(tgt.getAttributes())) copy.setAttribute(name, value)
  }
  cur.set(key, copy)
  fillRichText(copy, encodeRichText(tgt))
}

function syncText(cur: Y.Text, tgt: Y.Text): void {
  const delta: unknown = tgt.toDelta()
  if (json(cur.toDelta()) === json(delta)) return
  if (cur.length > 0) cur.delete(0, cur.length)
  cur.applyDelta(tgt.toDelta() as never)
}

function syncArray(cur: Y.Array<unknown>, tgt: Y.Array<unknown>): void {
  if (json(cur.toJSON()) === json(tgt.toJSON())) return
  if (cur.length > 0) cur.delete(0, cur.length)
  cur.insert(0, tgt.toArray().map(cloneValue))
}

function sameKind(a: unknown, b: object): boolean {
  return a !== null && typeof a === 'object' && a.constructor === b.constructor
}

export function syncMap(cur: Y.Map<unknown>, tgt: Y.Map<unknown>): void {
  for (const key of [...cur.keys()]) if (!tgt.has(key)) cur.delete(key)
  for (const [key, t] of tgt.entries()) {
    const c = cur.get(key)
    if (t instanceof Y.Map) {
      if (sameKind(c, t)) syncMap(c as Y.Map<unknown>, t)
      else cur.set(key, t.clone())
    } else if (t instanceof Y.XmlElement) {
      if (
        sameKind(c, t) &&
        (c as Y.XmlElement).nodeName === t.nodeName &&
        json((c as Y.XmlElement).getAttributes()) === json(t.getAttributes())
      ) {
        syncXml(c as Y.XmlElement, t)
      } else setXmlCopy(cur, key, t)
    } else if (t instanceof Y.XmlFragment) {
      if (sameKind(c, t)) syncXml(c as Y.XmlFragment, t)
      else setXmlCopy(cur, key, t)
    } else if (t instanceof Y.Text) {
      if (sameKind(c, t)) syncText(c as Y.Text, t)
      else cur.set(key, t.clone())
    } else if (t instanceof Y.Array) {
      if (sameKind(c, t)) syncArray(c as Y.Array<unknown>, t as Y.Array<unknown>)
      else cur.set(key, t.clone())
    } else if (t instanceof Y.AbstractType) {
      cur.set(key, t.clone())
    } else if (c instanceof Y.AbstractType || json(c) !== json(t)) {
      cur.set(key, t)
    }
  }
}

/** Sets every root of `current` (schema v1) to the content of `target`. Call inside a transaction. */
export function syncRoadmapDoc(current: Y.Doc, target: Y.Doc): void {
  syncMap(current.getMap(ROOT.roadmap), target.getMap(ROOT.roadmap))
  syncXml(current.getXmlFragment(ROOT.strategy), target.getXmlFragment(ROOT.strategy))
  for (const kind of ENTITY_KINDS) syncMap(current.getMap(ROOT[kind]), target.getMap(ROOT[kind]))
}

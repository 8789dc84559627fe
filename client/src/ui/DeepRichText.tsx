import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { RichNode, Roadmap } from '@meridian/model'
import { encodeRichText, flattenRichText, MAX_RICH_DEPTH } from '@meridian/model'
import './deepRichText.css'

/**
 * Rich text that nests deeper than the editor can open (the strategy, a description): its
 * text, read-only and in document order, under a notice that says why; editors can repair it
 * (flattened below MAX_RICH_DEPTH, every word kept), which opens the editor again for all.
 */
export function DeepRichText({
  roadmap,
  fragment,
  readOnly,
  className,
}: {
  roadmap: Roadmap
  fragment: Y.XmlFragment
  readOnly: boolean
  className?: string
}) {
  const paragraphs = useMemo(() => textsOf(encodeRichText(fragment)), [fragment])
  return (
    <div className={`deep-text ${className ?? ''}`} data-testid="rich-text-too-deep">
      <div className="deep-text__notice" role="status">
        <p>
          This text is nested more than {MAX_RICH_DEPTH} levels deep, more than the editor can open.
          Its text is shown below, read-only.
        </p>
        {readOnly ? null : (
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => roadmap.doc.transact(() => flattenRichText(fragment), roadmap.origin)}
          >
            Repair and edit
          </button>
        )}
      </div>
      <div className="deep-text__body">
        {paragraphs.map((text, index) => (
          <p key={index}>{text}</p>
        ))}
      </div>
    </div>
  )
}

/** Every text node's plain text, in document order; without recursion. */
function textsOf(nodes: readonly RichNode[]): string[] {
  const texts: string[] = []
  const stack = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') {
      const text = node.delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
      if (text !== '') texts.push(text)
    } else {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
    }
  }
  return texts
}

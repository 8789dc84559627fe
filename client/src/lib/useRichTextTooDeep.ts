// Whether a rich-text fragment nests deeper than the model reads (MAX_RICH_DEPTH), kept current
// as peers edit it. Tiptap's Yjs binding converts the fragment recursively and overflows the
// stack on such text, so a view checks before it binds an editor (see DeepRichText).
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { isRichTextTooDeep } from '@meridian/model'

/**
 * Calls `onTooDeep` in `beforeObserverCalls` (before any observer of the fragment runs) of
 * every transaction that changes `fragment` and leaves it too deep. Returns the unsubscribe.
 */
export function watchDepth(fragment: Y.XmlFragment, onTooDeep: () => void): () => void {
  const doc = fragment.doc
  if (!doc) return () => {}
  const check = (transaction: Y.Transaction) => {
    if (touches(transaction, fragment) && isRichTextTooDeep(fragment)) onTooDeep()
  }
  doc.on('beforeObserverCalls', check)
  return () => doc.off('beforeObserverCalls', check)
}

function touches(transaction: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const type of transaction.changed.keys()) {
    let current: unknown = type
    while (current instanceof Y.AbstractType) {
      if (current === fragment) return true
      current = current._item?.parent ?? null
    }
  }
  return false
}

export function useRichTextTooDeep(fragment: Y.XmlFragment): boolean {
  const [tooDeep, setTooDeep] = useState(() => isRichTextTooDeep(fragment))
  useEffect(() => {
    const check = () => setTooDeep(isRichTextTooDeep(fragment))
    check()
    const stop = watchDepth(fragment, () => setTooDeep(true))
    fragment.observeDeep(check)
    return () => {
      stop()
      fragment.unobserveDeep(check)
    }
  }, [fragment])
  return tooDeep
}

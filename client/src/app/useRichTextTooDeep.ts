// Whether a rich-text fragment nests deeper than the model reads (MAX_RICH_DEPTH), kept current
// as peers edit it. Tiptap converts the fragment recursively and overflows the stack on such
// text, so the view must know before it binds an editor.
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { isRichTextTooDeep } from '@meridian/model'

export function useRichTextTooDeep(fragment: Y.XmlFragment): boolean {
  const [tooDeep, setTooDeep] = useState(() => isRichTextTooDeep(fragment))
  useEffect(() => {
    const check = () => setTooDeep(isRichTextTooDeep(fragment))
    check()
    fragment.observeDeep(check)
    return () => fragment.unobserveDeep(check)
  }, [fragment])
  return tooDeep
}

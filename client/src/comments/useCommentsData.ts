// The roadmap's comments as the model reads them, and the open count of one entity; each
// re-renders only when what it returns changes.
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { openCommentCount, readComments } from '@meridian/model'
import type { CommentableKind, CommentsData } from '@meridian/model'
import { useCommentsContext } from './CommentsContext.js'

function useSubscribe(doc: Y.Doc | null) {
  return useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      doc.on('update', onChange)
      return () => doc.off('update', onChange)
    },
    [doc],
  )
}

const EMPTY: CommentsData = { threads: [] }

export function useCommentsData(doc: Y.Doc | null): CommentsData {
  const subscribe = useSubscribe(doc)
  return useSyncExternalStore(subscribe, () => (doc ? readComments(doc) : EMPTY))
}

/** Comments not deleted in open threads on one entity (0 outside a comments context). */
export function useCommentCount(kind: CommentableKind, id: string): number {
  const doc = useCommentsContext()?.doc ?? null
  const subscribe = useSubscribe(doc)
  return useSyncExternalStore(subscribe, () =>
    doc ? openCommentCount(readComments(doc), kind, id) : 0,
  )
}

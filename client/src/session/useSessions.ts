// The roadmap's planning sessions, re-read when the document changes, and the writer that
// carries this tab's origin.
import { useMemo, useRef, useSyncExternalStore, useCallback } from 'react'
import type * as Y from 'yjs'
import { readSessions, Sessions } from '@meridian/model'
import type { PlanningSession } from '@meridian/model'
import type { LocalOrigin } from '../sync/session.js'

export function useSessions(doc: Y.Doc): PlanningSession[] {
  const cache = useRef<{ sessions: PlanningSession[]; key: string } | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => {
        cache.current = null
        onChange()
      }
      doc.on('update', handler)
      return () => doc.off('update', handler)
    },
    [doc],
  )
  const snapshot = useCallback(() => {
    if (cache.current) return cache.current.sessions
    const sessions = readSessions(doc)
    const key = JSON.stringify(sessions)
    // Keep the previous array when nothing in the sessions changed (an edit elsewhere).
    const previous = cacheKey.get(doc)
    if (previous && previous.key === key) {
      cache.current = previous
      return previous.sessions
    }
    cache.current = { sessions, key }
    cacheKey.set(doc, cache.current)
    return sessions
  }, [doc])
  return useSyncExternalStore(subscribe, snapshot)
}

const cacheKey = new WeakMap<Y.Doc, { sessions: PlanningSession[]; key: string }>()

export function useSessionWriter(doc: Y.Doc, origin: LocalOrigin): Sessions {
  return useMemo(() => new Sessions(doc, { origin }), [doc, origin])
}

import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { readRoadmap } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'

/** The current plain snapshot of the roadmap; re-renders on every document change. */
export function useRoadmapData(doc: Y.Doc): RoadmapData {
  const subscribe = useCallback(
    (onChange: () => void) => {
      doc.on('update', onChange)
      return () => doc.off('update', onChange)
    },
    [doc],
  )
  const snapshot = useCallback(() => readRoadmap(doc), [doc])
  return useSyncExternalStore(subscribe, snapshot)
}

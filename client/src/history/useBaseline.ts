// The roadmap's baseline: one snapshot an owner sets, kept in the roadmap's meta map
// (`baselineSnapshotId`, a string or absent) so every client sees it live. Its comparison
// with the live roadmap gives the timeline its baseline ghost bars (when shown) and the
// report each feature's and milestone's slip against it.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { BASELINE_KEY, ROOT, compareRoadmaps, importRoadmap, readRoadmap } from '@meridian/model'
import type { IsoDate, RoadmapComparison, RoadmapData } from '@meridian/model'
import type { Session } from '../sync/session.js'
import { readSnapshot } from './historyApi.js'
import type { Snapshot } from './historyApi.js'

export { BASELINE_KEY }

export interface BaselineState {
  id: string | null
  set(id: string | null): void
  /** Its ghost bars drawn on the timeline. */
  shown: boolean
  setShown(shown: boolean): void
  snapshot: Snapshot | null
  /** The baseline against the live roadmap, once loaded (for the ghosts and the report). */
  comparison: RoadmapComparison | null
}

export function useBaseline(session: Session, live: RoadmapData, today: IsoDate): BaselineState {
  const meta = session.doc.getMap(ROOT.roadmap)
  const subscribe = useCallback(
    (onChange: () => void) => {
      meta.observe(onChange)
      return () => meta.unobserve(onChange)
    },
    [meta],
  )
  const id = useSyncExternalStore(subscribe, () => {
    const v = meta.get(BASELINE_KEY)
    return typeof v === 'string' && v ? v : null
  })
  const [shown, setShown] = useState(false)
  const [loaded, setLoaded] = useState<{ snapshot: Snapshot; data: RoadmapData } | null>(null)
  useEffect(() => {
    if (!id || loaded?.snapshot.id === id) return
    let live = true
    void readSnapshot(session.id, session.token, id).then((r) => {
      if (!live || !r.ok) return
      const imported = importRoadmap(r.value.roadmap, undefined, { origin: 'history' })
      if (!imported.ok) return
      const data = readRoadmap(imported.doc)
      imported.doc.destroy()
      setLoaded({ snapshot: r.value.snapshot, data })
    })
    return () => {
      live = false
    }
  }, [id, loaded, session])
  const current = loaded && loaded.snapshot.id === id ? loaded : null
  const comparison = useMemo(
    () =>
      current
        ? compareRoadmaps(current.data, live, {
            fromDate: (current.snapshot.createdAt ?? today).slice(0, 10),
            toDate: today,
          })
        : null,
    [current, live, today],
  )
  return {
    id,
    set(next) {
      session.doc.transact(() => {
        if (next) meta.set(BASELINE_KEY, next)
        else meta.delete(BASELINE_KEY)
      }, session.origin)
    },
    shown,
    setShown,
    snapshot: current?.snapshot ?? null,
    comparison,
  }
}

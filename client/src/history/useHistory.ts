// The history's state for the roadmap shell: the snapshot list, the past version open (its
// own Y.Doc, given to the views read-only) and the comparison shown (computed here, from
// the snapshot and the live roadmap, so it follows live edits).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { Roadmap, compareRoadmaps, importRoadmap, readRoadmap } from '@meridian/model'
import type { IsoDate, RoadmapComparison, RoadmapData } from '@meridian/model'
import type { Session } from '../sync/session.js'
import { listSnapshots, readSnapshot, restoreSnapshot, takeSnapshot } from './historyApi.js'
import type { ListedSnapshot, Snapshot } from './historyApi.js'
import { useBaseline } from './useBaseline.js'
import type { BaselineState } from './useBaseline.js'

export interface OpenVersion {
  snapshot: Snapshot
  doc: Y.Doc
  roadmap: Roadmap
  data: RoadmapData
}

export interface HistoryState {
  panelOpen: boolean
  setPanelOpen(open: boolean): void
  snapshots: ListedSnapshot[] | null
  error: string | null
  busy: boolean
  /** a snapshot list was asked for and is not answered yet */
  listing: boolean
  refresh(): void
  take(name: string): Promise<boolean>
  /** The past version the views show, read-only; null: the live roadmap. */
  version: OpenVersion | null
  open(snapshot: Snapshot): void
  backToNow(): void
  /** The comparison shown: from a snapshot to another (`to`) or to the live roadmap (null). */
  compare: { snapshot: Snapshot; to: Snapshot | null; comparison: RoadmapComparison } | null
  compareWithNow(snapshot: Snapshot): void
  /** Compares two versions: `to` null is the live roadmap. */
  compareVersions(from: Snapshot, to: Snapshot | null): void
  /**
   * The newer past version of a comparison of two snapshots: the views show it (read-only),
   * so the bars agree with the change list and the ghosts mark the older one.
   */
  compareTarget: OpenVersion | null
  closeCompare(): void
  restore(snapshot: Snapshot): Promise<boolean>
  baseline: BaselineState
}

const dateOf = (iso: string | null): IsoDate => (iso ?? new Date().toISOString()).slice(0, 10)

async function loadVersion(session: Session, snapshot: Snapshot): Promise<OpenVersion | string> {
  const r = await readSnapshot(session.id, session.token, snapshot.id)
  if (!r.ok) return r.message
  const imported = importRoadmap(r.value.roadmap, undefined, { origin: 'history' })
  if (!imported.ok) return imported.error.message
  const doc = imported.doc
  return { snapshot, doc, roadmap: new Roadmap(doc, { origin: 'history' }), data: readRoadmap(doc) }
}

export function useHistory(session: Session, live: RoadmapData, today: IsoDate): HistoryState {
  const [panelOpen, setPanelOpen] = useState(false)
  const [snapshots, setSnapshots] = useState<ListedSnapshot[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [version, setVersion] = useState<OpenVersion | null>(null)
  const [compareFrom, setCompareFrom] = useState<OpenVersion | null>(null)
  /** the newer side of the comparison; null: the live roadmap */
  const [compareTo, setCompareTo] = useState<OpenVersion | null>(null)
  const loadSeq = useRef(0)
  const baseline = useBaseline(session, live, today)

  // Lists are asked for on opening the panel and after each snapshot, restore or delete:
  // answers can arrive out of order, and a list asked for before a snapshot was taken must
  // not replace a newer one that holds it. Only the latest request's answer is shown.
  const listSeq = useRef(0)
  // Lists asked for and not answered yet (the list is marked busy meanwhile).
  const [listing, setListing] = useState(0)
  const refresh = useCallback(() => {
    const seq = ++listSeq.current
    setListing((n) => n + 1)
    void listSnapshots(session.id, session.token).then((r) => {
      setListing((n) => n - 1)
      if (seq !== listSeq.current) return
      if (r.ok) {
        setSnapshots(r.value)
        setError(null)
      } else setError(r.message)
    })
  }, [session])
  useEffect(() => {
    if (panelOpen) refresh()
  }, [panelOpen, refresh])

  // Past versions' docs are the shell's own: destroyed once no longer shown.
  useEffect(() => () => version?.doc.destroy(), [version])
  useEffect(() => () => compareFrom?.doc.destroy(), [compareFrom])
  useEffect(() => () => compareTo?.doc.destroy(), [compareTo])

  /** Loads the versions of `wanted` together; only the latest request's are kept. */
  const load = useCallback(
    async (wanted: readonly Snapshot[], then: (v: OpenVersion[]) => void) => {
      const seq = ++loadSeq.current
      setBusy(true)
      const vs = await Promise.all(wanted.map((s) => loadVersion(session, s)))
      setBusy(false)
      const loaded = vs.filter((v): v is OpenVersion => typeof v !== 'string')
      const failed = vs.find((v): v is string => typeof v === 'string')
      if (seq !== loadSeq.current || failed !== undefined) {
        for (const v of loaded) v.doc.destroy()
        if (seq === loadSeq.current && failed !== undefined) setError(failed)
        return
      }
      then(loaded)
    },
    [session],
  )

  const comparison = useMemo(
    () =>
      compareFrom
        ? compareRoadmaps(compareFrom.data, compareTo?.data ?? live, {
            fromDate: dateOf(compareFrom.snapshot.createdAt),
            toDate: compareTo ? dateOf(compareTo.snapshot.createdAt) : today,
          })
        : null,
    [compareFrom, compareTo, live, today],
  )

  const compareVersions = (from: Snapshot, to: Snapshot | null) => {
    void load(to ? [from, to] : [from], ([f, t]) => {
      setVersion(null)
      setCompareFrom(f!)
      setCompareTo(t ?? null)
    })
  }

  return {
    panelOpen,
    setPanelOpen,
    snapshots,
    error,
    busy,
    listing: listing > 0,
    refresh,
    async take(name) {
      const r = await takeSnapshot(session.id, session.token, name)
      if (!r.ok) setError(r.message)
      refresh()
      return r.ok
    },
    version,
    open(snapshot) {
      void load([snapshot], ([v]) => {
        setCompareFrom(null)
        setCompareTo(null)
        setVersion(v!)
      })
    },
    backToNow() {
      loadSeq.current++
      setVersion(null)
    },
    compare:
      compareFrom && comparison
        ? { snapshot: compareFrom.snapshot, to: compareTo?.snapshot ?? null, comparison }
        : null,
    compareWithNow: (snapshot) => compareVersions(snapshot, null),
    compareVersions,
    compareTarget: compareFrom ? compareTo : null,
    closeCompare() {
      loadSeq.current++
      setCompareFrom(null)
      setCompareTo(null)
    },
    baseline,
    async restore(snapshot) {
      setBusy(true)
      const r = await restoreSnapshot(session.id, session.token, snapshot.id)
      setBusy(false)
      if (!r.ok) setError(r.message)
      else {
        setVersion(null)
        setCompareFrom(null)
        setCompareTo(null)
      }
      refresh()
      return r.ok
    },
  }
}

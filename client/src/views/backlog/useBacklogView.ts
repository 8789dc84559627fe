// The backlog as the view shows it: the model's derived backlog, narrowed by the filters
// and optionally sorted by RICE score. Filtering and sorting only; every number comes
// from `deriveBacklog`.
import { useCallback, useMemo, useRef, useState } from 'react'
import { deriveBacklog } from '@meridian/model'
import { useStableList } from '../planning/useStable.js'
import type { BacklogEntry, BacklogItem, IsoDate, ItemStatus, RoadmapData } from '@meridian/model'

export interface BacklogFilters {
  laneId: string
  goalId: string
  assigneeId: string
  status: ItemStatus | ''
  /** Hide features that are done (all accepted): the planning focus is what is left. */
  hideDone: boolean
}

export const NO_FILTERS: BacklogFilters = {
  laneId: '',
  goalId: '',
  assigneeId: '',
  status: '',
  hideDone: false,
}

export const SORT = { rank: 'rank', rice: 'rice' } as const
export type BacklogSort = (typeof SORT)[keyof typeof SORT]

export interface VisibleEntry {
  entry: BacklogEntry
  /** The entry's items that pass the item filters (assignee, status). */
  items: BacklogItem[]
}

function visible(
  entries: readonly BacklogEntry[],
  filters: BacklogFilters,
  sort: BacklogSort,
): VisibleEntry[] {
  const itemFilter = filters.assigneeId !== '' || filters.status !== ''
  const rows: VisibleEntry[] = []
  for (const entry of entries) {
    if (filters.hideDone && entry.status === 'done') continue
    if (filters.laneId && entry.laneId !== filters.laneId) continue
    if (
      filters.goalId &&
      !entry.goalIds.includes(filters.goalId as BacklogEntry['goalIds'][number])
    )
      continue
    // Unfiltered rows keep the entry's own array, so memoized rows can skip rendering.
    const items = itemFilter
      ? entry.items.filter(
          (item) =>
            (!filters.assigneeId || item.assigneeId === filters.assigneeId) &&
            (!filters.status || item.status === filters.status),
        )
      : entry.items
    if (itemFilter && items.length === 0) {
      // A person on the feature itself still owns it when none of its items are theirs.
      const ownsFeature =
        filters.assigneeId !== '' &&
        !filters.status &&
        entry.assigneeIds.includes(filters.assigneeId as BacklogEntry['assigneeIds'][number])
      if (!ownsFeature) continue
    }
    rows.push({ entry, items })
  }
  if (sort === SORT.rice) {
    // Unscored features last; ties keep backlog order (Array.prototype.sort is stable).
    rows.sort((a, b) => (b.entry.rice.score ?? -Infinity) - (a.entry.rice.score ?? -Infinity))
  }
  return rows
}

export function useBacklogView(data: RoadmapData, today: IsoDate) {
  const [filters, setFilters] = useState<BacklogFilters>(NO_FILTERS)
  const [sort, setSort] = useState<BacklogSort>(SORT.rank)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const backlog = useMemo(() => deriveBacklog(data, today), [data, today])
  const entries = useStableList(backlog.entries, (e) => e.featureId)
  const rows = useMemo(() => visible(entries, filters, sort), [entries, filters, sort])
  const rowsRef = useRef(rows)
  rowsRef.current = rows
  const toggleCollapsed = useCallback(
    (id: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev)
        if (!next.delete(id)) next.add(id)
        return next
      }),
    [],
  )
  const filtered =
    filters.laneId !== '' ||
    filters.goalId !== '' ||
    filters.assigneeId !== '' ||
    filters.status !== '' ||
    filters.hideDone
  const patchFilters = (patch: Partial<BacklogFilters>): void =>
    setFilters((prev) => ({ ...prev, ...patch }))
  return {
    backlog,
    /** `backlog.entries`, with unchanged entries kept from the previous snapshot. */
    entries,
    rows,
    rowsRef,
    filters,
    filtered,
    patchFilters,
    clearFilters: () => setFilters(NO_FILTERS),
    sort,
    setSort,
    isCollapsed: (id: string) => collapsed.has(id),
    toggleCollapsed,
    allCollapsed: rows.length > 0 && rows.every((r) => collapsed.has(r.entry.featureId)),
    setAllCollapsed: (value: boolean) =>
      setCollapsed(value ? new Set(rows.map((r) => r.entry.featureId as string)) : new Set()),
  }
}

// Stable callbacks for the backlog rows (memoized components): they read the current
// rows through refs instead of closing over one render's values.
import { useMemo, useRef } from 'react'
import type { MutableRefObject, PointerEvent } from 'react'
import type { BacklogEntry, FeatureId, ItemId } from '@meridian/model'
import { neighbourBefore } from './neighbours.js'
import type { BacklogActions } from './useBacklogActions.js'
import type { DragSubject } from './useBacklogDrag.js'
import type { VisibleEntry } from './useBacklogView.js'

export interface RowHandlers {
  select(id: FeatureId): void
  toggleCollapsed(id: FeatureId): void
  startDrag(subject: DragSubject, e: PointerEvent<HTMLElement>): void
  /** Alt+↑/↓ on a feature: one place up or down among the visible features. */
  moveFeature(id: FeatureId, direction: -1 | 1): void
  /** Alt+↑/↓ on an item: one place up or down among its feature's visible items. */
  moveItem(featureId: FeatureId, id: ItemId, direction: -1 | 1): void
  /** Features an item can be moved to (read when the menu opens). */
  moveTargets(): readonly BacklogEntry[]
}

interface Options {
  rowsRef: MutableRefObject<VisibleEntry[]>
  entries: readonly BacklogEntry[]
  actions: BacklogActions
  selectFeature(id: FeatureId | null): void
  toggleCollapsed(id: string): void
  startDrag(subject: DragSubject, e: PointerEvent<HTMLElement>): void
  /** Selector of the handle to focus after the next render (keyboard moves). */
  refocus: MutableRefObject<string | null>
}

export function useRowHandlers(options: Options): RowHandlers {
  const latest = useRef(options)
  latest.current = options
  return useMemo<RowHandlers>(
    () => ({
      select: (id) => latest.current.selectFeature(id),
      toggleCollapsed: (id) => latest.current.toggleCollapsed(id),
      startDrag: (subject, e) => latest.current.startDrag(subject, e),
      moveFeature: (id, direction) => {
        const { rowsRef, actions, refocus } = latest.current
        const ids = rowsRef.current.map((r) => r.entry.featureId as string)
        const before = neighbourBefore(ids, ids.indexOf(id), direction)
        if (before === undefined) return
        refocus.current = `[data-feature-id="${id}"] [data-drag-handle="feature"]`
        actions.reorderFeature(id, before as FeatureId | null)
      },
      moveItem: (featureId, id, direction) => {
        const { rowsRef, actions, refocus } = latest.current
        const row = rowsRef.current.find((r) => r.entry.featureId === featureId)
        const ids = (row?.items ?? []).map((i) => i.id as string)
        const before = neighbourBefore(ids, ids.indexOf(id), direction)
        if (before === undefined) return
        refocus.current = `[data-item-id="${id}"] [data-drag-handle="item"]`
        actions.placeItem(id, featureId, before as ItemId | null)
      },
      moveTargets: () => latest.current.entries,
    }),
    [],
  )
}

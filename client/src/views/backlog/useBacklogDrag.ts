// Pointer drag to reorder features and items, with a drop indicator. The DOM carries the
// order: feature groups have `data-feature-id`, item rows `data-item-id`; the drop goes
// between the visible neighbours, by their vertical midpoints.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react'
import type { FeatureId, ItemId } from '@meridian/model'

export type DragSubject = { kind: 'feature'; id: FeatureId } | { kind: 'item'; id: ItemId }

export interface DropTarget {
  kind: 'feature' | 'item'
  /** The feature the item lands in (items only). */
  featureId: FeatureId | null
  /** The sibling right before the drop (`null` = first). */
  before: string | null
  /** Indicator position, relative to the container. */
  top: number
  left: number
  width: number
}

interface Options {
  container: RefObject<HTMLElement | null>
  onDropFeature(id: FeatureId, before: FeatureId | null): void
  onDropItem(id: ItemId, featureId: FeatureId, before: ItemId | null): void
}

function siblingsIn(
  root: ParentNode,
  selector: string,
  attr: string,
  exclude: string,
): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter(
    (el) => el.dataset[attr] !== exclude,
  )
}

function targetFor(container: HTMLElement, subject: DragSubject, y: number): DropTarget | null {
  const box = container.getBoundingClientRect()
  if (subject.kind === 'feature') {
    const groups = siblingsIn(container, '[data-feature-id]', 'featureId', subject.id)
    if (groups.length === 0) return null
    let index = groups.findIndex((g) => {
      const r = g.getBoundingClientRect()
      return y < r.top + Math.min(r.height / 2, 28)
    })
    if (index === -1) index = groups.length
    const ref = groups[Math.min(index, groups.length - 1)].getBoundingClientRect()
    const top = index < groups.length ? ref.top - box.top - 5 : ref.bottom - box.top + 4
    return {
      kind: 'feature',
      featureId: null,
      before: index === 0 ? null : (groups[index - 1].dataset.featureId ?? null),
      top,
      left: 0,
      width: box.width,
    }
  }
  const groups = [...container.querySelectorAll<HTMLElement>('[data-feature-id]')]
  const group =
    groups.find((g) => {
      const r = g.getBoundingClientRect()
      return y >= r.top && y <= r.bottom
    }) ?? null
  if (!group) return null
  const list = group.querySelector<HTMLElement>('[data-item-list]')
  if (!list) return null
  const rows = siblingsIn(list, '[data-item-id]', 'itemId', subject.id)
  let index = rows.findIndex((row) => {
    const r = row.getBoundingClientRect()
    return y < r.top + r.height / 2
  })
  if (index === -1) index = rows.length
  const listBox = list.getBoundingClientRect()
  let top: number
  if (rows.length === 0) top = listBox.top - box.top
  else if (index < rows.length) top = rows[index].getBoundingClientRect().top - box.top - 1
  else top = rows[rows.length - 1].getBoundingClientRect().bottom - box.top - 1
  return {
    kind: 'item',
    featureId: (group.dataset.featureId ?? null) as FeatureId | null,
    before: index === 0 ? null : (rows[index - 1].dataset.itemId ?? null),
    top,
    // Inset to the rows (the list's own padding holds the indent).
    left: (rows[0]?.getBoundingClientRect().left ?? listBox.left) - box.left,
    width: rows[0]?.getBoundingClientRect().width ?? listBox.width,
  }
}

/** Drag state plus a pointer-down handler for the drag handles. */
export function useBacklogDrag({ container, onDropFeature, onDropItem }: Options) {
  const [subject, setSubject] = useState<DragSubject | null>(null)
  const [target, setTarget] = useState<DropTarget | null>(null)
  const live = useRef<{ subject: DragSubject; target: DropTarget | null } | null>(null)
  const drops = useRef({ onDropFeature, onDropItem })
  drops.current = { onDropFeature, onDropItem }

  useEffect(() => {
    if (!subject) return
    const move = (e: PointerEvent): void => {
      const el = container.current
      if (!el || !live.current) return
      const next = targetFor(el, live.current.subject, e.clientY)
      live.current.target = next
      setTarget(next)
      autoScroll(el, e.clientY)
    }
    const end = (commit: boolean): void => {
      const state = live.current
      live.current = null
      setSubject(null)
      setTarget(null)
      if (!commit || !state?.target) return
      const { subject: s, target: t } = state
      if (s.kind === 'feature') drops.current.onDropFeature(s.id, t.before as FeatureId | null)
      else if (t.featureId) drops.current.onDropItem(s.id, t.featureId, t.before as ItemId | null)
    }
    const up = (): void => end(true)
    const cancel = (): void => end(false)
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') end(false)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', cancel)
    window.addEventListener('keydown', key)
    return () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', cancel)
      window.removeEventListener('keydown', key)
    }
  }, [subject, container])

  const startDrag = useCallback((dragged: DragSubject, e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0) return
    e.preventDefault()
    live.current = { subject: dragged, target: null }
    setSubject(dragged)
  }, [])

  return { subject, target, startDrag }
}

/** Scrolls the nearest scrolling ancestor when the pointer nears its top or bottom edge. */
function autoScroll(el: HTMLElement, y: number): void {
  let scroller: HTMLElement | null = el
  while (scroller && scroller.scrollHeight <= scroller.clientHeight)
    scroller = scroller.parentElement
  if (!scroller) return
  const r = scroller.getBoundingClientRect()
  if (y < r.top + 40) scroller.scrollBy(0, -12)
  else if (y > r.bottom - 40) scroller.scrollBy(0, 12)
}

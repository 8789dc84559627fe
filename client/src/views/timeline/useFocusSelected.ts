// When the selection changes while the timeline has keyboard focus, bring the selected
// bar into view and move focus to it (it is always rendered, see useVisible).
//
// The bar that had focus may leave the page in the very render that selects the next one
// (it is no longer selected and, before the scroll it caused has reached the viewport, out
// of the drawn window): focus is then on the page's body. A selection made by a key
// (`keyed`, marked by useTimelineKeyboard) takes focus all the same.
import { useCallback, useEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { FeatureId } from '@meridian/model'
import { HEADER_H, LABEL_W } from './constants.js'
import type { BarBox } from './DependencyLayer.js'

export function useFocusSelected(
  scrollRef: RefObject<HTMLElement | null>,
  areaRef: RefObject<HTMLElement | null>,
  selected: FeatureId | null,
  boxOf: (id: FeatureId) => BarBox | null,
): () => void {
  const keyed = useRef(false)
  useEffect(() => {
    const scroller = scrollRef.current
    const byKey = keyed.current
    keyed.current = false
    const active = document.activeElement
    const hasFocus = scroller?.contains(active) || (byKey && (!active || active === document.body))
    if (!selected || !scroller || !hasFocus) return
    const box = boxOf(selected)
    if (box) {
      const visibleW = scroller.clientWidth - LABEL_W
      const visibleH = scroller.clientHeight - HEADER_H
      if (
        box.x < scroller.scrollLeft + 16 ||
        box.x + Math.min(box.width, visibleW / 2) > scroller.scrollLeft + visibleW - 16
      )
        scroller.scrollLeft = Math.max(0, box.x - visibleW / 4)
      if (box.y < scroller.scrollTop + 8 || box.y + 40 > scroller.scrollTop + visibleH)
        scroller.scrollTop = Math.max(0, box.y - visibleH / 3)
    }
    const el = areaRef.current?.querySelector<HTMLElement>(
      `[data-feature-id="${CSS.escape(selected)}"]`,
    )
    if (el && document.activeElement !== el) el.focus({ preventScroll: true })
    // boxOf changes on every scroll; only a new selection should move focus.
  }, [selected])
  return useCallback(() => {
    keyed.current = true
  }, [])
}

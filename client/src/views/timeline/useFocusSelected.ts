// When the selection changes while the timeline has keyboard focus, bring the selected
// bar into view and move focus to it (it is always rendered, see useVisible).
import { useEffect } from 'react'
import type { RefObject } from 'react'
import type { FeatureId } from '@meridian/model'
import { HEADER_H, LABEL_W } from './constants.js'
import type { BarBox } from './DependencyLayer.js'

export function useFocusSelected(
  scrollRef: RefObject<HTMLElement | null>,
  areaRef: RefObject<HTMLElement | null>,
  selected: FeatureId | null,
  boxOf: (id: FeatureId) => BarBox | null,
) {
  useEffect(() => {
    const scroller = scrollRef.current
    if (!selected || !scroller || !scroller.contains(document.activeElement)) return
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
}

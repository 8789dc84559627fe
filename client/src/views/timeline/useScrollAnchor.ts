// Keeps the date under the middle of the view steady when the scale changes (zoom, or
// the domain growing to the left), and starts the view around today.
import { useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'
import { LABEL_W } from './constants.js'
import type { TimeScale } from './useTimeScale.js'

export function useScrollAnchor(
  scrollRef: RefObject<HTMLElement | null>,
  ts: TimeScale,
  todayMs: number,
) {
  const previous = useRef<TimeScale | null>(null)
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const visible = el.clientWidth - LABEL_W
    const prev = previous.current
    previous.current = ts
    if (!prev) {
      el.scrollLeft = Math.max(0, ts.x(todayMs) - visible * 0.25)
      return
    }
    if (prev.pxPerDay === ts.pxPerDay && prev.startMs === ts.startMs) return
    if (ts.zoom === 'fit' && prev.zoom !== 'fit') {
      el.scrollLeft = 0
      return
    }
    const center = prev.msAt(el.scrollLeft + visible / 2)
    el.scrollLeft = Math.max(0, ts.x(center) - visible / 2)
  }, [scrollRef, ts, todayMs])
}

export function scrollToDate(el: HTMLElement | null, ts: TimeScale, ms: number) {
  if (!el) return
  el.scrollTo({
    left: Math.max(0, ts.x(ms) - (el.clientWidth - LABEL_W) * 0.25),
    behavior: 'smooth',
  })
}

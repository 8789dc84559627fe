import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

export interface Viewport {
  left: number
  top: number
  width: number
  height: number
}

/** The scroll container's visible window, updated at most once per frame. */
export function useViewport(ref: RefObject<HTMLElement | null>): Viewport {
  const [viewport, setViewport] = useState<Viewport>({ left: 0, top: 0, width: 1200, height: 800 })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    let frame = 0
    const read = () => {
      frame = 0
      setViewport((v) =>
        v.left === el.scrollLeft &&
        v.top === el.scrollTop &&
        v.width === el.clientWidth &&
        v.height === el.clientHeight
          ? v
          : {
              left: el.scrollLeft,
              top: el.scrollTop,
              width: el.clientWidth,
              height: el.clientHeight,
            },
      )
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    read()
    el.addEventListener('scroll', schedule, { passive: true })
    const observer = new ResizeObserver(schedule)
    observer.observe(el)
    return () => {
      el.removeEventListener('scroll', schedule)
      observer.disconnect()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [ref])
  return viewport
}

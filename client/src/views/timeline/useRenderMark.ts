// Performance marks for the render benchmark (client/bench/render.mjs): when the
// timeline first painted bars after mounting. Harmless in production (two marks).
import { useEffect, useRef } from 'react'

export function useRenderMark(hasBars: boolean): void {
  const done = useRef(false)
  useEffect(() => {
    if (!hasBars || done.current) return
    done.current = true
    performance.mark('meridian:timeline-committed')
    requestAnimationFrame(() => setTimeout(() => performance.mark('meridian:timeline-painted'), 0))
  }, [hasBars])
}

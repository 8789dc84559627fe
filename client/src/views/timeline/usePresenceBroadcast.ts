// Publishes where I am on the timeline: my pointer (date, lane, y) and my visible
// window (for people following me). Throttled; cleared when I leave. The pointer is sent
// in timeline coordinates (date, lane, y in the lanes), and sent again when I scroll
// under a still mouse, so others see it where it points, not where it was on my screen.
import { useEffect } from 'react'
import type { RefObject } from 'react'
import { setPresence } from '../../sync/presence.js'
import { laneAt } from './layout.js'
import type { InteractionContext } from './interactionContext.js'
import type { Viewport } from './useViewport.js'
import { LABEL_W } from './constants.js'

const POINTER_MS = 40
const VIEWPORT_MS = 120

export function usePointerBroadcast(
  areaRef: RefObject<HTMLElement | null>,
  ctxRef: RefObject<InteractionContext>,
) {
  useEffect(() => {
    const area = areaRef.current
    if (!area) return
    let last = 0
    let timer = 0
    let pending: { clientX: number; clientY: number } | null = null
    let inside: { clientX: number; clientY: number } | null = null
    const scroller = area.closest<HTMLElement>('.tl-scroll')
    const send = () => {
      timer = 0
      if (!pending) return
      const e = pending
      pending = null
      last = performance.now()
      const ctx = ctxRef.current
      const rect = area.getBoundingClientRect()
      const x = e.clientX - rect.left
      const y = e.clientY - rect.top
      const lane = laneAt(ctx.layout, y)
      setPresence(ctx.awareness, {
        pointer: { date: new Date(ctx.ts.msAt(x)).toISOString(), laneId: lane?.lane.id ?? null, y },
      })
    }
    const schedule = () => {
      if (timer) return
      const wait = Math.max(0, POINTER_MS - (performance.now() - last))
      timer = window.setTimeout(send, wait)
    }
    const onMove = (e: PointerEvent) => {
      inside = { clientX: e.clientX, clientY: e.clientY }
      pending = inside
      schedule()
    }
    const onScroll = () => {
      if (!inside) return
      pending = inside
      schedule()
    }
    const onLeave = () => {
      pending = null
      inside = null
      if (timer) clearTimeout(timer)
      timer = 0
      setPresence(ctxRef.current.awareness, { pointer: null })
    }
    area.addEventListener('pointermove', onMove)
    area.addEventListener('pointerleave', onLeave)
    scroller?.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      scroller?.removeEventListener('scroll', onScroll)
      area.removeEventListener('pointermove', onMove)
      area.removeEventListener('pointerleave', onLeave)
      if (timer) clearTimeout(timer)
      setPresence(ctxRef.current.awareness, { pointer: null })
    }
  }, [areaRef, ctxRef])
}

export function useViewportBroadcast(viewport: Viewport, ctxRef: RefObject<InteractionContext>) {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const { ts, awareness } = ctxRef.current
      const start = new Date(ts.msAt(viewport.left)).toISOString().slice(0, 10)
      const end = new Date(ts.msAt(viewport.left + viewport.width - LABEL_W))
        .toISOString()
        .slice(0, 10)
      setPresence(awareness, { viewport: { start, end, zoom: ts.zoom, scrollTop: viewport.top } })
    }, VIEWPORT_MS)
    return () => clearTimeout(timer)
  }, [viewport, ctxRef])
}

// Publishes where I am on the timeline: my pointer (date, lane, y) and my visible
// window (for people following me). Throttled; cleared when I leave.
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
    let pending: PointerEvent | null = null
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
    const onMove = (e: PointerEvent) => {
      pending = e
      if (timer) return
      const wait = Math.max(0, POINTER_MS - (performance.now() - last))
      timer = window.setTimeout(send, wait)
    }
    const onLeave = () => {
      pending = null
      if (timer) clearTimeout(timer)
      timer = 0
      setPresence(ctxRef.current.awareness, { pointer: null })
    }
    area.addEventListener('pointermove', onMove)
    area.addEventListener('pointerleave', onLeave)
    return () => {
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

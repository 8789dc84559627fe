// Dragging bars: move (also across lanes) and resize by either edge, snapped to days
// or weeks by zoom. While dragging only the bar's DOM transform changes (once per
// frame) and awareness tells others where it is; the document is written once, on drop.
// The drag is measured in time, the date under the pointer now against the date under it
// at the start, so a scroll or zoom under the drag keeps the bar under the pointer.
import { useEffect } from 'react'
import type { RefObject } from 'react'
import type { FeatureId, LaneId } from '@meridian/model'
import { formatDay } from '@meridian/model'
import { DAY_MS, addDays, diffDays, fromMs } from '../../lib/dates.js'
import { setPresence } from '../../sync/presence.js'
import { barTop, laneAt } from './layout.js'
import type { InteractionContext } from './interactionContext.js'
import { autoScroll } from './autoScroll.js'
import type { AutoScroll } from './autoScroll.js'

type Mode = 'move' | 'start' | 'end'

interface Drag {
  id: FeatureId
  mode: Mode
  el: HTMLElement
  pointerId: number
  y0: number
  /** The moment under the pointer when the drag began. */
  ms0: number
  start: string
  end: string
  laneId: LaneId
  barY: number
  transform: string
  width: string
  moved: boolean
  next: { start: string; end: string; laneId: LaneId }
  frame: number
  /** Scroll position at the start, and the latest pointer: dragging may scroll the view. */
  scroll0: { left: number; top: number }
  lastX: number
  lastY: number
  scroller: AutoScroll | null
}

export function useBarDrag(
  areaRef: RefObject<HTMLElement | null>,
  tipRef: RefObject<HTMLElement | null>,
  ctxRef: RefObject<InteractionContext>,
) {
  useEffect(() => {
    const area = areaRef.current
    if (!area) return
    const scrollEl = area.closest<HTMLElement>('.tl-scroll')
    let drag: Drag | null = null

    const render = () => {
      if (!drag) return
      drag.frame = 0
      const { ts, layout, awareness } = ctxRef.current
      const { next, el } = drag
      // Others see the bar move at most once a frame, whatever the pointer's event rate.
      setPresence(awareness, { dragging: { featureId: drag.id, ...next } })
      const x = ts.x(Date.parse(`${next.start}T00:00:00Z`))
      const w = Math.max(6, ts.x(Date.parse(`${next.end}T00:00:00Z`) + DAY_MS) - x)
      let y = drag.barY
      if (next.laneId !== drag.laneId) {
        const lane = layout.lanes.find((l) => l.lane.id === next.laneId)
        if (lane) y = barTop(lane, lane.collapsed ? 0 : lane.rows)
      }
      el.style.transform = `translate(${x}px, ${y}px)`
      el.style.width = `${w}px`
      const tip = tipRef.current
      if (tip) {
        tip.hidden = false
        tip.textContent = `${formatDay(next.start)} – ${formatDay(next.end)} · ${diffDays(next.end, next.start) + 1} days`
        tip.style.transform = `translate(${x}px, ${y - 26}px)`
      }
    }

    const finish = (commit: boolean) => {
      if (!drag) return
      const d = drag
      drag = null
      ctxRef.current.gesture.end()
      if (d.frame) cancelAnimationFrame(d.frame)
      d.scroller?.stop()
      d.el.classList.remove('bar--dragging')
      d.el.style.transform = d.transform
      d.el.style.width = d.width
      if (tipRef.current) tipRef.current.hidden = true
      const ctx = ctxRef.current
      setPresence(ctx.awareness, { dragging: null })
      if (!d.moved) {
        if (commit) ctx.select(d.id)
        return
      }
      const { start, end, laneId } = d.next
      if (commit && (start !== d.start || end !== d.end || laneId !== d.laneId)) {
        ctx.roadmap.features.move(
          d.id,
          laneId === d.laneId ? { start, end } : { laneId, start, end },
        )
      }
      ctx.select(d.id)
    }

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return
      const target = e.target as HTMLElement
      const el = target.closest<HTMLElement>('[data-feature-id]')
      if (!el || !area.contains(el)) return
      const ctx = ctxRef.current
      const id = el.dataset.featureId as FeatureId
      const hit = ctx.layout.byFeature.get(id)
      if (!hit) return
      e.preventDefault()
      el.focus({ preventScroll: true })
      const { feature } = hit.placed
      if (ctx.readOnly || !feature.start || !feature.end) {
        ctx.select(id)
        return
      }
      // Selected bars are always rendered: the bar survives virtualization while the drag scrolls.
      if (ctx.selected !== id) ctx.select(id)
      const mode = (target.dataset.handle as Mode | undefined) ?? 'move'
      capture(el, e.pointerId)
      ctx.gesture.begin()
      drag = {
        id,
        mode,
        el,
        pointerId: e.pointerId,
        y0: e.clientY,
        ms0: ctx.ts.msAt(e.clientX - area.getBoundingClientRect().left),
        start: feature.start,
        end: feature.end,
        laneId: hit.lane.orphan ? feature.laneId : hit.lane.lane.id,
        barY: barTop(hit.lane, hit.placed.row),
        transform: el.style.transform,
        width: el.style.width,
        moved: false,
        next: { start: feature.start, end: feature.end, laneId: feature.laneId },
        frame: 0,
        scroll0: { left: scrollEl?.scrollLeft ?? 0, top: scrollEl?.scrollTop ?? 0 },
        lastX: e.clientX,
        lastY: e.clientY,
        scroller: scrollEl ? autoScroll(scrollEl, () => apply()) : null,
      }
    }

    const onMove = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return
      drag.lastX = e.clientX
      drag.lastY = e.clientY
      apply()
      if (drag.moved) drag.scroller?.update(e.clientX, e.clientY)
    }

    const apply = () => {
      if (!drag) return
      const { ts, layout } = ctxRef.current
      const rect = area.getBoundingClientRect()
      const dx = ts.x(ts.msAt(drag.lastX - rect.left)) - ts.x(drag.ms0)
      const dy = drag.lastY - drag.y0 + ((scrollEl?.scrollTop ?? 0) - drag.scroll0.top)
      if (!drag.moved && Math.abs(dx) < 3 && Math.abs(dy) < 3) return
      if (!drag.moved) {
        drag.moved = true
        drag.el.classList.add('bar--dragging')
      }
      const snap = ts.snapDays
      const days = Math.round(dx / ts.pxPerDay / snap) * snap
      let { start, end } = drag
      let laneId = drag.laneId
      if (drag.mode === 'move') {
        start = addDays(drag.start, days)
        end = addDays(drag.end, days)
        const y = drag.lastY - rect.top
        const lane = laneAt(layout, y)
        if (lane && !lane.orphan) laneId = lane.lane.id
      } else if (drag.mode === 'start') {
        start = addDays(drag.start, days)
        if (start > end) start = end
      } else {
        end = addDays(drag.end, days)
        if (end < start) end = start
      }
      const next = drag.next
      if (next.start === start && next.end === end && next.laneId === laneId) return
      drag.next = { start, end, laneId }
      if (!drag.frame) drag.frame = requestAnimationFrame(render)
    }

    const onUp = (e: PointerEvent) => {
      if (drag && e.pointerId === drag.pointerId) finish(true)
    }
    const onCancel = () => finish(false)
    const onKey = (e: KeyboardEvent) => {
      if (drag && e.key === 'Escape') finish(false)
    }
    const onDblClick = (e: MouseEvent) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-feature-id]')
      if (el && area.contains(el)) ctxRef.current.open(el.dataset.featureId as FeatureId)
    }

    area.addEventListener('pointerdown', onDown)
    area.addEventListener('pointermove', onMove)
    area.addEventListener('pointerup', onUp)
    area.addEventListener('pointercancel', onCancel)
    area.addEventListener('dblclick', onDblClick)
    window.addEventListener('keydown', onKey)
    return () => {
      area.removeEventListener('pointerdown', onDown)
      area.removeEventListener('pointermove', onMove)
      area.removeEventListener('pointerup', onUp)
      area.removeEventListener('pointercancel', onCancel)
      area.removeEventListener('dblclick', onDblClick)
      window.removeEventListener('keydown', onKey)
    }
  }, [areaRef, tipRef, ctxRef])
}

/** Pointer capture keeps the drag when the pointer leaves the bar; synthetic pointers have none. */
export function capture(el: HTMLElement, pointerId: number): void {
  try {
    el.setPointerCapture(pointerId)
  } catch {
    // not an active pointer (synthetic event): the drag still works while over the area
  }
}

/** Snap a moment to the start of its day (or its week's Monday) as an ISO date. */
export function snapDate(ms: number, snapDays: number): string {
  const day = fromMs(Math.floor(ms / DAY_MS) * DAY_MS)
  if (snapDays < 7) return day
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

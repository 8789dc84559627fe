// Creating features on empty lane space: drag to draw one over a date range, or
// double-click for a two-week feature starting that day. The new feature's panel opens.
import { useEffect } from 'react'
import type { RefObject } from 'react'
import type { FeatureId, LaneId } from '@meridian/model'
import { addDays, DAY_MS, toMs } from '../../lib/dates.js'
import { barTop, laneAt } from './layout.js'
import { capture, snapDate } from './useBarDrag.js'
import type { InteractionContext } from './interactionContext.js'
import { requestPanelFocus } from '../../panel/panelFocus.js'

function isEmptyLaneSpace(target: HTMLElement, area: HTMLElement): boolean {
  if (target.closest('[data-feature-id], .milestone, .lane-menu')) return false
  return area.contains(target)
}

function createFeature(
  ctx: InteractionContext,
  laneId: LaneId,
  start: string,
  end: string,
): FeatureId {
  return ctx.roadmap.features.create({
    laneId,
    title: 'New feature',
    start,
    end,
    status: 'planned',
    health: 'on-track',
  }) as FeatureId
}

/** A feature made by drawing, double-clicking or the toolbar: its panel opens on its title. */
export function createAndOpen(
  ctx: InteractionContext,
  laneId: LaneId,
  start: string,
  end: string,
): void {
  const id = createFeature(ctx, laneId, start, end)
  requestPanelFocus(id, { select: true })
  ctx.open(id)
}

export function useCreateGesture(
  areaRef: RefObject<HTMLElement | null>,
  ghostRef: RefObject<HTMLElement | null>,
  ctxRef: RefObject<InteractionContext>,
) {
  useEffect(() => {
    const area = areaRef.current
    if (!area) return
    let gesture: {
      laneId: LaneId
      x0: number
      pointerId: number
      start: string
      end: string
      moved: boolean
    } | null = null

    const point = (e: MouseEvent) => {
      const rect = area.getBoundingClientRect()
      return { x: e.clientX - rect.left, y: e.clientY - rect.top }
    }

    const onDown = (e: PointerEvent) => {
      const ctx = ctxRef.current
      if (ctx.readOnly || e.button !== 0 || !isEmptyLaneSpace(e.target as HTMLElement, area)) return
      const { x, y } = point(e)
      const lane = laneAt(ctx.layout, y)
      if (!lane || lane.orphan || lane.collapsed) return
      const day = snapDate(ctx.ts.msAt(x), 1)
      gesture = {
        laneId: lane.lane.id,
        x0: x,
        pointerId: e.pointerId,
        start: day,
        end: day,
        moved: false,
      }
      capture(area, e.pointerId)
      ctx.gesture.begin()
    }

    const onMove = (e: PointerEvent) => {
      if (!gesture || e.pointerId !== gesture.pointerId) return
      const ctx = ctxRef.current
      const { x } = point(e)
      if (!gesture.moved && Math.abs(x - gesture.x0) < 6) return
      gesture.moved = true
      const a = snapDate(ctx.ts.msAt(Math.min(x, gesture.x0)), ctx.ts.snapDays)
      const bRaw = snapDate(ctx.ts.msAt(Math.max(x, gesture.x0)), 1)
      const b = ctx.ts.snapDays >= 7 ? addDays(snapDate(toMs(bRaw), 7), 6) : bRaw
      gesture.start = a
      gesture.end = b < a ? a : b
      const ghost = ghostRef.current
      const lane = ctx.layout.lanes.find((l) => l.lane.id === gesture?.laneId)
      if (ghost && lane) {
        const gx = ctx.ts.x(toMs(gesture.start))
        ghost.hidden = false
        ghost.style.transform = `translate(${gx}px, ${barTop(lane, lane.rows)}px)`
        ghost.style.width = `${Math.max(4, ctx.ts.x(toMs(gesture.end) + DAY_MS) - gx)}px`
      }
    }

    const onUp = (e: PointerEvent) => {
      if (!gesture || e.pointerId !== gesture.pointerId) return
      const g = gesture
      gesture = null
      if (ghostRef.current) ghostRef.current.hidden = true
      const ctx = ctxRef.current
      ctx.gesture.end()
      if (!g.moved) {
        ctx.select(null)
        return
      }
      createAndOpen(ctx, g.laneId, g.start, g.end)
    }

    const onCancel = () => {
      if (!gesture) return
      gesture = null
      if (ghostRef.current) ghostRef.current.hidden = true
      ctxRef.current.gesture.end()
    }

    const onDblClick = (e: MouseEvent) => {
      const ctx = ctxRef.current
      if (ctx.readOnly || !isEmptyLaneSpace(e.target as HTMLElement, area)) return
      const { x, y } = point(e)
      const lane = laneAt(ctx.layout, y)
      if (!lane || lane.orphan) return
      const start = snapDate(ctx.ts.msAt(x), ctx.ts.snapDays)
      createAndOpen(ctx, lane.lane.id, start, addDays(start, 13))
    }

    area.addEventListener('pointerdown', onDown)
    area.addEventListener('pointermove', onMove)
    area.addEventListener('pointerup', onUp)
    area.addEventListener('pointercancel', onCancel)
    area.addEventListener('dblclick', onDblClick)
    return () => {
      area.removeEventListener('pointercancel', onCancel)
      area.removeEventListener('pointerdown', onDown)
      area.removeEventListener('pointermove', onMove)
      area.removeEventListener('pointerup', onUp)
      area.removeEventListener('dblclick', onDblClick)
    }
  }, [areaRef, ghostRef, ctxRef])
}

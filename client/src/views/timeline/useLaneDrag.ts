// Reordering lanes by dragging their grip in the label column. A line shows where the
// lane will land; on drop the lane gets a rank between its new neighbours.
import { useEffect } from 'react'
import type { RefObject } from 'react'
import type { LaneId } from '@meridian/model'
import type { InteractionContext } from './interactionContext.js'
import { capture } from './useBarDrag.js'

export function useLaneDrag(
  columnRef: RefObject<HTMLElement | null>,
  lineRef: RefObject<HTMLElement | null>,
  ctxRef: RefObject<InteractionContext>,
) {
  useEffect(() => {
    const column = columnRef.current
    if (!column) return
    let drag: { id: LaneId; pointerId: number; index: number } | null = null

    const slotAt = (clientY: number): { index: number; y: number } => {
      const lanes = ctxRef.current.layout.lanes.filter((l) => !l.orphan)
      const y = clientY - column.getBoundingClientRect().top
      let index = lanes.length
      for (let i = 0; i < lanes.length; i++) {
        if (y < lanes[i].top + lanes[i].height / 2) {
          index = i
          break
        }
      }
      const last = lanes[lanes.length - 1]
      const lineY = index < lanes.length ? lanes[index].top : last ? last.top + last.height : 0
      return { index, y: lineY }
    }

    const onDown = (e: PointerEvent) => {
      const grip = (e.target as HTMLElement).closest<HTMLElement>('[data-lane-grip]')
      if (!grip || ctxRef.current.readOnly || e.button !== 0) return
      e.preventDefault()
      drag = { id: grip.dataset.laneGrip as LaneId, pointerId: e.pointerId, index: -1 }
      capture(column, e.pointerId)
      ctxRef.current.gesture.begin()
      column.classList.add('lane-column--dragging')
    }
    const onMove = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return
      const slot = slotAt(e.clientY)
      drag.index = slot.index
      const line = lineRef.current
      if (line) {
        line.hidden = false
        line.style.transform = `translateY(${slot.y - 1}px)`
      }
    }
    const onUp = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return
      const { id, index } = drag
      drag = null
      ctxRef.current.gesture.end()
      column.classList.remove('lane-column--dragging')
      if (lineRef.current) lineRef.current.hidden = true
      if (index < 0) return
      const lanes = ctxRef.current.layout.lanes.filter((l) => !l.orphan).map((l) => l.lane.id)
      const from = lanes.indexOf(id)
      if (index === from || index === from + 1) return
      const previous = lanes[index - 1] === id ? lanes[index - 2] : lanes[index - 1]
      ctxRef.current.roadmap.lanes.reorder(id, { before: previous ?? null })
    }
    column.addEventListener('pointerdown', onDown)
    column.addEventListener('pointermove', onMove)
    column.addEventListener('pointerup', onUp)
    column.addEventListener('pointercancel', onUp)
    return () => {
      column.removeEventListener('pointerdown', onDown)
      column.removeEventListener('pointermove', onMove)
      column.removeEventListener('pointerup', onUp)
      column.removeEventListener('pointercancel', onUp)
    }
  }, [columnRef, lineRef, ctxRef])
}

// Scrolls the timeline while a drag holds the pointer near an edge of the visible
// window, so a bar can be dragged beyond what is on screen.
import { HEADER_H, LABEL_W } from './constants.js'

const EDGE = 36
const MAX_SPEED = 18

export interface AutoScroll {
  /** The pointer moved (client coordinates). */
  update(clientX: number, clientY: number): void
  stop(): void
}

function speed(distanceIntoEdge: number): number {
  return Math.min(MAX_SPEED, Math.ceil((distanceIntoEdge / EDGE) * MAX_SPEED))
}

export function autoScroll(scroller: HTMLElement, onScroll: () => void): AutoScroll {
  let frame = 0
  let x = 0
  let y = 0
  const tick = () => {
    frame = 0
    const rect = scroller.getBoundingClientRect()
    const left = rect.left + LABEL_W
    const top = rect.top + HEADER_H
    let vx = 0
    let vy = 0
    if (x < left + EDGE) vx = -speed(left + EDGE - x)
    else if (x > rect.right - EDGE) vx = speed(x - (rect.right - EDGE))
    if (y < top + EDGE) vy = -speed(top + EDGE - y)
    else if (y > rect.bottom - EDGE) vy = speed(y - (rect.bottom - EDGE))
    if (vx === 0 && vy === 0) return
    const before = scroller.scrollLeft + scroller.scrollTop
    scroller.scrollLeft += vx
    scroller.scrollTop += vy
    if (scroller.scrollLeft + scroller.scrollTop === before) return
    onScroll()
    frame = requestAnimationFrame(tick)
  }
  return {
    update(clientX, clientY) {
      x = clientX
      y = clientY
      if (!frame) frame = requestAnimationFrame(tick)
    },
    stop() {
      if (frame) cancelAnimationFrame(frame)
      frame = 0
    },
  }
}

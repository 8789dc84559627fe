// Dependency arrows routed around bars and labels: out of the dependency's bar into the
// gap between rows, along that gap, and into the dependent's start from its left. A
// vertical leg that would cross another bar or a label is moved to the other end of the
// route; a line through a label reads as a strikethrough, so labels are obstacles too.
import type { RowGeometry } from './constants.js'

export interface Box {
  x: number
  y: number
  width: number
}

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

type Point = readonly [number, number]

/** How far left of the dependent the route turns into it. */
const APPROACH = 8
const RADIUS = 4

function crosses(a: Point, b: Point, r: Rect): boolean {
  const x0 = Math.min(a[0], b[0])
  const x1 = Math.max(a[0], b[0])
  const y0 = Math.min(a[1], b[1])
  const y1 = Math.max(a[1], b[1])
  return x0 < r.x + r.w + 1 && x1 > r.x - 1 && y0 < r.y + r.h + 1 && y1 > r.y - 1
}

function clear(points: readonly Point[], obstacles: readonly Rect[]): boolean {
  for (let i = 1; i < points.length; i++)
    for (const r of obstacles) if (crosses(points[i - 1], points[i], r)) return false
  return true
}

/**
 * Route points from the dependency's bar (`from`) to the dependent's (`to`); `obstacles`
 * are every drawn bar (x, y, width as its box, barH high) and every label outside a bar.
 */
export function routePoints(
  from: Box,
  to: Box,
  obstacles: readonly Rect[],
  { barH, rowH }: RowGeometry,
): Point[] {
  // Half the gap between two rows of bars: where a route runs along.
  const GUTTER = (rowH - barH) / 2
  const down = to.y >= from.y
  const sx = from.x + (from.width > 14 ? from.width - 7 : from.width / 2)
  const sy = down ? from.y + barH : from.y
  const ex = to.x - 1
  const ey = to.y + barH / 2
  const xv = to.x - APPROACH
  const gutterFrom = down ? from.y + barH + GUTTER : from.y - GUTTER
  const gutterTo = down ? to.y - GUTTER : to.y + barH + GUTTER
  const shapes: Point[][] = [
    // Along the gap by the dependency's row, then down (or up) just left of the dependent.
    [
      [sx, sy],
      [sx, gutterFrom],
      [xv, gutterFrom],
      [xv, ey],
      [ex, ey],
    ],
  ]
  if (to.y !== from.y) {
    // Down (or up) by the dependency first, then along the gap by the dependent's row.
    for (const x of [sx, from.x + 4])
      shapes.push([
        [x, sy],
        [x, gutterTo],
        [xv, gutterTo],
        [xv, ey],
        [ex, ey],
      ])
  }
  // The route touches its own two bars (not their labels): those are no obstacles.
  const own = (r: Rect, b: Box) => r.x === b.x && r.y === b.y && r.w === b.width
  const others = obstacles.filter((r) => !own(r, from) && !own(r, to))
  return shapes.find((s) => clear(s, others)) ?? shapes[0]
}

/** An SVG path through the points, with rounded corners. */
export function pathOf(points: readonly Point[]): string {
  const pts = points.filter(
    (p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1],
  )
  let d = `M${pts[0][0]} ${pts[0][1]}`
  for (let i = 1; i < pts.length - 1; i++) {
    const [ax, ay] = pts[i - 1]
    const [px, py] = pts[i]
    const [bx, by] = pts[i + 1]
    const inLen = Math.hypot(px - ax, py - ay)
    const outLen = Math.hypot(bx - px, by - py)
    const r = Math.min(RADIUS, inLen / 2, outLen / 2)
    const x1 = px - ((px - ax) / inLen) * r
    const y1 = py - ((py - ay) / inLen) * r
    const x2 = px + ((bx - px) / outLen) * r
    const y2 = py + ((by - py) / outLen) * r
    d += ` L${x1} ${y1} Q${px} ${py} ${x2} ${y2}`
  }
  const last = pts[pts.length - 1]
  return `${d} L${last[0]} ${last[1]}`
}

// Where the axis's labels go. A label is drawn whole or not at all: one the view's edge would
// cut (at "fit all" the first and last periods are only partly in view) is moved inside the
// period's visible part, or left out when that part is too narrow for it. The exported images
// clamp their labels the same way (packages/exchange/src/render/draw.ts).

const BADGE_HALF = 22
// Estimated glyph widths of the axis's fonts (12 px semibold major, 11 px minor), a little
// generous so an estimate never lets a label overrun the edge.
const MAJOR_CHAR_W = 7.6
const MINOR_CHAR_W = 6.2
const MAJOR_PAD = 8
const MINOR_PAD = 6

/** The visible window of the axis, in its own pixels. */
export interface AxisWindow {
  left: number
  width: number
}

/**
 * A major label's offset from its period's start, or null when it cannot be shown whole: it
 * sticks to the view's left edge while its period starts left of the view, and stays inside
 * both its period and the view.
 */
export function majorLabelOffset(
  x: number,
  w: number,
  label: string,
  view: AxisWindow,
): number | null {
  const labelW = label.length * MAJOR_CHAR_W + MAJOR_PAD * 2
  const start = Math.max(0, view.left - x)
  const room = Math.min(w, view.left + view.width - x) - start
  return room >= labelW ? start : null
}

/**
 * A minor label's shift from its tick's start: 0, a shift that moves it past the Today badge
 * when the badge would cover it, or null when it does not fit its tick or the view.
 */
export function minorLabelShift(
  x: number,
  w: number,
  label: string,
  todayX: number,
  view: AxisWindow,
): number | null {
  const textW = label.length * MINOR_CHAR_W
  if (w <= textW + 8) return null
  const start = x + MINOR_PAD
  const covered = start < todayX + BADGE_HALF + 2 && start + textW > todayX - BADGE_HALF - 2
  const shift = covered ? todayX + BADGE_HALF + 4 - start : 0
  if (covered && !(shift > 0 && MINOR_PAD + shift + textW + 2 <= w)) return null
  const inView = start + shift >= view.left && start + shift + textW <= view.left + view.width
  return inView ? shift : null
}

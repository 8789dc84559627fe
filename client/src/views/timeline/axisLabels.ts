// Where the axis's labels go. On screen a label shows whole or not at all: one the view's edge
// would cut (at "fit all" the first and last periods are only partly in view) is moved inside
// its period's visible part, or hidden when that part is too narrow for it. A printed page
// holds more than the screen's window, so hidden labels are kept in the page for print. The
// exported images clamp their labels the same way (packages/exchange/src/render/draw.ts).

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

/** Where a label goes in its tick, and whether the view's edges leave it whole. */
export interface LabelPlace {
  offset: number
  whole: boolean
}

/**
 * A major label's offset from its period's start: it sticks to the view's left edge while its
 * period starts left of the view, and stays inside its period; `whole` is false when the
 * period's visible part is too narrow for it.
 */
export function majorLabelPlace(x: number, w: number, label: string, view: AxisWindow): LabelPlace {
  const labelW = label.length * MAJOR_CHAR_W + MAJOR_PAD * 2
  const offset = Math.max(0, Math.min(view.left - x, w - labelW))
  const start = Math.max(0, view.left - x)
  const room = Math.min(w, view.left + view.width - x) - start
  return { offset, whole: room >= labelW }
}

/**
 * A minor label's shift from its tick's start: 0, or a shift that moves it past the Today
 * badge when the badge would cover it; null when it does not fit its tick. `whole` is false
 * when the view's edge would cut it.
 */
export function minorLabelPlace(
  x: number,
  w: number,
  label: string,
  todayX: number,
  view: AxisWindow,
): LabelPlace | null {
  const textW = label.length * MINOR_CHAR_W
  if (w <= textW + 8) return null
  const start = x + MINOR_PAD
  const covered = start < todayX + BADGE_HALF + 2 && start + textW > todayX - BADGE_HALF - 2
  const shift = covered ? todayX + BADGE_HALF + 4 - start : 0
  if (covered && !(shift > 0 && MINOR_PAD + shift + textW + 2 <= w)) return null
  const whole = start + shift >= view.left && start + shift + textW <= view.left + view.width
  return { offset: shift, whole }
}

// Geometry and zoom levels of the timeline.
export const LABEL_W = 232
export const HEADER_H = 52
export const ROW_H = 34
export const BAR_H = 26
export const LANE_PAD = 8
export const LANE_HEADER_MIN = 44
export const COLLAPSED_H = 36
export const MILESTONE_STRIP_H = 30
export const OVERSCAN_PX = 400

/**
 * Row geometry: regular, and compact at "fit all", where the whole plan should fit a
 * laptop screen (five lanes in a 900 px high window). `spare` is the free space under a
 * lane's last row, room to draw a new feature; an overview leaves it out.
 */
export const ROWS = {
  regular: { rowH: ROW_H, barH: BAR_H, pad: LANE_PAD, strip: MILESTONE_STRIP_H, spare: ROW_H / 2 },
  compact: { rowH: 24, barH: 18, pad: 4, strip: 22, spare: 0 },
} as const
export type RowGeometry = (typeof ROWS)[keyof typeof ROWS]

export const ZOOMS = {
  week: { label: 'Week', pxPerDay: 32, snapDays: 1 },
  month: { label: 'Month', pxPerDay: 7, snapDays: 1 },
  quarter: { label: 'Quarter', pxPerDay: 2.4, snapDays: 7 },
  year: { label: 'Year', pxPerDay: 0.7, snapDays: 7 },
} as const
export type Zoom = keyof typeof ZOOMS | 'fit'
export const ZOOM_ORDER = ['week', 'month', 'quarter', 'year'] as const

export function isZoom(value: unknown): value is Zoom {
  return value === 'fit' || (typeof value === 'string' && value in ZOOMS)
}

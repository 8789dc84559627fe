// What an export shows: what the user sees on the timeline (lanes in view and not collapsed,
// the visible date range at its zoom) or the whole roadmap; and the same as the live image's
// query string, so the PDF the server draws shows the same lanes as the SVG drawn here.
import type { IsoDate, LaneId, RoadmapData } from '@meridian/model'
import type { PageSizeName, TimelineRenderOptions } from '@meridian/exchange'
import { fromMs } from '../lib/dates.js'
import type { TimelineState } from '../views/timeline/useTimeline.js'
import { HEADER_H, LABEL_W, ZOOMS } from '../views/timeline/constants.js'

export const EXPORT_SCOPE = { view: 'view', all: 'all' } as const
export type ExportScope = (typeof EXPORT_SCOPE)[keyof typeof EXPORT_SCOPE]

export interface ViewWindow {
  start: IsoDate
  end: IsoDate
  laneIds: LaneId[]
  /** Lanes in view but collapsed: their bars are hidden on screen, so left out of the file. */
  collapsed: number
  pxPerDay: number
  zoomLabel: string
}

/** The timeline's visible window, read from its scale, scroll position and lane layout. */
export function viewWindow(tl: TimelineState): ViewWindow {
  const { ts, viewport, layout } = tl
  const start = fromMs(ts.msAt(viewport.left))
  const end = fromMs(ts.msAt(viewport.left + viewport.width - LABEL_W) - 1)
  const top = viewport.top
  const bottom = viewport.top + viewport.height - HEADER_H
  const inView = layout.lanes.filter((l) => !l.orphan && l.top < bottom && l.top + l.height > top)
  const laneIds = inView.filter((l) => !l.collapsed).map((l) => l.lane.id)
  const zoomLabel = ts.zoom === 'fit' ? 'Fit all' : ZOOMS[ts.zoom].label
  return {
    start,
    end,
    laneIds,
    collapsed: inView.length - laneIds.length,
    pxPerDay: ts.pxPerDay,
    zoomLabel,
  }
}

export function renderOptions(
  scope: ExportScope,
  view: ViewWindow,
  size: PageSizeName,
  keepZoom: boolean,
  today: IsoDate,
  data: RoadmapData,
): TimelineRenderOptions {
  if (scope === EXPORT_SCOPE.view)
    return { size, today, start: view.start, end: view.end, laneIds: view.laneIds, pxPerDay: null }
  return {
    size,
    today,
    start: null,
    end: null,
    laneIds: data.lanes.map((l) => l.id),
    pxPerDay: keepZoom ? view.pxPerDay : null,
  }
}

const ZOOM_OF_PX: Record<number, string> = { 32: 'week', 7: 'month', 2.4: 'quarter', 0.7: 'year' }

/** The server's query for the same rendering (GET …/timeline.pdf). */
export function renderQuery(o: TimelineRenderOptions): string {
  const q = new URLSearchParams()
  if (typeof o.size === 'string') q.set('size', o.size)
  q.set('today', o.today)
  if (o.start) q.set('start', o.start)
  if (o.end) q.set('end', o.end)
  if (o.laneIds) q.set('lanes', o.laneIds.join(','))
  if (o.pxPerDay) q.set('zoom', ZOOM_OF_PX[o.pxPerDay] ?? 'fit')
  return q.toString()
}

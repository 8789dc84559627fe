// Where everything goes: lanes packed into rows, the time range cut into page columns and the
// lanes into page rows (a lane taller than a page continues on the next, its label repeated).
import type { Feature, IsoDate, Lane, LaneId, Milestone, RoadmapData } from '@meridian/model'
import { addDays, diffDays, isIsoDate } from '@meridian/model'
import { MAX_PAGES, PAGE_SIZE } from './options.js'
import type { TimelineRenderOptions } from './options.js'
import { GEOMETRY as G } from './geometry.js'
import { textWidth } from './text.js'

export interface PlacedBar {
  feature: Feature
  row: number
  /** Day offsets from the range's start: [start, end) */
  from: number
  to: number
}

export interface PlannedLane {
  lane: Lane
  rows: number
  bars: PlacedBar[]
  milestones: Milestone[]
  undated: number
}

/** One lane's share of a page: rows [rowFrom, rowTo) of it. */
export interface LaneSlice {
  lane: PlannedLane
  rowFrom: number
  rowTo: number
  continued: boolean
  top: number
  height: number
}

export interface PlannedPage {
  index: number
  /** Days [dayFrom, dayTo) of the range shown on this page. */
  dayFrom: number
  dayTo: number
  slices: LaneSlice[]
}

export interface TimelinePlan {
  title: string
  width: number
  height: number
  start: IsoDate
  /** Inclusive. */
  end: IsoDate
  today: IsoDate
  pxPerDay: number
  lanes: PlannedLane[]
  globalMilestones: Milestone[]
  pages: PlannedPage[]
  /** Where each drawn feature is, for dependency arrows. */
  features: Map<string, { lane: PlannedLane; bar: PlacedBar }>
}

const datedExtent = (data: RoadmapData): { start: IsoDate; end: IsoDate } | null => {
  let start: IsoDate | null = null
  let end: IsoDate | null = null
  const see = (a: IsoDate, b: IsoDate) => {
    if (start === null || a < start) start = a
    if (end === null || b > end) end = b
  }
  for (const f of data.features) if (f.start && f.end && f.end >= f.start) see(f.start, f.end)
  for (const m of data.milestones) if (m.date) see(m.date, m.date)
  return start !== null && end !== null ? { start, end } : null
}

/** The range shown: the options', else the roadmap's extent padded a little, else a quarter around today. */
function rangeOf(data: RoadmapData, o: TimelineRenderOptions): { start: IsoDate; end: IsoDate } {
  const extent = datedExtent(data)
  let start = o.start && isIsoDate(o.start) ? o.start : null
  let end = o.end && isIsoDate(o.end) ? o.end : null
  if (!start) start = extent ? addDays(extent.start, -7) : addDays(o.today, -14)
  if (!end) end = extent ? addDays(extent.end, 7) : addDays(o.today, 90)
  if (end < start) end = start
  return { start, end }
}

function pack(
  features: Feature[],
  start: IsoDate,
  pxPerDay: number,
): { bars: PlacedBar[]; rows: number } {
  const bars: Array<PlacedBar & { reserve: number }> = []
  for (const feature of features) {
    const from = diffDays(feature.start!, start)
    const to = diffDays(feature.end!, start) + 1
    // What is drawn of a bar that starts before the range is the part inside it.
    const barPx = (to - Math.max(from, 0)) * pxPerDay
    const label = textWidth(feature.title, G.barFont) + G.barPadX * 2 + 8
    // A title that does not fit its bar is drawn after it: reserve that space in the row.
    const reservePx = (barPx < label ? barPx + label : barPx) + G.barGap
    bars.push({ feature, row: 0, from, to, reserve: from + reservePx / pxPerDay })
  }
  bars.sort((a, b) => a.from - b.from || a.to - b.to)
  const rowEnds: number[] = []
  for (const b of bars) {
    let row = rowEnds.findIndex((end) => end <= b.from)
    if (row === -1) {
      row = rowEnds.length
      rowEnds.push(b.reserve)
    } else rowEnds[row] = b.reserve
    b.row = row
  }
  return { bars, rows: Math.max(1, rowEnds.length) }
}

export const pageSizeOf = (o: TimelineRenderOptions) =>
  typeof o.size === 'string' ? PAGE_SIZE[o.size] : o.size

/** Vertical room for lanes on one page. */
export const lanesHeight = (height: number): number =>
  height - G.margin * 2 - G.headerH - G.axisH - G.globalStripH - G.legendH

export function planTimeline(data: RoadmapData, o: TimelineRenderOptions): TimelinePlan {
  const { width, height } = pageSizeOf(o)
  const { start, end } = rangeOf(data, o)
  const days = diffDays(end, start) + 1
  const plotW = width - G.margin * 2 - G.labelW
  const fitPx = plotW / days
  const pxPerDay = o.pxPerDay && o.pxPerDay > 0 ? Math.max(o.pxPerDay, fitPx) : fitPx
  // The epsilon: a range fitted to the width must not lose its last day to rounding.
  const daysPerPage = Math.max(1, Math.floor(plotW / pxPerDay + 1e-9))

  const laneFilter = o.laneIds ? new Set<LaneId>(o.laneIds) : null
  const statusFilter = o.statuses ? new Set(o.statuses) : null
  const lanesShown = data.lanes.filter((l) => !laneFilter || laneFilter.has(l.id))
  const inRange = (a: IsoDate, b: IsoDate) => a <= end && b >= start
  const lanes: PlannedLane[] = lanesShown.map((lane) => {
    const own = data.features.filter(
      (f) => f.laneId === lane.id && (!statusFilter || statusFilter.has(f.status)),
    )
    const dated = own.filter((f) => f.start && f.end && f.end >= f.start && inRange(f.start, f.end))
    const undated = own.filter((f) => !f.start || !f.end || f.end < f.start).length
    const { bars, rows } = pack(dated, start, pxPerDay)
    const milestones = data.milestones.filter(
      (m) => m.laneId === lane.id && m.date !== null && inRange(m.date, m.date),
    )
    return { lane, rows, bars, milestones, undated }
  })
  const globalMilestones = data.milestones.filter(
    (m) =>
      m.date !== null &&
      inRange(m.date, m.date) &&
      (m.laneId === null || !data.lanes.some((l) => l.id === m.laneId)),
  )

  // Lanes into page rows; each page row is repeated for every time column.
  const room = lanesHeight(height)
  const pageRows: LaneSlice[][] = [[]]
  let used = 0
  for (const lane of lanes) {
    const strip = lane.milestones.length > 0 ? G.laneStripH : 0
    let row = 0
    while (row < lane.rows) {
      const fixed = G.lanePad * 2 + strip
      let fit = Math.floor((room - used - fixed) / G.rowH)
      if (fit < 1 && used > 0) {
        pageRows.push([])
        used = 0
        fit = Math.floor((room - fixed) / G.rowH)
      }
      const take = Math.max(1, Math.min(fit, lane.rows - row))
      const h = Math.max(G.laneMinH, fixed + take * G.rowH)
      pageRows[pageRows.length - 1].push({
        lane,
        rowFrom: row,
        rowTo: row + take,
        continued: row > 0,
        top: used,
        height: h,
      })
      used += h
      row += take
    }
  }
  const pages: PlannedPage[] = []
  for (let r = 0; r < pageRows.length && pages.length < MAX_PAGES; r++)
    for (let d = 0; d < days && pages.length < MAX_PAGES; d += daysPerPage)
      pages.push({
        index: pages.length,
        dayFrom: d,
        dayTo: Math.min(days, d + daysPerPage),
        slices: pageRows[r],
      })

  const features = new Map<string, { lane: PlannedLane; bar: PlacedBar }>()
  for (const lane of lanes) for (const bar of lane.bars) features.set(bar.feature.id, { lane, bar })
  return {
    title: o.title ?? (data.meta.title || 'Roadmap'),
    width,
    height,
    start,
    end,
    today: o.today,
    pxPerDay,
    lanes,
    globalMilestones,
    pages,
    features,
  }
}

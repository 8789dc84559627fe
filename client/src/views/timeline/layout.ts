// Pure layout of the timeline's rows: lanes stacked top to bottom, each lane's dated
// features packed into as few rows as possible (greedy by start date). Positions on the
// x axis come from the scale at render time; this only depends on the data.
import type { Feature, FeatureId, Lane, LaneId, Milestone, RoadmapData } from '@meridian/model'
import { toMs } from '../../lib/dates.js'
import { COLLAPSED_H, LANE_HEADER_MIN, ROWS } from './constants.js'
import type { RowGeometry } from './constants.js'

export const NO_LANE = '' as LaneId

export interface PlacedFeature {
  feature: Feature
  row: number
  startMs: number
  /** Exclusive: the first moment after the (inclusive) end date. */
  endMs: number
  /** The bar is too short for its title, which is drawn after it (space is reserved). */
  labelOutside: boolean
}

export interface LaneLayout {
  lane: Lane
  /** True for the pseudo-lane holding features whose lane is gone. */
  orphan: boolean
  top: number
  height: number
  rows: number
  collapsed: boolean
  milestoneStrip: boolean
  features: PlacedFeature[]
  milestones: Milestone[]
  unscheduled: number
  /** Features of this lane without (valid) dates: not drawn, listed from the lane label. */
  undated: Feature[]
  geometry: RowGeometry
}

export interface TimelineLayout {
  lanes: LaneLayout[]
  height: number
  /** Milestones without a lane, drawn in the strip above the lanes. */
  globalMilestones: Milestone[]
  globalStripH: number
  geometry: RowGeometry
  byFeature: Map<FeatureId, { lane: LaneLayout; placed: PlacedFeature }>
}

/** First and last dated moment of the roadmap (features and milestones), for the time domain. */
export function extentOf(data: RoadmapData): { minMs: number | null; maxMs: number | null } {
  let minMs: number | null = null
  let maxMs: number | null = null
  const see = (a: number, b: number) => {
    if (minMs === null || a < minMs) minMs = a
    if (maxMs === null || b > maxMs) maxMs = b
  }
  for (const f of data.features)
    if (f.start && f.end && f.end >= f.start) see(toMs(f.start), toMs(f.end) + DAY)
  for (const m of data.milestones) if (m.date) see(toMs(m.date), toMs(m.date) + DAY)
  return { minMs, maxMs }
}

const DAY = 86_400_000

/** Rough rendered width of a bar's content (title, health dot, padding), in px. */
export function labelWidth(feature: Feature): number {
  return Math.min(260, feature.title.length * 6.6 + 44)
}

const GAP_PX = 6

function pack(
  features: Feature[],
  pxPerDay: number,
): { placed: PlacedFeature[]; rows: number; unscheduled: number; undated: Feature[] } {
  const dated: Array<PlacedFeature & { reserveMs: number }> = []
  let unscheduled = 0
  const undated: Feature[] = []
  const msPerPx = DAY / pxPerDay
  for (const feature of features) {
    if (!feature.start || !feature.end || feature.end < feature.start) {
      unscheduled++
      undated.push(feature)
      continue
    }
    const startMs = toMs(feature.start)
    const endMs = toMs(feature.end) + DAY
    const barPx = (endMs - startMs) / msPerPx
    const label = labelWidth(feature)
    const labelOutside = barPx < label
    const reservePx = (labelOutside ? barPx + label - 28 : barPx) + GAP_PX
    dated.push({
      feature,
      row: 0,
      startMs,
      endMs,
      labelOutside,
      reserveMs: startMs + reservePx * msPerPx,
    })
  }
  dated.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)
  const rowEnds: number[] = []
  for (const p of dated) {
    let row = rowEnds.findIndex((end) => end <= p.startMs)
    if (row === -1) {
      row = rowEnds.length
      rowEnds.push(p.reserveMs)
    } else rowEnds[row] = p.reserveMs
    p.row = row
  }
  return { placed: dated, rows: Math.max(1, rowEnds.length), unscheduled, undated }
}

export function computeLayout(
  data: RoadmapData,
  collapsedOverride: ReadonlySet<LaneId>,
  pxPerDay: number,
  geometry: RowGeometry = ROWS.regular,
): TimelineLayout {
  const g = geometry
  const laneIds = new Set(data.lanes.map((l) => l.id))
  const byLane = new Map<LaneId, Feature[]>()
  for (const f of data.features) {
    const key = laneIds.has(f.laneId) ? f.laneId : NO_LANE
    let list = byLane.get(key)
    if (!list) byLane.set(key, (list = []))
    list.push(f)
  }
  const milestonesByLane = new Map<LaneId, Milestone[]>()
  const globalMilestones: Milestone[] = []
  for (const m of data.milestones) {
    if (!m.date) continue
    if (m.laneId && laneIds.has(m.laneId)) {
      let list = milestonesByLane.get(m.laneId)
      if (!list) milestonesByLane.set(m.laneId, (list = []))
      list.push(m)
    } else globalMilestones.push(m)
  }
  const globalStripH = g.strip + 6
  const lanes: LaneLayout[] = []
  const byFeature = new Map<FeatureId, { lane: LaneLayout; placed: PlacedFeature }>()
  let top = globalStripH
  const entries: Array<{ lane: Lane; orphan: boolean }> = data.lanes.map((lane) => ({
    lane,
    orphan: false,
  }))
  if (byLane.has(NO_LANE))
    entries.push({
      lane: { id: NO_LANE, name: 'No lane', color: '#9aa0ad', rank: '' },
      orphan: true,
    })
  for (const { lane, orphan } of entries) {
    const { placed, rows, unscheduled, undated } = pack(byLane.get(lane.id) ?? [], pxPerDay)
    const milestones = milestonesByLane.get(lane.id) ?? []
    const collapsed = collapsedOverride.has(lane.id) ? !lane.collapsed : Boolean(lane.collapsed)
    const milestoneStrip = milestones.length > 0 && !collapsed
    // A free half row under the last bar leaves room to draw a new feature.
    const height = collapsed
      ? COLLAPSED_H
      : Math.max(
          LANE_HEADER_MIN + g.rowH,
          (milestoneStrip ? g.strip : 0) + rows * g.rowH + g.pad * 2 + g.spare,
        )
    const layout: LaneLayout = {
      lane,
      orphan,
      top,
      height,
      rows,
      collapsed,
      milestoneStrip,
      features: placed,
      milestones,
      unscheduled,
      undated,
      geometry: g,
    }
    for (const p of placed) byFeature.set(p.feature.id, { lane: layout, placed: p })
    lanes.push(layout)
    top += height
  }
  return { lanes, height: top, globalMilestones, globalStripH, geometry: g, byFeature }
}

/** The y (content coordinates) of a feature's bar top. */
export function barTop(lane: LaneLayout, row: number): number {
  if (lane.collapsed) return lane.top + (COLLAPSED_H - 10) / 2
  const g = lane.geometry
  return lane.top + g.pad + (lane.milestoneStrip ? g.strip : 0) + row * g.rowH
}

/** The lane at content y, or null above/below all lanes. Binary search: lanes are sorted by top. */
export function laneAt(layout: TimelineLayout, y: number): LaneLayout | null {
  const lanes = layout.lanes
  let lo = 0
  let hi = lanes.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const lane = lanes[mid]
    if (y < lane.top) hi = mid - 1
    else if (y >= lane.top + lane.height) lo = mid + 1
    else return lane
  }
  return null
}

/** Lanes overlapping the vertical window [y0, y1). */
export function lanesIn(layout: TimelineLayout, y0: number, y1: number): LaneLayout[] {
  return layout.lanes.filter((l) => l.top < y1 && l.top + l.height > y0)
}

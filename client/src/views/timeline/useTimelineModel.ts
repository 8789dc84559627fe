// Everything the canvas draws, derived from the snapshot, the scale and the visible
// window: only lanes and bars in (or near) view are returned — the virtualization.
import { useMemo } from 'react'
import type { FeatureId, IsoDate, LaneId, RoadmapData } from '@meridian/model'
import { DAY_MS, toMs } from '../../lib/dates.js'
import { LABEL_W, HEADER_H, OVERSCAN_PX } from './constants.js'
import { barTop, computeLayout, lanesIn } from './layout.js'
import type { RowGeometry } from './constants.js'
import type { LaneLayout, PlacedFeature } from './layout.js'
import { computeFacts } from './featureFacts.js'
import type { BarBox } from './DependencyLayer.js'
import type { RemoteDrag } from './useTimelinePeers.js'
import type { TimeScale } from './useTimeScale.js'
import type { Viewport } from './useViewport.js'

export interface BarView {
  placed: PlacedFeature
  lane: LaneLayout
  box: BarBox
  remote: RemoteDrag | null
}

export function useLayoutAndFacts(
  data: RoadmapData,
  today: IsoDate,
  collapsedOverride: ReadonlySet<LaneId>,
  pxPerDay: number,
  geometry: RowGeometry,
) {
  const layout = useMemo(
    () => computeLayout(data, collapsedOverride, pxPerDay, geometry),
    [data, collapsedOverride, pxPerDay, geometry],
  )
  const facts = useMemo(() => computeFacts(data, today), [data, today])
  const order = useMemo(
    () =>
      layout.lanes.flatMap((l) =>
        [...l.features]
          .sort((a, b) => a.startMs - b.startMs || a.row - b.row)
          .map((p) => p.feature.id),
      ),
    [layout],
  )
  return { layout, facts, order }
}

export function useVisible(
  layout: ReturnType<typeof computeLayout>,
  ts: TimeScale,
  viewport: Viewport,
  drags: ReadonlyMap<FeatureId, RemoteDrag>,
  selected: FeatureId | null,
  data: RoadmapData,
) {
  return useMemo(() => {
    const x0 = viewport.left - OVERSCAN_PX
    const x1 = viewport.left + viewport.width - LABEL_W + OVERSCAN_PX
    const y0 = viewport.top - OVERSCAN_PX
    const y1 = viewport.top + viewport.height - HEADER_H + OVERSCAN_PX
    const lanes = lanesIn(layout, y0, y1)
    const laneById = new Map(layout.lanes.map((l) => [l.lane.id, l]))

    const boxOf = (id: FeatureId): BarBox | null => {
      const hit = layout.byFeature.get(id)
      if (!hit) return null
      const remote = drags.get(id)
      if (remote) {
        const lane = laneById.get(remote.laneId) ?? hit.lane
        const x = ts.x(toMs(remote.start))
        return {
          x,
          y:
            lane === hit.lane
              ? barTop(hit.lane, hit.placed.row)
              : barTop(lane, lane.collapsed ? 0 : lane.rows),
          width: Math.max(6, ts.x(toMs(remote.end) + DAY_MS) - x),
        }
      }
      const x = ts.x(hit.placed.startMs)
      return {
        x,
        y: barTop(hit.lane, hit.placed.row),
        width: Math.max(6, ts.x(hit.placed.endMs) - x),
      }
    }
    const inView = (b: BarBox) => b.x + b.width >= x0 && b.x <= x1 && b.y + 30 >= y0 && b.y <= y1

    const bars: BarView[] = []
    const seen = new Set<FeatureId>()
    for (const lane of lanes) {
      for (const placed of lane.features) {
        const box = boxOf(placed.feature.id)
        if (!box || !inView(box)) continue
        seen.add(placed.feature.id)
        bars.push({ placed, lane, box, remote: drags.get(placed.feature.id) ?? null })
      }
    }
    // Always render the selected bar (it holds keyboard focus) and bars others are dragging into view.
    for (const id of [selected, ...drags.keys()]) {
      if (!id || seen.has(id)) continue
      const hit = layout.byFeature.get(id)
      const box = boxOf(id)
      if (!hit || !box) continue
      if (id !== selected && !inView(box)) continue
      seen.add(id)
      bars.push({ placed: hit.placed, lane: hit.lane, box, remote: drags.get(id) ?? null })
    }

    const links: Array<readonly [FeatureId, FeatureId]> = []
    for (const f of data.features) {
      if (f.dependsOn.length === 0) continue
      const to = boxOf(f.id)
      if (!to) continue
      for (const dep of f.dependsOn) {
        const from = boxOf(dep)
        if (!from) continue
        const left = Math.min(from.x, to.x)
        const right = Math.max(from.x + from.width, to.x + to.width)
        const top = Math.min(from.y, to.y)
        const bottom = Math.max(from.y, to.y) + 30
        if (right >= x0 && left <= x1 && bottom >= y0 && top <= y1) links.push([f.id, dep] as const)
      }
    }
    return { lanes, bars, links, boxOf, window: { x0, x1, y0, y1 } }
  }, [layout, ts, viewport, drags, selected, data])
}

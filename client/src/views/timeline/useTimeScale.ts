// The time axis: zoom level, domain (covers the content with room either side, whole
// months) and the d3 UTC scale mapping dates to x in content pixels.
import { useCallback, useMemo, useState } from 'react'
import { scaleUtc } from 'd3-scale'
import type { ScaleTime } from 'd3-scale'
import type { IsoDate } from '@meridian/model'
import { DAY_MS, toMs } from '../../lib/dates.js'
import { LABEL_W, ZOOMS, isZoom } from './constants.js'
import type { Zoom } from './constants.js'

export interface TimeScale {
  zoom: Zoom
  pxPerDay: number
  snapDays: number
  scale: ScaleTime<number, number>
  width: number
  startMs: number
  x(ms: number): number
  msAt(x: number): number
}

function monthStart(ms: number, offsetMonths: number): number {
  const d = new Date(ms)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offsetMonths, 1)
}

// The zoom is kept for the tab's session, per roadmap: switching to another view and back
// (which unmounts the timeline) or reloading keeps the level the person chose.
const zoomKey = (roadmapId: string) => `meridian:zoom:${roadmapId}`

function storedZoom(roadmapId: string): Zoom {
  try {
    const value = sessionStorage.getItem(zoomKey(roadmapId))
    return isZoom(value) ? value : 'month'
  } catch {
    return 'month'
  }
}

export function useTimeScale(
  extent: { minMs: number | null; maxMs: number | null },
  today: IsoDate,
  horizon: { start: IsoDate | null; end: IsoDate | null },
  viewportWidth: number,
  roadmapId: string,
) {
  const [zoom, setZoomState] = useState<Zoom>(() => storedZoom(roadmapId))
  const setZoom = useCallback(
    (next: Zoom) => {
      setZoomState(next)
      try {
        sessionStorage.setItem(zoomKey(roadmapId), next)
      } catch {
        // storage unavailable (private mode, quota): the zoom just is not remembered
      }
    },
    [roadmapId],
  )
  const todayMs = toMs(today)
  const contentMin = Math.min(
    extent.minMs ?? todayMs,
    todayMs,
    horizon.start ? toMs(horizon.start) : todayMs,
  )
  const contentMax = Math.max(
    extent.maxMs ?? todayMs,
    todayMs,
    horizon.end ? toMs(horizon.end) : todayMs,
  )
  const available = Math.max(400, viewportWidth - LABEL_W)
  // Fit leaves room after the last bar for its label.
  const LABEL_ROOM = 200
  const pxPerDay =
    zoom === 'fit'
      ? (available - LABEL_ROOM) / Math.max(14, (contentMax - contentMin) / DAY_MS + 14)
      : ZOOMS[zoom].pxPerDay
  const snapDays = zoom === 'fit' ? (pxPerDay >= 5 ? 1 : 7) : ZOOMS[zoom].snapDays
  // Whole months of margin, more when zoomed out, so there is room to drag and create.
  const pad =
    zoom === 'fit' ? 0 : zoom === 'week' ? 1 : zoom === 'month' ? 2 : zoom === 'quarter' ? 4 : 12
  const startMs = zoom === 'fit' ? contentMin - 7 * DAY_MS : monthStart(contentMin, -pad)
  let endMs =
    zoom === 'fit'
      ? contentMax + 7 * DAY_MS + (LABEL_ROOM / pxPerDay) * DAY_MS
      : monthStart(contentMax, pad + 1)
  const minEnd = startMs + (available / pxPerDay) * DAY_MS
  if (endMs < minEnd) endMs = minEnd
  const width = Math.round(((endMs - startMs) / DAY_MS) * pxPerDay)
  const scale = useMemo(
    () =>
      scaleUtc()
        .domain([new Date(startMs), new Date(endMs)])
        .range([0, width]),
    [startMs, endMs, width],
  )
  const timeScale: TimeScale = useMemo(
    () => ({
      zoom,
      pxPerDay,
      snapDays,
      scale,
      width,
      startMs,
      x: (ms: number) => ((ms - startMs) / DAY_MS) * pxPerDay,
      msAt: (x: number) => startMs + (x / pxPerDay) * DAY_MS,
    }),
    [zoom, pxPerDay, snapDays, scale, width, startMs],
  )
  return { timeScale, setZoom }
}

// The live image's query parameters (range, lanes, statuses, zoom, size, page), validated.
import { z } from 'zod'
import { FEATURE_STATUS, isIsoDate } from '@meridian/model'
import type { FeatureStatus, LaneId } from '@meridian/model'
import { PAGE_SIZE, SIZE_LIMITS } from '@meridian/exchange'
import type { TimelineRenderOptions } from '@meridian/exchange'
import { parseBody } from '../parseBody.js'

/** Pixels per day of the timeline view's zoom levels (client/src/views/timeline/constants.ts). */
export const ZOOM_PX_PER_DAY = { week: 32, month: 7, quarter: 2.4, year: 0.7 } as const

const isoDate = z.string().refine(isIsoDate, 'expected YYYY-MM-DD')
const list = (max: number) =>
  z
    .string()
    .max(max * 40)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.string().min(1).max(64)).max(max))
const dimension = z.coerce.number().int().min(SIZE_LIMITS.min).max(SIZE_LIMITS.max)

const TimelineQuery = z
  .object({
    size: z.enum(Object.keys(PAGE_SIZE) as [keyof typeof PAGE_SIZE]).optional(),
    width: dimension.optional(),
    height: dimension.optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
    lanes: list(500).optional(),
    status: list(4)
      .pipe(z.array(z.enum(Object.values(FEATURE_STATUS) as [FeatureStatus])))
      .optional(),
    zoom: z
      .enum(['fit', ...(Object.keys(ZOOM_PX_PER_DAY) as [keyof typeof ZOOM_PX_PER_DAY])])
      .optional(),
    page: z.coerce.number().int().min(1).max(1000).optional(),
    scale: z.coerce.number().min(0.5).max(3).optional(),
    today: isoDate.optional(),
  })
  .refine((q) => (q.width === undefined) === (q.height === undefined), {
    message: 'width and height go together',
    path: ['width'],
  })
  .refine((q) => !q.start || !q.end || q.start <= q.end, {
    message: 'end is before start',
    path: ['end'],
  })

export interface TimelineRequest {
  options: TimelineRenderOptions
  /** 0-based. */
  page: number
  scale: number
}

export function parseTimelineQuery(query: URLSearchParams): TimelineRequest {
  const raw: Record<string, string> = {}
  for (const [k, v] of query) if (k !== 'token') raw[k] = v
  const q = parseBody(TimelineQuery, raw)
  const zoom = q.zoom && q.zoom !== 'fit' ? ZOOM_PX_PER_DAY[q.zoom] : null
  return {
    options: {
      size: q.width && q.height ? { width: q.width, height: q.height } : (q.size ?? 'slide'),
      today: q.today ?? new Date().toISOString().slice(0, 10),
      start: q.start ?? null,
      end: q.end ?? null,
      laneIds: (q.lanes as LaneId[] | undefined) ?? null,
      statuses: q.status ?? null,
      pxPerDay: zoom,
    },
    page: (q.page ?? 1) - 1,
    scale: q.scale ?? 1,
  }
}

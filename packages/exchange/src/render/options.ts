// What a timeline rendering shows and on what paper. Sizes are CSS pixels (96 per inch):
// the SVG's own units, which the PDF maps onto points and the PNG onto device pixels.
import type { FeatureStatus, IsoDate, LaneId } from '@meridian/model'

export const PAGE_SIZE = {
  slide: { label: '16:9 slide', width: 1280, height: 720 },
  a4: { label: 'A4 landscape', width: 1123, height: 794 },
  letter: { label: 'Letter landscape', width: 1056, height: 816 },
} as const
export type PageSizeName = keyof typeof PAGE_SIZE

export function isPageSizeName(value: unknown): value is PageSizeName {
  return typeof value === 'string' && Object.hasOwn(PAGE_SIZE, value)
}

/** Bounds for a caller-chosen size (the live image's `width`/`height`). */
export const SIZE_LIMITS = { min: 320, max: 4096 } as const
/** More pages than this is a mistake (a 10-year range at day zoom), not a document. */
export const MAX_PAGES = 200

export interface TimelineRenderOptions {
  size: PageSizeName | { width: number; height: number }
  /** Today, for the today line; the caller's calendar day. */
  today: IsoDate
  /** First and last day shown (inclusive). Default: the roadmap's dated extent. */
  start?: IsoDate | null
  end?: IsoDate | null
  /** Only these lanes, in the roadmap's order. Default: every lane. */
  laneIds?: readonly LaneId[] | null
  /** Only features with these statuses. Default: every status. */
  statuses?: readonly FeatureStatus[] | null
  /** Horizontal scale as on screen; null fits the range to one page's width. */
  pxPerDay?: number | null
  /** Overrides the roadmap's title in the header. */
  title?: string | null
}

// GET /api/roadmaps/:id/timeline.{svg,png,pdf}: the roadmap's timeline as it is now, drawn by
// the same renderer as the client's export (@meridian/exchange), for wikis, slides and READMEs.
import { readRoadmap } from '@meridian/model'
import { renderTimeline } from '@meridian/exchange'
import { ROLE } from '../../store/store.js'
import { ERROR_CODE, HttpError, sendText } from '../respond.js'
import type { ExchangeCtx } from './context.js'
import { liveDoc, requireRole, sendBytes } from './context.js'
import { svgPagesToPdf } from './pdf.js'
import { svgToPng } from './raster.js'
import { pageOf, parseTimelineQuery } from './timelineQuery.js'

/** Device pixels of one PNG: a 4096 px square, whatever the scale. */
const MAX_PNG_PIXELS = 4096 * 4096

async function rendered(ctx: ExchangeCtx) {
  await requireRole(ctx, ROLE.viewer)
  const request = parseTimelineQuery(ctx.query)
  const data = readRoadmap(await liveDoc(ctx))
  return { request, data, timeline: renderTimeline(data, request.options) }
}

export async function timelineSvg(ctx: ExchangeCtx): Promise<void> {
  const { request, timeline } = await rendered(ctx)
  sendText(ctx.res, 200, 'image/svg+xml; charset=utf-8', pageOf(timeline.pages, request.page), {
    'x-page-count': String(timeline.pages.length),
  })
}

export async function timelinePng(ctx: ExchangeCtx): Promise<void> {
  const { request, timeline } = await rendered(ctx)
  const pixels = timeline.width * timeline.height * request.scale ** 2
  if (pixels > MAX_PNG_PIXELS)
    throw new HttpError(400, ERROR_CODE.badRequest, 'scale: the image would be too large', {
      path: 'scale',
    })
  const png = svgToPng(pageOf(timeline.pages, request.page), request.scale)
  ctx.res.setHeader('x-page-count', String(timeline.pages.length))
  sendBytes(ctx.res, 'image/png', png)
}

export async function timelinePdf(ctx: ExchangeCtx): Promise<void> {
  const { data, timeline } = await rendered(ctx)
  const title = data.meta.title || 'Roadmap'
  const pdf = await svgPagesToPdf(timeline.pages, timeline.width, timeline.height, title)
  sendBytes(ctx.res, 'application/pdf', pdf, 'timeline.pdf')
}

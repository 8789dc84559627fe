// GET /api/roadmaps/:id/timeline.{svg,png,pdf}: the roadmap's timeline as it is now, drawn by
// the same renderer as the client's export (@meridian/exchange), for wikis, slides and READMEs.
import { readRoadmap } from '@meridian/model'
import { planTimeline, renderTimeline } from '@meridian/exchange'
import { ROLE } from '../../store/store.js'
import { ERROR_CODE } from '@meridian/protocol'
import { HttpError, sendText } from '../respond.js'
import type { ExchangeCtx } from './context.js'
import { liveDoc, requireRole, sendBytes } from './context.js'
import { timelineToPdf } from './pdf.js'
import { svgToPng } from './raster.js'
import { parseTimelineQuery } from './timelineQuery.js'
import type { TimelineRequest } from './timelineQuery.js'

/** Device pixels of one PNG: a 4096 px square, whatever the scale. */
const MAX_PNG_PIXELS = 4096 * 4096

async function request(ctx: ExchangeCtx) {
  await requireRole(ctx, ROLE.viewer)
  const req = parseTimelineQuery(ctx.query)
  return { req, data: readRoadmap(await liveDoc(ctx)) }
}

/** The one page asked for (`page`, 1-based in the query), as SVG. */
async function onePage(
  ctx: ExchangeCtx,
): Promise<{ req: TimelineRequest; svg: string; width: number; height: number; count: number }> {
  const { req, data } = await request(ctx)
  const t = renderTimeline(data, req.options, req.page)
  const svg = t.pages[0]
  if (svg === undefined)
    throw new HttpError(
      400,
      ERROR_CODE.badRequest,
      `page: this rendering has ${t.pageCount} page(s)`,
      {
        path: 'page',
      },
    )
  return { req, svg, width: t.width, height: t.height, count: t.pageCount }
}

export async function timelineSvg(ctx: ExchangeCtx): Promise<void> {
  const { svg, count } = await onePage(ctx)
  sendText(ctx.res, 200, 'image/svg+xml; charset=utf-8', svg, { 'x-page-count': String(count) })
}

export async function timelinePng(ctx: ExchangeCtx): Promise<void> {
  const { req, svg, width, height, count } = await onePage(ctx)
  if (width * height * req.scale ** 2 > MAX_PNG_PIXELS)
    throw new HttpError(400, ERROR_CODE.badRequest, 'scale: the image would be too large', {
      path: 'scale',
    })
  ctx.res.setHeader('x-page-count', String(count))
  sendBytes(ctx.res, 'image/png', svgToPng(svg, req.scale))
}

export async function timelinePdf(ctx: ExchangeCtx): Promise<void> {
  const { req, data } = await request(ctx)
  const pdf = await timelineToPdf(planTimeline(data, req.options))
  sendBytes(ctx.res, 'application/pdf', pdf, 'timeline.pdf')
}

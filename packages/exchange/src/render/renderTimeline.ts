// The timeline drawn for slides, wikis and paper. The client's export and the server's live
// image both call this (SVG strings; the server's PDF draws the same pages onto pdfkit with
// `drawPage`), so they cannot drift apart.
import type { RoadmapData } from '@meridian/model'
import { drawPage } from './draw.js'
import type { TimelineRenderOptions } from './options.js'
import { planTimeline } from './plan.js'
import { SvgSink } from './sink.js'
import type { PlannedPage, TimelinePlan } from './plan.js'

export interface RenderedTimeline {
  width: number
  height: number
  /** One complete SVG document per page asked for (default: all; at least one exists). */
  pages: string[]
  pageCount: number
}

export function pageSvg(plan: TimelinePlan, page: PlannedPage): string {
  const sink = new SvgSink(plan.width, plan.height, plan.title, `clip${page.index}-`)
  drawPage(plan, page, sink)
  return sink.toString()
}

/** `only`: the one page (0-based) wanted, when the others need not be drawn. */
export function renderTimeline(
  data: RoadmapData,
  options: TimelineRenderOptions,
  only?: number,
): RenderedTimeline {
  const plan = planTimeline(data, options)
  const wanted = only === undefined ? plan.pages : plan.pages.slice(only, only + 1)
  return {
    width: plan.width,
    height: plan.height,
    pages: wanted.map((page) => pageSvg(plan, page)),
    pageCount: plan.pages.length,
  }
}

// The timeline drawn for slides, wikis and paper: one SVG string per page. The client's
// export and the server's live image both call this, so they cannot drift apart.
import type { RoadmapData } from '@meridian/model'
import type { TimelineRenderOptions } from './options.js'
import { planTimeline } from './plan.js'
import { pageSvg } from './svg.js'

export interface RenderedTimeline {
  width: number
  height: number
  /** One complete SVG document per page; at least one. */
  pages: string[]
}

export function renderTimeline(
  data: RoadmapData,
  options: TimelineRenderOptions,
): RenderedTimeline {
  const plan = planTimeline(data, options)
  return {
    width: plan.width,
    height: plan.height,
    pages: plan.pages.map((page) => pageSvg(plan, page)),
  }
}

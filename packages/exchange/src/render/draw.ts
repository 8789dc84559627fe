// One page of the printed timeline: header, axis, lanes with their bars and milestones,
// dependency arrows, today line and legend, drawn onto a Sink (SVG here, PDF on the server).
// Text is text; nothing interactive is drawn.
import type { IsoDate } from '@meridian/model'
import { addDays, formatDayLong, formatDayRange } from '@meridian/model'
import { BAR_COLORS, COLOR, GEOMETRY as G, HEALTH_COLOR } from './geometry.js'
import { drawLegend } from './legend.js'
import type { PlacedBar, PlannedLane, PlannedPage, TimelinePlan } from './plan.js'
import type { Sink } from './sink.js'
import { num as n } from './sink.js'
import { fitText, textWidth } from './text.js'
import { ticks, unitsFor } from './ticks.js'

const DAY = 86_400_000
const toMs = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`)

interface Frame {
  s: Sink
  plan: TimelinePlan
  page: PlannedPage
  plotX: number
  plotW: number
  lanesTop: number
  lanesBottom: number
  x(day: number): number
}

function header({ s, plan, page }: Frame) {
  const m = G.margin
  const from = addDays(plan.start, page.dayFrom)
  const to = addDays(plan.start, page.dayTo - 1)
  s.text(m, m + 20, fitText(plan.title, 20, plan.width - m * 2 - 110), {
    size: 20,
    bold: true,
    fill: COLOR.text,
  })
  s.text(
    m,
    m + 40,
    `${formatDayRange(from, to, { long: true })} · as of ${formatDayLong(plan.today)}`,
    {
      size: 12,
      fill: COLOR.text2,
    },
  )
  if (plan.pages.length > 1)
    s.text(plan.width - m, m + 20, `Page ${page.index + 1} of ${plan.pages.length}`, {
      size: 11,
      fill: COLOR.text3,
      anchor: 'end',
    })
}

function axis(f: Frame) {
  const { s, plan, page } = f
  const top = G.margin + G.headerH
  const start = toMs(plan.start)
  const fromMs = start + page.dayFrom * DAY
  const toMsX = start + page.dayTo * DAY
  const { major, minor } = unitsFor(plan.pxPerDay)
  const clampX = (ms: number) =>
    Math.max(f.plotX, Math.min(f.plotX + f.plotW, f.x((ms - start) / DAY)))
  s.rect(G.margin, top, plan.width - G.margin * 2, G.axisH, 0, { fill: COLOR.sunken })
  for (const t of ticks(fromMs, toMsX, major, 'major')) {
    const x0 = clampX(t.ms)
    s.line(x0, top, x0, top + G.axisH, { stroke: COLOR.borderStrong })
    const label = fitText(t.label, 11, clampX(t.endMs) - x0 - 8)
    if (label) s.text(x0 + 6, top + 15, label, { size: 11, bold: true, fill: COLOR.text2 })
  }
  for (const t of ticks(fromMs, toMsX, minor, 'minor')) {
    const x0 = clampX(t.ms)
    s.line(x0, top + G.axisH, x0, f.lanesBottom, { stroke: COLOR.border, strokeWidth: 0.75 })
    const label = fitText(t.label, 10, clampX(t.endMs) - x0 - 6)
    if (label) s.text(x0 + 4, top + 33, label, { size: 10, fill: COLOR.text3 })
  }
  s.line(G.margin, top + G.axisH, plan.width - G.margin, top + G.axisH, {
    stroke: COLOR.borderStrong,
  })
}

function diamond(s: Sink, x: number, y: number, title: string) {
  const r = 5.5
  s.path(`M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z`, {
    fill: COLOR.milestone,
  })
  s.text(x + 9, y + 3.5, title, { size: 10.5, bold: true, fill: COLOR.text })
}

const dayIn = (f: Frame, date: IsoDate) => {
  const d = (toMs(date) - toMs(f.plan.start)) / DAY
  return d >= f.page.dayFrom && d < f.page.dayTo ? d : null
}

/**
 * Draws a bar and its title; `rowEnd` is where what precedes it in its row ends (x), `next`
 * where the next bar of its row starts.
 */
function bar(f: Frame, lane: PlannedLane, b: PlacedBar, y: number, rowEnd: number, next: number) {
  const { s } = f
  const from = Math.max(b.from, f.page.dayFrom)
  const to = Math.min(b.to, f.page.dayTo)
  if (to <= from) return null
  const x = f.x(from)
  const w = Math.max(4, f.x(to) - x)
  const c = BAR_COLORS[b.feature.status]
  const title = b.feature.title
  const labelW = textWidth(title, G.barFont)
  const inside = labelW <= w - G.barPadX * 2 - 10
  const textY = y + G.barH / 2 + 4
  // After the bar; before it when the page ends first and the row is free there; else after
  // it, clipped at the page edge (whole in the file, so a search still finds it).
  const before =
    !inside &&
    x + w + 6 + labelW > f.plotX + f.plotW &&
    x - 6 - labelW >= Math.max(f.plotX, rowEnd + 6)
  s.begin(b.feature.id)
  s.rect(x, y, w, G.barH, 5, { fill: c.bg, stroke: c.border })
  s.rect(x + 3, y + 4, 4, G.barH - 8, 1.5, { fill: lane.lane.color })
  if (inside && w > 40)
    s.circle(x + w - 9, y + G.barH / 2, 3.5, { fill: HEALTH_COLOR[b.feature.health] })
  // A bar carried over from the previous page has its title there; here it may lack room.
  const carried = f.page.dayFrom > 0 && b.from < f.page.dayFrom && x + w + 6 + labelW > next - 6
  if (inside)
    s.text(x + G.barPadX + 4, textY, title, {
      size: G.barFont,
      bold: true,
      fill: c.text,
      strike: b.feature.status === 'cancelled',
    })
  else if (!carried)
    s.text(before ? x - 6 : x + w + 6, textY, title, {
      size: G.barFont,
      bold: true,
      fill: COLOR.text2,
      anchor: before ? 'end' : 'start',
    })
  s.end()
  return { x0: x, x1: x + w, end: inside || before ? x + w : x + w + 6 + labelW }
}

/** Where each feature's bar is on this page, for dependency arrows. */
type Boxes = Map<string, { x0: number; x1: number; y: number; from: number; to: number }>

function laneLabels(f: Frame) {
  const { s } = f
  for (const slice of f.page.slices) {
    const top = f.lanesTop + slice.top
    const lane = slice.lane
    s.line(G.margin, top + slice.height, f.plan.width - G.margin, top + slice.height, {
      stroke: COLOR.border,
    })
    s.rect(G.margin, top + 8, 4, Math.min(24, slice.height - 16), 2, { fill: lane.lane.color })
    const name = lane.lane.name + (slice.continued ? ' (cont.)' : '')
    s.text(G.margin + 12, top + 21, fitText(name, 12.5, G.labelW - 24), {
      size: 12.5,
      bold: true,
      fill: COLOR.text,
    })
    const count = lane.bars.length + lane.undated
    const sub = `${count} feature${count === 1 ? '' : 's'}${lane.undated ? ` · ${lane.undated} undated` : ''}`
    if (slice.height >= 44) s.text(G.margin + 12, top + 36, sub, { size: 10, fill: COLOR.text3 })
  }
}

function lanePlots(f: Frame, boxes: Boxes) {
  for (const slice of f.page.slices) {
    const top = f.lanesTop + slice.top
    const lane = slice.lane
    const strip = lane.milestones.length > 0 ? G.laneStripH : 0
    if (!slice.continued)
      for (const m of lane.milestones) {
        const d = m.date ? dayIn(f, m.date) : null
        if (d !== null) diamond(f.s, f.x(d + 0.5), top + G.lanePad + 8, m.title)
      }
    const rowEnds = new Map<number, number>()
    const shown = lane.bars.filter((b) => b.row >= slice.rowFrom && b.row < slice.rowTo)
    // Where the next bar of each one's row starts (bars are sorted by start).
    const nextOf = new Map<PlacedBar, number>()
    const seen = new Map<number, number>()
    for (let i = shown.length - 1; i >= 0; i--) {
      nextOf.set(shown[i], seen.get(shown[i].row) ?? Infinity)
      seen.set(shown[i].row, f.x(shown[i].from))
    }
    for (const b of shown) {
      const y = top + G.lanePad + strip + (b.row - slice.rowFrom) * G.rowH + (G.rowH - G.barH) / 2
      const next = nextOf.get(b) ?? Infinity
      const drawn = bar(f, lane, b, y, rowEnds.get(b.row) ?? f.plotX, next)
      if (!drawn) continue
      rowEnds.set(b.row, drawn.end)
      boxes.set(b.feature.id, {
        x0: drawn.x0,
        x1: drawn.x1,
        y: y + G.barH / 2,
        from: b.from,
        to: b.to,
      })
    }
  }
}

function arrows(f: Frame, boxes: Boxes) {
  for (const [id, to] of boxes) {
    for (const dep of f.plan.features.get(id)?.bar.feature.dependsOn ?? []) {
      const from = boxes.get(dep)
      if (!from) continue
      const conflict = to.from < from.to
      const color = conflict ? COLOR.conflict : COLOR.arrow
      const x0 = from.x1
      const x1 = to.x0
      const mid = Math.max(x0 + 8, (x0 + x1) / 2)
      f.s.path(
        `M${n(x0)} ${n(from.y)}C${n(mid)} ${n(from.y)} ${n(mid - 8)} ${n(to.y)} ${n(x1 - 5)} ${n(to.y)}`,
        { stroke: color, strokeWidth: 1.25, dash: conflict ? [4, 3] : undefined },
      )
      f.s.path(
        `M${n(x1)} ${n(to.y)}L${n(x1 - 6)} ${n(to.y - 3.5)}L${n(x1 - 6)} ${n(to.y + 3.5)}Z`,
        {
          fill: color,
        },
      )
    }
  }
}

function todayLine(f: Frame) {
  const d = dayIn(f, f.plan.today)
  if (d === null) return
  const x = f.x(d + 0.5)
  const top = G.margin + G.headerH + G.axisH
  f.s.line(x, top, x, f.lanesBottom, { stroke: COLOR.today, strokeWidth: 1.5 })
  f.s.rect(x - 19, top - 9, 38, 14, 7, { fill: COLOR.today })
  f.s.text(x, top + 1.5, 'Today', { size: 9, bold: true, fill: '#ffffff', anchor: 'middle' })
}

export function drawPage(plan: TimelinePlan, page: PlannedPage, s: Sink): void {
  const plotX = G.margin + G.labelW
  const plotW = plan.width - G.margin * 2 - G.labelW
  const lanesTop = G.margin + G.headerH + G.axisH + G.globalStripH
  const last = page.slices.at(-1)
  const f: Frame = {
    s,
    plan,
    page,
    plotX,
    plotW,
    lanesTop,
    lanesBottom: lanesTop + (last ? last.top + last.height : 0),
    x: (day) => plotX + (day - page.dayFrom) * plan.pxPerDay,
  }
  s.rect(0, 0, plan.width, plan.height, 0, { fill: COLOR.surface })
  header(f)
  axis(f)
  s.line(plotX, G.margin + G.headerH, plotX, f.lanesBottom, { stroke: COLOR.borderStrong })
  laneLabels(f)
  s.clip(plotX, 0, plotW, plan.height)
  const boxes: Boxes = new Map()
  lanePlots(f, boxes)
  arrows(f, boxes)
  for (const m of plan.globalMilestones) {
    const d = m.date ? dayIn(f, m.date) : null
    if (d !== null) diamond(s, f.x(d + 0.5), lanesTop - G.globalStripH / 2, m.title)
  }
  s.unclip()
  todayLine(f)
  drawLegend(s, G.margin, plan.height - G.margin - 8)
}

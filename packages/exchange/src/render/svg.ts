// One page of the printed timeline as an SVG string: header, axis, lanes with their bars and
// milestones, dependency arrows, today line and legend. Text stays <text> (selectable in SVG,
// searchable in the PDF drawn from it); nothing interactive is drawn.
import type { IsoDate } from '@meridian/model'
import { addDays } from '@meridian/model'
import { BAR_COLORS, COLOR, FONT_FAMILY, GEOMETRY as G, HEALTH_COLOR } from './geometry.js'
import { legendSvg } from './legend.js'
import type { PlacedBar, PlannedLane, PlannedPage, TimelinePlan } from './plan.js'
import { esc, fitText, textWidth } from './text.js'
import { ticks, unitsFor } from './ticks.js'

const DAY = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const toMs = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`)
const n = (v: number) => (Math.round(v * 10) / 10).toString()

/** `Mar 4, 2026` */
export function longDate(d: IsoDate): string {
  const t = new Date(toMs(d))
  return `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()}`
}

interface Frame {
  plan: TimelinePlan
  page: PlannedPage
  plotX: number
  plotW: number
  lanesTop: number
  lanesBottom: number
  x(day: number): number
}

function header(f: Frame): string {
  const { plan, page } = f
  const m = G.margin
  const from = addDays(plan.start, page.dayFrom)
  const to = addDays(plan.start, page.dayTo - 1)
  const pages =
    plan.pages.length > 1
      ? `<text x="${plan.width - m}" y="${m + 20}" text-anchor="end" font-size="11" fill="${COLOR.text3}">Page ${page.index + 1} of ${plan.pages.length}</text>`
      : ''
  const title = fitText(plan.title, 20, plan.width - m * 2 - 110)
  return (
    `<text x="${m}" y="${m + 20}" font-size="20" font-weight="bold" fill="${COLOR.text}">${esc(title)}</text>` +
    `<text x="${m}" y="${m + 40}" font-size="12" fill="${COLOR.text2}">${esc(`${longDate(from)} – ${longDate(to)} · as of ${longDate(plan.today)}`)}</text>` +
    pages
  )
}

function axis(f: Frame): string {
  const { plan, page } = f
  const top = G.margin + G.headerH
  const fromMs = toMs(plan.start) + page.dayFrom * DAY
  const toMsX = toMs(plan.start) + page.dayTo * DAY
  const { major, minor } = unitsFor(plan.pxPerDay)
  const dayOf = (ms: number) => (ms - toMs(plan.start)) / DAY
  const clampX = (ms: number) => Math.max(f.plotX, Math.min(f.plotX + f.plotW, f.x(dayOf(ms))))
  let out = `<rect x="${G.margin}" y="${top}" width="${plan.width - G.margin * 2}" height="${G.axisH}" fill="${COLOR.sunken}"/>`
  for (const t of ticks(fromMs, toMsX, major, 'major')) {
    const x0 = clampX(t.ms)
    const x1 = clampX(t.endMs)
    out += `<line x1="${n(x0)}" y1="${top}" x2="${n(x0)}" y2="${top + G.axisH}" stroke="${COLOR.borderStrong}"/>`
    const label = fitText(t.label, 11, x1 - x0 - 8)
    if (label)
      out += `<text x="${n(x0 + 6)}" y="${top + 15}" font-size="11" font-weight="bold" fill="${COLOR.text2}">${esc(label)}</text>`
  }
  for (const t of ticks(fromMs, toMsX, minor, 'minor')) {
    const x0 = clampX(t.ms)
    const x1 = clampX(t.endMs)
    out += `<line x1="${n(x0)}" y1="${top + G.axisH}" x2="${n(x0)}" y2="${f.lanesBottom}" stroke="${COLOR.border}" stroke-width="0.75"/>`
    const label = fitText(t.label, 10, x1 - x0 - 6)
    if (label)
      out += `<text x="${n(x0 + 4)}" y="${top + 33}" font-size="10" fill="${COLOR.text3}">${esc(label)}</text>`
  }
  out += `<line x1="${G.margin}" y1="${top + G.axisH}" x2="${plan.width - G.margin}" y2="${top + G.axisH}" stroke="${COLOR.borderStrong}"/>`
  return out
}

function diamond(x: number, y: number, title: string): string {
  const s = 5.5
  const label = title
  return (
    `<path d="M${n(x)} ${n(y - s)}L${n(x + s)} ${n(y)}L${n(x)} ${n(y + s)}L${n(x - s)} ${n(y)}Z" fill="${COLOR.milestone}"/>` +
    (label
      ? `<text x="${n(x + 9)}" y="${n(y + 3.5)}" font-size="10.5" font-weight="bold" fill="${COLOR.text}">${esc(label)}</text>`
      : '')
  )
}

const dayIn = (f: Frame, date: IsoDate) => {
  const d = (toMs(date) - toMs(f.plan.start)) / DAY
  return d >= f.page.dayFrom && d < f.page.dayTo ? d : null
}

/** A bar and its title; `rowEnd` is where what comes before it in its row ends (x). */
function bar(
  f: Frame,
  lane: PlannedLane,
  b: PlacedBar,
  y: number,
  rowEnd: number,
): { svg: string; end: number } | null {
  const from = Math.max(b.from, f.page.dayFrom)
  const to = Math.min(b.to, f.page.dayTo)
  if (to <= from) return null
  const x = f.x(from)
  const w = Math.max(4, f.x(to) - x)
  const c = BAR_COLORS[b.feature.status]
  const cancelled = b.feature.status === 'cancelled'
  const labelW = textWidth(b.feature.title, G.barFont)
  const inside = labelW <= w - G.barPadX * 2 - 10
  const textY = n(y + G.barH / 2 + 4)
  const right = f.plotX + f.plotW
  // After the bar; before it when the page ends first; else after it, clipped (the text
  // stays whole in the file, so it is still found by a search).
  const before =
    !inside && x + w + 6 + labelW > right && x - 6 - labelW >= Math.max(f.plotX, rowEnd + 6)
  const title = inside
    ? `<text x="${n(x + G.barPadX + 4)}" y="${textY}" font-size="${G.barFont}" font-weight="bold" fill="${c.text}"${cancelled ? ' text-decoration="line-through"' : ''}>${esc(b.feature.title)}</text>`
    : `<text x="${n(before ? x - 6 : x + w + 6)}" y="${textY}"${before ? ' text-anchor="end"' : ''} font-size="${G.barFont}" font-weight="bold" fill="${COLOR.text2}">${esc(b.feature.title)}</text>`
  const svg =
    `<g data-feature-id="${esc(b.feature.id)}">` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${G.barH}" rx="5" fill="${c.bg}" stroke="${c.border}"/>` +
    `<rect x="${n(x + 3)}" y="${n(y + 4)}" width="4" height="${G.barH - 8}" rx="1.5" fill="${esc(lane.lane.color)}"/>` +
    (inside && w > 40
      ? `<circle cx="${n(x + w - 9)}" cy="${n(y + G.barH / 2)}" r="3.5" fill="${HEALTH_COLOR[b.feature.health]}"/>`
      : '') +
    title +
    `</g>`
  return { svg, end: inside || before ? x + w : x + w + 6 + labelW }
}

/** Where each feature's bar is on this page, for dependency arrows. */
type Boxes = Map<string, { x0: number; x1: number; y: number; from: number; to: number }>

function lanes(f: Frame, boxes: Boxes): { labels: string; plot: string } {
  let out = ''
  let plot = ''
  for (const s of f.page.slices) {
    const top = f.lanesTop + s.top
    const lane = s.lane
    const strip = lane.milestones.length > 0 ? G.laneStripH : 0
    out += `<line x1="${G.margin}" y1="${n(top + s.height)}" x2="${f.plan.width - G.margin}" y2="${n(top + s.height)}" stroke="${COLOR.border}"/>`
    out += `<rect x="${G.margin}" y="${n(top + 8)}" width="4" height="${n(Math.min(24, s.height - 16))}" rx="2" fill="${esc(lane.lane.color)}"/>`
    const name = fitText(lane.lane.name + (s.continued ? ' (cont.)' : ''), 12.5, G.labelW - 24)
    out += `<text x="${G.margin + 12}" y="${n(top + 21)}" font-size="12.5" font-weight="bold" fill="${COLOR.text}">${esc(name)}</text>`
    const count = lane.bars.length + lane.undated
    const sub = `${count} feature${count === 1 ? '' : 's'}${lane.undated ? ` · ${lane.undated} undated` : ''}`
    if (s.height >= 44)
      out += `<text x="${G.margin + 12}" y="${n(top + 36)}" font-size="10" fill="${COLOR.text3}">${esc(sub)}</text>`
    if (!s.continued)
      for (const m of lane.milestones) {
        const d = m.date ? dayIn(f, m.date) : null
        if (d !== null) plot += diamond(f.x(d + 0.5), top + G.lanePad + 8, m.title)
      }
    const rowEnds = new Map<number, number>()
    for (const b of lane.bars) {
      if (b.row < s.rowFrom || b.row >= s.rowTo) continue
      const y = top + G.lanePad + strip + (b.row - s.rowFrom) * G.rowH + (G.rowH - G.barH) / 2
      const drawn = bar(f, lane, b, y, rowEnds.get(b.row) ?? f.plotX)
      if (!drawn) continue
      rowEnds.set(b.row, drawn.end)
      plot += drawn.svg
      boxes.set(b.feature.id, {
        x0: f.x(Math.max(b.from, f.page.dayFrom)),
        x1: f.x(Math.min(b.to, f.page.dayTo)),
        y: y + G.barH / 2,
        from: b.from,
        to: b.to,
      })
    }
  }
  return { labels: out, plot }
}

function arrows(f: Frame, boxes: Boxes): string {
  let out = ''
  for (const [id, to] of boxes) {
    const feature = f.plan.features.get(id)?.bar.feature
    for (const dep of feature?.dependsOn ?? []) {
      const from = boxes.get(dep)
      if (!from) continue
      const conflict = to.from < from.to
      const color = conflict ? COLOR.conflict : COLOR.arrow
      const x0 = from.x1
      const x1 = to.x0
      const mid = Math.max(x0 + 8, (x0 + x1) / 2)
      out +=
        `<path d="M${n(x0)} ${n(from.y)}C${n(mid)} ${n(from.y)} ${n(mid - 8)} ${n(to.y)} ${n(x1 - 5)} ${n(to.y)}" fill="none" stroke="${color}" stroke-width="1.25"${conflict ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<path d="M${n(x1)} ${n(to.y)}L${n(x1 - 6)} ${n(to.y - 3.5)}L${n(x1 - 6)} ${n(to.y + 3.5)}Z" fill="${color}"/>`
    }
  }
  return out
}

function todayLine(f: Frame): string {
  const d = dayIn(f, f.plan.today)
  if (d === null) return ''
  const x = n(f.x(d + 0.5))
  const top = G.margin + G.headerH
  return (
    `<line x1="${x}" y1="${top + G.axisH}" x2="${x}" y2="${n(f.lanesBottom)}" stroke="${COLOR.today}" stroke-width="1.5"/>` +
    `<rect x="${n(Number(x) - 19)}" y="${top + G.axisH - 9}" width="38" height="14" rx="7" fill="${COLOR.today}"/>` +
    `<text x="${x}" y="${top + G.axisH + 1.5}" text-anchor="middle" font-size="9" font-weight="bold" fill="#ffffff">Today</text>`
  )
}

export function pageSvg(plan: TimelinePlan, page: PlannedPage): string {
  const plotX = G.margin + G.labelW
  const plotW = plan.width - G.margin * 2 - G.labelW
  const lanesTop = G.margin + G.headerH + G.axisH + G.globalStripH
  const last = page.slices.at(-1)
  const lanesBottom = lanesTop + (last ? last.top + last.height : 0)
  const f: Frame = {
    plan,
    page,
    plotX,
    plotW,
    lanesTop,
    lanesBottom,
    x: (day) => plotX + (day - page.dayFrom) * plan.pxPerDay,
  }
  const boxes: Boxes = new Map()
  const lanesSvg = lanes(f, boxes)
  let global = ''
  for (const m of plan.globalMilestones) {
    const d = m.date ? dayIn(f, m.date) : null
    if (d !== null) global += diamond(f.x(d + 0.5), lanesTop - G.globalStripH / 2, m.title)
  }
  const clip = `plot-${page.index}`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${plan.width}" height="${plan.height}" viewBox="0 0 ${plan.width} ${plan.height}" font-family="${esc(FONT_FAMILY)}">` +
    `<title>${esc(plan.title)}</title>` +
    `<defs><clipPath id="${clip}"><rect x="${plotX}" y="0" width="${plotW}" height="${plan.height}"/></clipPath></defs>` +
    `<rect width="${plan.width}" height="${plan.height}" fill="${COLOR.surface}"/>` +
    header(f) +
    axis(f) +
    `<line x1="${plotX}" y1="${G.margin + G.headerH}" x2="${plotX}" y2="${n(lanesBottom)}" stroke="${COLOR.borderStrong}"/>` +
    lanesSvg.labels +
    `<g clip-path="url(#${clip})">${lanesSvg.plot}${arrows(f, boxes)}${global}</g>` +
    todayLine(f) +
    legendSvg(G.margin, plan.height - G.margin - 8) +
    `</svg>`
  )
}

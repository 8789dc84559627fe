// The printed legend: what the bar colours, dots and marks mean (as the timeline's footer).
import { FEATURE_STATUS, HEALTH } from '@meridian/model'
import { BAR_COLORS, COLOR, HEALTH_COLOR, HEALTH_LABEL, STATUS_LABEL } from './geometry.js'
import type { Sink } from './sink.js'
import { textWidth } from './text.js'

const SIZE = 10.5

export function drawLegend(s: Sink, x0: number, y: number): void {
  let x = x0
  const label = (text: string) => {
    s.text(x, y + 4, text, { size: SIZE, fill: COLOR.text2 })
    x += textWidth(text, SIZE) + 16
  }
  for (const status of Object.values(FEATURE_STATUS)) {
    const c = BAR_COLORS[status]
    s.rect(x, y - 6, 18, 11, 3, { fill: c.bg, stroke: c.border })
    x += 23
    label(STATUS_LABEL[status])
  }
  x += 8
  for (const h of Object.values(HEALTH)) {
    s.circle(x + 4, y, 3.5, { fill: HEALTH_COLOR[h] })
    x += 12
    label(HEALTH_LABEL[h])
  }
  x += 8
  s.path(`M${x + 5} ${y - 5}L${x + 10} ${y}L${x + 5} ${y + 5}L${x} ${y}Z`, {
    fill: COLOR.milestone,
  })
  x += 15
  label('Milestone')
  s.line(x + 3, y - 6, x + 3, y + 6, { stroke: COLOR.today, strokeWidth: 1.5 })
  x += 10
  label('Today')
  s.path(`M${x} ${y}H${x + 16}`, { stroke: COLOR.arrow, strokeWidth: 1.25 })
  s.path(`M${x + 20} ${y}L${x + 14} ${y - 3.5}L${x + 14} ${y + 3.5}Z`, { fill: COLOR.arrow })
  x += 25
  label('Depends on')
  s.path(`M${x} ${y}H${x + 16}`, { stroke: COLOR.conflict, strokeWidth: 1.25, dash: [4, 3] })
  x += 21
  label('Conflict')
}

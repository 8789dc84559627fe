// The printed legend: what the bar colours, dots and marks mean (as the timeline's footer).
import { FEATURE_STATUS, HEALTH } from '@meridian/model'
import { BAR_COLORS, COLOR, HEALTH_COLOR, HEALTH_LABEL, STATUS_LABEL } from './geometry.js'
import { textWidth } from './text.js'

const SIZE = 10.5

export function legendSvg(x0: number, y: number): string {
  let x = x0
  let out = ''
  const label = (text: string) => {
    out += `<text x="${x}" y="${y + 4}" font-size="${SIZE}" fill="${COLOR.text2}">${text}</text>`
    x += textWidth(text, SIZE) + 16
  }
  for (const s of Object.values(FEATURE_STATUS)) {
    const c = BAR_COLORS[s]
    out += `<rect x="${x}" y="${y - 6}" width="18" height="11" rx="3" fill="${c.bg}" stroke="${c.border}"/>`
    x += 23
    label(STATUS_LABEL[s])
  }
  x += 8
  for (const h of Object.values(HEALTH)) {
    out += `<circle cx="${x + 4}" cy="${y}" r="3.5" fill="${HEALTH_COLOR[h]}"/>`
    x += 12
    label(HEALTH_LABEL[h])
  }
  x += 8
  out += `<path d="M${x + 5} ${y - 5}L${x + 10} ${y}L${x + 5} ${y + 5}L${x} ${y}Z" fill="${COLOR.milestone}"/>`
  x += 15
  label('Milestone')
  out += `<line x1="${x + 3}" y1="${y - 6}" x2="${x + 3}" y2="${y + 6}" stroke="${COLOR.today}" stroke-width="1.5"/>`
  x += 10
  label('Today')
  out += `<path d="M${x} ${y}H${x + 16}" stroke="${COLOR.arrow}" stroke-width="1.25"/><path d="M${x + 20} ${y}L${x + 14} ${y - 3.5}L${x + 14} ${y + 3.5}Z" fill="${COLOR.arrow}"/>`
  x += 25
  label('Depends on')
  out += `<path d="M${x} ${y}H${x + 16}" stroke="${COLOR.conflict}" stroke-width="1.25" stroke-dasharray="4 3"/>`
  x += 21
  label('Conflict')
  return out
}

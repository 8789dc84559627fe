// The printed timeline's primitives (@meridian/exchange's Sink) as pdfkit calls: the same
// drawing as the SVG, at 0.75 pt per CSS px, text set in the registered fonts (so it stays
// selectable and searchable). Drawing directly is ~50× faster than parsing the SVG again.
// A 2,000-feature roadmap makes ~10,000 shapes and texts: the colour, line and font state is
// set only when it changes (pdfkit writes an operator for every call), and text widths are
// measured once per string and style.
import type { Paint, Sink, TextStyle } from '@meridian/exchange'

interface GraphicsState {
  fill: string | null
  stroke: string | null
  lineWidth: number | null
  dash: string | null
}

const fresh = (): GraphicsState => ({ fill: null, stroke: null, lineWidth: null, dash: null })

/** A quarter circle as a cubic Bézier: the control points' distance, as pdfkit draws it. */
const KAPPA = 4 * ((Math.SQRT2 - 1) / 3)
const n = (v: number) => Math.round(v * 100) / 100

/**
 * A rounded rectangle as one content-stream string: pdfkit's `roundedRect` writes ten
 * operator lines (each its own buffer), and every bar has two.
 */
function roundedRectPath(x: number, y: number, w: number, h: number, r: number): string {
  r = Math.min(r, w / 2, h / 2)
  const k = r * (1 - KAPPA)
  const [x1, y1] = [x + w, y + h]
  return [
    `${n(x + r)} ${n(y)} m`,
    `${n(x1 - r)} ${n(y)} l`,
    `${n(x1 - k)} ${n(y)} ${n(x1)} ${n(y + k)} ${n(x1)} ${n(y + r)} c`,
    `${n(x1)} ${n(y1 - r)} l`,
    `${n(x1)} ${n(y1 - k)} ${n(x1 - k)} ${n(y1)} ${n(x1 - r)} ${n(y1)} c`,
    `${n(x + r)} ${n(y1)} l`,
    `${n(x + k)} ${n(y1)} ${n(x)} ${n(y1 - k)} ${n(x)} ${n(y1 - r)} c`,
    `${n(x)} ${n(y + r)} l`,
    `${n(x)} ${n(y + k)} ${n(x + k)} ${n(y)} ${n(x + r)} ${n(y)} c h`,
  ].join(' ')
}

export class PdfSink implements Sink {
  /** What the content stream has set, per save level (a restore brings the outer one back). */
  private state: GraphicsState[] = [fresh()]
  private readonly widths = new Map<string, number>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: { regular: string; bold: string },
  ) {}

  private get gs(): GraphicsState {
    return this.state[this.state.length - 1]
  }

  /** A new page, or a save outside the sink: nothing is known to be set. */
  reset(): void {
    this.state = [fresh()]
  }

  private fillColor(c: string): void {
    if (this.gs.fill === c) return
    this.doc.fillColor(c)
    this.gs.fill = c
  }

  private strokeStyle(p: Paint & { stroke: string }): void {
    const gs = this.gs
    if (gs.stroke !== p.stroke) {
      this.doc.strokeColor(p.stroke)
      gs.stroke = p.stroke
    }
    const width = p.strokeWidth ?? 1
    if (gs.lineWidth !== width) {
      this.doc.lineWidth(width)
      gs.lineWidth = width
    }
    const dash = p.dash ? `${p.dash[0]} ${p.dash[1]}` : ''
    if (gs.dash !== dash) {
      if (p.dash) this.doc.dash(p.dash[0], { space: p.dash[1] })
      else this.doc.undash()
      gs.dash = dash
    }
  }

  private paint(p: Paint): void {
    const doc = this.doc
    if (p.fill) this.fillColor(p.fill)
    if (p.stroke) this.strokeStyle({ ...p, stroke: p.stroke })
    if (p.fill && p.stroke) doc.fillAndStroke()
    else if (p.fill) doc.fill()
    else if (p.stroke) doc.stroke()
  }

  private width(text: string, font: string, size: number): number {
    const key = `${font}\u0000${size}\u0000${text}`
    let w = this.widths.get(key)
    if (w === undefined) {
      w = this.doc.widthOfString(text)
      this.widths.set(key, w)
    }
    return w
  }

  rect(x: number, y: number, w: number, h: number, rx: number, p: Paint) {
    if (rx) this.doc.addContent(roundedRectPath(x, y, w, h, rx))
    else this.doc.rect(x, y, w, h)
    this.paint(p)
  }
  line(x1: number, y1: number, x2: number, y2: number, p: Paint) {
    this.doc.moveTo(x1, y1).lineTo(x2, y2)
    this.paint(p)
  }
  path(d: string, p: Paint) {
    this.doc.path(d)
    this.paint(p)
  }
  circle(cx: number, cy: number, r: number, p: Paint) {
    this.doc.circle(cx, cy, r)
    this.paint(p)
  }
  text(x: number, y: number, text: string, s: TextStyle) {
    const doc = this.doc
    const font = s.bold ? this.fonts.bold : this.fonts.regular
    doc.font(font).fontSize(s.size)
    const w = (s.anchor && s.anchor !== 'start') || s.strike ? this.width(text, font, s.size) : 0
    const left = s.anchor === 'end' ? x - w : s.anchor === 'middle' ? x - w / 2 : x
    this.fillColor(s.fill)
    doc.text(text, left, y, { baseline: 'alphabetic', lineBreak: false })
    // pdfkit's own `strike` needs a text box width (NaN without one): drawn here instead.
    if (s.strike) {
      doc.moveTo(left, y - s.size * 0.3).lineTo(left + w, y - s.size * 0.3)
      this.strokeStyle({ stroke: s.fill, strokeWidth: s.size / 14 })
      doc.stroke()
    }
  }
  clip(x: number, y: number, w: number, h: number) {
    this.doc.save().rect(x, y, w, h).clip()
    this.state.push({ ...this.gs })
  }
  unclip() {
    this.doc.restore()
    if (this.state.length > 1) this.state.pop()
  }
  begin() {}
  end() {}
}

// The printed timeline's primitives (@meridian/exchange's Sink) as pdfkit calls: the same
// drawing as the SVG, at 0.75 pt per CSS px, text set in the registered fonts (so it stays
// selectable and searchable). Drawing directly is ~50× faster than parsing the SVG again.
import type { Paint, Sink, TextStyle } from '@meridian/exchange'

export class PdfSink implements Sink {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: { regular: string; bold: string },
  ) {}

  private paint(p: Paint): void {
    const doc = this.doc
    if (p.stroke) {
      doc.lineWidth(p.strokeWidth ?? 1)
      if (p.dash) doc.dash(p.dash[0], { space: p.dash[1] })
      else doc.undash()
    }
    if (p.fill && p.stroke) doc.fillAndStroke(p.fill, p.stroke)
    else if (p.fill) doc.fill(p.fill)
    else if (p.stroke) doc.stroke(p.stroke)
  }

  rect(x: number, y: number, w: number, h: number, rx: number, p: Paint) {
    if (rx) this.doc.roundedRect(x, y, w, h, rx)
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
    doc.font(s.bold ? this.fonts.bold : this.fonts.regular).fontSize(s.size)
    const w = (s.anchor && s.anchor !== 'start') || s.strike ? doc.widthOfString(text) : 0
    const left = s.anchor === 'end' ? x - w : s.anchor === 'middle' ? x - w / 2 : x
    doc.fillColor(s.fill).text(text, left, y, { baseline: 'alphabetic', lineBreak: false })
    // pdfkit's own `strike` needs a text box width (NaN without one): drawn here instead.
    if (s.strike)
      doc
        .moveTo(left, y - s.size * 0.3)
        .lineTo(left + w, y - s.size * 0.3)
        .lineWidth(s.size / 14)
        .undash()
        .stroke(s.fill)
  }
  clip(x: number, y: number, w: number, h: number) {
    this.doc.save().rect(x, y, w, h).clip()
  }
  unclip() {
    this.doc.restore()
  }
  begin() {}
  end() {}
}

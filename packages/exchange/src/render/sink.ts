// What the timeline is drawn onto: a few primitives, so one drawing (./draw.ts) becomes an
// SVG string here and PDF operators on the server (pdfkit), with the same coordinates (CSS
// px), the same text and the same clipping.
import { FONT_FAMILY } from './geometry.js'
import { esc } from './text.js'

export interface Paint {
  fill?: string
  stroke?: string
  strokeWidth?: number
  /** Dash and gap lengths. */
  dash?: readonly [number, number]
}

export interface TextStyle {
  size: number
  fill: string
  bold?: boolean
  anchor?: 'start' | 'middle' | 'end'
  strike?: boolean
}

export interface Sink {
  rect(x: number, y: number, w: number, h: number, rx: number, paint: Paint): void
  line(x1: number, y1: number, x2: number, y2: number, paint: Paint): void
  /** Absolute M, L, H, C and Z commands only. */
  path(d: string, paint: Paint): void
  circle(cx: number, cy: number, r: number, paint: Paint): void
  /** `y` is the baseline. */
  text(x: number, y: number, text: string, style: TextStyle): void
  /** Until `unclip`, only what falls inside the rectangle shows. */
  clip(x: number, y: number, w: number, h: number): void
  unclip(): void
  /** Marks what is drawn until `end` as one feature's (an SVG group with its id). */
  begin(featureId: string): void
  end(): void
}

export const num = (v: number) => (Math.round(v * 10) / 10).toString()

const paintAttrs = (p: Paint) =>
  (p.fill ? ` fill="${esc(p.fill)}"` : ' fill="none"') +
  (p.stroke ? ` stroke="${esc(p.stroke)}"` : '') +
  (p.stroke && p.strokeWidth !== undefined ? ` stroke-width="${p.strokeWidth}"` : '') +
  (p.dash ? ` stroke-dasharray="${p.dash[0]} ${p.dash[1]}"` : '')

export class SvgSink implements Sink {
  private out: string[] = []
  private clips = 0

  constructor(
    readonly width: number,
    readonly height: number,
    readonly title: string,
    private readonly idPrefix = 'c',
  ) {}

  rect(x: number, y: number, w: number, h: number, rx: number, p: Paint) {
    this.out.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"${rx ? ` rx="${rx}"` : ''}${paintAttrs(p)}/>`,
    )
  }
  line(x1: number, y1: number, x2: number, y2: number, p: Paint) {
    this.out.push(
      `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}"${paintAttrs(p)}/>`,
    )
  }
  path(d: string, p: Paint) {
    this.out.push(`<path d="${d}"${paintAttrs(p)}/>`)
  }
  circle(cx: number, cy: number, r: number, p: Paint) {
    this.out.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${r}"${paintAttrs(p)}/>`)
  }
  text(x: number, y: number, text: string, s: TextStyle) {
    this.out.push(
      `<text x="${num(x)}" y="${num(y)}"${s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : ''} font-size="${s.size}"${s.bold ? ' font-weight="bold"' : ''} fill="${esc(s.fill)}"${s.strike ? ' text-decoration="line-through"' : ''}>${esc(text)}</text>`,
    )
  }
  clip(x: number, y: number, w: number, h: number) {
    const id = `${this.idPrefix}${this.clips++}`
    this.out.push(
      `<clipPath id="${id}"><rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"/></clipPath><g clip-path="url(#${id})">`,
    )
  }
  unclip() {
    this.out.push('</g>')
  }
  begin(featureId: string) {
    this.out.push(`<g data-feature-id="${esc(featureId)}">`)
  }
  end() {
    this.out.push('</g>')
  }

  toString(): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}" font-family="${esc(FONT_FAMILY)}">` +
      `<title>${esc(this.title)}</title>` +
      this.out.join('') +
      `</svg>`
    )
  }
}

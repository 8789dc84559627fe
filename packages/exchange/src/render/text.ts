// Text in SVG without a layout engine: an average advance per character (DejaVu Sans, the
// font the server renders with, is among the widest), escaping, and fitting by ellipsis.

/** Estimated width of `text` at `size` px. Errs wide so a fitted title never overflows. */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.6
}

/** `text` cut to at most `width` px, ending in an ellipsis when cut; '' if nothing fits. */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text
  const n = Math.floor(width / (size * 0.6)) - 1
  return n < 2 ? '' : `${text.slice(0, n).trimEnd()}…`
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text and attribute values; drops characters XML 1.0 forbids. */
export function esc(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c])
  )
}

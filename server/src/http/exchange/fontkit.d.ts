// fontkit ships no types; pdfkit takes the parsed font object as a font source as it is.
declare module 'fontkit' {
  /** A parsed font; pdfkit's `registerFont` accepts it in place of the file. */
  export interface Font {
    layout(text: string, features?: unknown): unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}

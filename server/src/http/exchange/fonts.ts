// The fonts the server draws text with: Debian's DejaVu Sans (package fonts-dejavu-core, in
// .ci/run's install list). Without a font file resvg draws no text at all, so the PNG route
// falls back to scanning the system's fonts, and the PDF to PDF's built-in Helvetica.
import { existsSync, readFileSync } from 'node:fs'
import { create } from 'fontkit'
import type { Font } from 'fontkit'

const DIR = process.env.MERIDIAN_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu'

export const FONT_FILES = {
  regular: `${DIR}/DejaVuSans.ttf`,
  bold: `${DIR}/DejaVuSans-Bold.ttf`,
} as const

export const haveFontFiles = (): boolean =>
  existsSync(FONT_FILES.regular) && existsSync(FONT_FILES.bold)

let parsed: { regular: Font; bold: Font } | null = null

/**
 * The fonts parsed once per process: every PDF reuses them (and fontkit's glyph and shaping
 * tables they have decoded), instead of reading and parsing ~1.4 MB of TrueType per request.
 * Each document still embeds only the glyphs it uses (pdfkit subsets per document).
 */
export function pdfFonts(): { regular: Font; bold: Font } | null {
  if (!parsed && haveFontFiles())
    parsed = {
      regular: create(readFileSync(FONT_FILES.regular)),
      bold: create(readFileSync(FONT_FILES.bold)),
    }
  return parsed
}

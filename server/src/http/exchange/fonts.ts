// The fonts the server draws text with: Debian's DejaVu Sans (package fonts-dejavu-core, in
// .ci/run's install list). Without a font file resvg draws no text at all, so the PNG route
// falls back to scanning the system's fonts, and the PDF to PDF's built-in Helvetica.
import { existsSync } from 'node:fs'

const DIR = process.env.MERIDIAN_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu'

export const FONT_FILES = {
  regular: `${DIR}/DejaVuSans.ttf`,
  bold: `${DIR}/DejaVuSans-Bold.ttf`,
} as const

export const haveFontFiles = (): boolean =>
  existsSync(FONT_FILES.regular) && existsSync(FONT_FILES.bold)

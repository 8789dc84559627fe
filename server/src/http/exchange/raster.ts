// SVG to PNG on the server (resvg), with the fonts of ./fonts.ts.
import { Resvg } from '@resvg/resvg-js'
import { FONT_FILES, haveFontFiles } from './fonts.js'

/** A PNG of `svg` at `scale` device pixels per CSS pixel. */
export function svgToPng(svg: string, scale: number): Buffer {
  const files = haveFontFiles()
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: files
      ? {
          loadSystemFonts: false,
          fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
          defaultFontFamily: 'DejaVu Sans',
        }
      : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
  return resvg.render().asPng()
}

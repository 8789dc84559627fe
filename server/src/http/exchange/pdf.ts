// SVG pages to one PDF (pdfkit + svg-to-pdfkit): every page keeps its text as text, so a PDF
// reader can select and search it.
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import { FONT_FILES, haveFontFiles } from './fonts.js'

const PX_TO_PT = 72 / 96

/** Registers the text fonts on `doc`; returns the names for regular and bold text. */
export function useFonts(doc: PDFKit.PDFDocument): { regular: string; bold: string } {
  if (!haveFontFiles()) return { regular: 'Helvetica', bold: 'Helvetica-Bold' }
  doc.registerFont('Sans', FONT_FILES.regular)
  doc.registerFont('Sans-Bold', FONT_FILES.bold)
  return { regular: 'Sans', bold: 'Sans-Bold' }
}

/** Collects a finished document's bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

/** One PDF page per SVG page, each `width`×`height` CSS px. */
export function svgPagesToPdf(
  pages: readonly string[],
  width: number,
  height: number,
  title: string,
): Promise<Buffer> {
  const size: [number, number] = [width * PX_TO_PT, height * PX_TO_PT]
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: title, Creator: 'Meridian' } })
  const fonts = useFonts(doc)
  for (const svg of pages) {
    doc.addPage({ size, margin: 0 })
    SVGtoPDF(doc, svg, 0, 0, {
      width: size[0],
      height: size[1],
      fontCallback: (_family, bold) => (bold ? fonts.bold : fonts.regular),
      warningCallback: () => {},
    })
  }
  return pdfBytes(doc)
}

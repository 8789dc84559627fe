// PDFs with pdfkit: text set in real fonts, so a PDF reader can select and search it.
import PDFDocument from 'pdfkit'
import { drawPage } from '@meridian/exchange'
import type { TimelinePlan } from '@meridian/exchange'
import { pdfFonts } from './fonts.js'
import { PdfSink } from './pdfSink.js'

const PX_TO_PT = 72 / 96

/** Registers the text fonts on `doc`; returns the names for regular and bold text. */
export function useFonts(doc: PDFKit.PDFDocument): { regular: string; bold: string } {
  const fonts = pdfFonts()
  if (!fonts) return { regular: 'Helvetica', bold: 'Helvetica-Bold' }
  // pdfkit takes a parsed fontkit font as a source (its types name only files and bytes).
  doc.registerFont('Sans', fonts.regular as unknown as Buffer)
  doc.registerFont('Sans-Bold', fonts.bold as unknown as Buffer)
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

/** The timeline's pages as one PDF, drawn by the same code as its SVG (`drawPage`). */
export function timelineToPdf(plan: TimelinePlan): Promise<Buffer> {
  const size: [number, number] = [plan.width * PX_TO_PT, plan.height * PX_TO_PT]
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: plan.title, Creator: 'Meridian' },
  })
  const sink = new PdfSink(doc, useFonts(doc))
  for (const page of plan.pages) {
    doc.addPage({ size, margin: 0 })
    doc.save().scale(PX_TO_PT)
    sink.reset()
    drawPage(plan, page, sink)
    doc.restore()
  }
  return pdfBytes(doc)
}

// GET /api/roadmaps/:id/report.pdf: the progress report (deriveReport, the figures of the
// report view and GET …/report) on A4 pages, text as text.
import PDFDocument from 'pdfkit'
import { deriveReport, formatDayLong, isIsoDate, readRoadmap } from '@meridian/model'
import type { ProgressReport } from '@meridian/model'
import { ROLE } from '../../store/store.js'
import { ERROR_CODE } from '@meridian/protocol'
import { HttpError } from '../respond.js'
import type { ExchangeCtx } from './context.js'
import { liveDoc, requireRole, sendBytes } from './context.js'
import { pdfBytes, useFonts } from './pdf.js'

const pct = (p: number) => `${Math.round(p * 100)}%`
const MARGIN = 56

export function reportToPdf(report: ProgressReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${report.title || 'Roadmap'}: progress report`, Creator: 'Meridian' },
  })
  const fonts = useFonts(doc)
  const width = doc.page.width - MARGIN * 2
  const heading = (text: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage()
    doc.moveDown(1).font(fonts.bold).fontSize(13).fillColor('#1b1d23').text(text)
    doc.moveDown(0.3)
  }
  const line = (text: string, color = '#4a4f5c') =>
    doc.font(fonts.regular).fontSize(10.5).fillColor(color).text(text, { width })
  const bar = (progress: number, color: string) => {
    const y = doc.y + 2
    doc.roundedRect(MARGIN, y, width, 6, 3).fill('#eceef3')
    if (progress > 0) doc.roundedRect(MARGIN, y, Math.max(6, width * progress), 6, 3).fill(color)
    doc.y = y + 12
  }

  doc
    .font(fonts.bold)
    .fontSize(20)
    .fillColor('#1b1d23')
    .text(report.title || 'Roadmap')
  line(`Progress report as of ${formatDayLong(report.today)}`, '#7a7f8c')
  const s = report.summary
  heading(`Overall: ${pct(s.progress)}`)
  bar(s.progress, '#4f46e5')
  line(
    `${s.features} features: ${s.byStatus.done} done, ${s.byStatus['in-progress']} in progress, ${s.byStatus.planned} planned · ${s.late} late · ${s.blocked} blocked`,
  )
  if (report.lanes.length) {
    heading('Lanes')
    for (const l of report.lanes) {
      line(`${l.name ?? '(lane removed)'} — ${pct(l.progress)}`, '#1b1d23')
      bar(l.progress, l.color ?? '#64748b')
    }
  }
  if (report.goals.length) {
    heading('Goals')
    for (const g of report.goals) {
      line(
        `${g.title} — ${pct(g.progress)} (${g.doneFeatures} of ${g.featureIds.length} features done)`,
        '#1b1d23',
      )
      bar(g.progress, '#22a06b')
    }
  }
  const { upcoming, overdue } = report.milestones
  if (upcoming.length || overdue.length) {
    heading('Milestones')
    for (const m of overdue)
      line(`${formatDayLong(m.date)}  ${m.title} — overdue by ${-m.daysUntil} days`, '#dc2626')
    for (const m of upcoming) line(`${formatDayLong(m.date)}  ${m.title} — in ${m.daysUntil} days`)
  }
  if (report.late.length) {
    heading('Late features')
    for (const f of report.late)
      line(`${f.title} — ended ${formatDayLong(f.end)}, ${f.daysLate} days late`)
  }
  if (report.risks.open) {
    heading(`Open risks (${report.risks.open})`)
    for (const [severity, risks] of Object.entries(report.risks.bySeverity))
      for (const r of risks) line(`${severity}: ${r.title} (score ${r.score})`)
  }
  return pdfBytes(doc)
}

export async function reportPdf(ctx: ExchangeCtx): Promise<void> {
  await requireRole(ctx, ROLE.viewer)
  const today = ctx.query.get('today') ?? new Date().toISOString().slice(0, 10)
  if (!isIsoDate(today))
    throw new HttpError(400, ERROR_CODE.badRequest, 'today: expected YYYY-MM-DD', { path: 'today' })
  const report = deriveReport(readRoadmap(await liveDoc(ctx)), today)
  sendBytes(ctx.res, 'application/pdf', await reportToPdf(report), 'report.pdf')
}

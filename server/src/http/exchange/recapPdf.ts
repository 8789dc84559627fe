// A planning session's recap (packages/model `buildRecap`, the one the session view and the
// report show) as a PDF on A4 pages, text as text, and as Markdown (`recapToMarkdown`).
// GET /api/roadmaps/:id/sessions/:sessionId/recap.pdf and …/recap.md, viewer token.
import PDFDocument from 'pdfkit'
import {
  buildRecap,
  changeLine,
  formatDayLong,
  formatTimestampDay,
  readRoadmap,
  readSessions,
  recapToMarkdown,
} from '@meridian/model'
import type { SessionRecap } from '@meridian/model'
import { ERROR_CODE } from '@meridian/protocol'
import { ROLE } from '../../store/store.js'
import { HttpError, sendText } from '../respond.js'
import type { ExchangeCtx } from './context.js'
import { liveDoc, requireRole, sendBytes } from './context.js'
import { pdfBytes, useFonts } from './pdf.js'

const MARGIN = 56
const INK = '#1b1d23'
const MUTED = '#7a7f8c'

/** `**bold**` and `\`-escapes of the Markdown change lines, as plain text. */
const plain = (text: string) => text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\(.)/g, '$1')

export function recapToPdf(recap: SessionRecap): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${recap.title}: recap`, Creator: 'Meridian' },
  })
  const fonts = useFonts(doc)
  const width = doc.page.width - MARGIN * 2
  const heading = (text: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage()
    doc.moveDown(1).font(fonts.bold).fontSize(13).fillColor(INK).text(text, { width })
    doc.moveDown(0.3)
  }
  const line = (text: string, color = '#4a4f5c') =>
    doc.font(fonts.regular).fontSize(10.5).fillColor(color).text(text, { width })
  const item = (subject: string, text: string, tail = '') => {
    doc.font(fonts.regular).fontSize(10.5).fillColor('#4a4f5c')
    doc.text('•  ', { continued: true })
    if (subject) doc.font(fonts.bold).fillColor(INK).text(`${subject}: `, { continued: true })
    doc
      .font(fonts.regular)
      .fillColor('#4a4f5c')
      .text(text + tail, { width })
  }

  doc.font(fonts.bold).fontSize(20).fillColor(INK).text(recap.title, { width })
  const day = formatTimestampDay(recap.startedAt)
  line(
    `${day}${recap.endedAt ? '' : ' (still running)'} · facilitated by ${recap.facilitator}`,
    MUTED,
  )
  line(`Attended by ${recap.attendees.join(', ') || 'nobody'}`, MUTED)

  heading('What changed')
  const changes = recap.comparison?.changes ?? []
  if (changes.length) for (const c of changes) item('', plain(changeLine(c)))
  else line(recap.comparison ? 'Nothing changed.' : 'No checkpoint to compare with.', MUTED)

  heading('Decisions')
  if (recap.decisions.length) for (const d of recap.decisions) item(d.subject, d.text)
  else line('No decisions recorded.', MUTED)

  if (recap.actions.length) {
    heading('Actions')
    for (const a of recap.actions)
      item(
        a.subject,
        a.text,
        ` (${a.owner || 'unassigned'}${a.due ? `, due ${formatDayLong(a.due)}` : ''})`,
      )
  }

  for (const vote of recap.votes) {
    heading(`Vote: ${vote.title}`)
    line(
      `${vote.mode === 'dots' ? `Dot voting, ${vote.budget} dots each` : 'Score 1–5'} · ${vote.voters} voted`,
      MUTED,
    )
    for (const row of vote.ranking)
      line(
        `${row.place}.  ${row.title} — ${
          vote.mode === 'dots'
            ? `${row.total} ${row.total === 1 ? 'dot' : 'dots'}`
            : `${row.value.toFixed(1)} mean score`
        }`,
        INK,
      )
  }
  return pdfBytes(doc)
}

async function recapOf(ctx: ExchangeCtx): Promise<SessionRecap> {
  await requireRole(ctx, ROLE.viewer)
  const doc = await liveDoc(ctx)
  const session = readSessions(doc).find((s) => s.id === ctx.params[1])
  if (!session) throw new HttpError(404, ERROR_CODE.notFound, 'no such planning session')
  return buildRecap(session, readRoadmap(doc))
}

export async function recapPdf(ctx: ExchangeCtx): Promise<void> {
  sendBytes(ctx.res, 'application/pdf', await recapToPdf(await recapOf(ctx)), 'recap.pdf')
}

export async function recapMarkdown(ctx: ExchangeCtx): Promise<void> {
  const markdown = recapToMarkdown(await recapOf(ctx))
  sendText(ctx.res, 200, 'text/markdown; charset=utf-8', markdown, {
    'content-disposition': 'inline; filename="recap.md"',
  })
}

// The exchange routes (images, PDFs, calendar feed, CSV import) for the API's route table.
import { calendarIcs } from './calendar.js'
import type { ExchangeHandler } from './context.js'
import { importCsv } from './importCsv.js'
import { reportPdf } from './reportPdf.js'
import { timelinePdf, timelinePng, timelineSvg } from './timeline.js'

export interface ExchangeRoute {
  /** As the API's route table spells paths: `:id` is one id segment. */
  path: string
  methods: Partial<Record<'GET' | 'POST', ExchangeHandler>>
}

export const EXCHANGE_ROUTES: ExchangeRoute[] = [
  { path: '/api/roadmaps/:id/timeline\\.svg', methods: { GET: timelineSvg } },
  { path: '/api/roadmaps/:id/timeline\\.png', methods: { GET: timelinePng } },
  { path: '/api/roadmaps/:id/timeline\\.pdf', methods: { GET: timelinePdf } },
  { path: '/api/roadmaps/:id/report\\.pdf', methods: { GET: reportPdf } },
  { path: '/api/roadmaps/:id/calendar\\.ics', methods: { GET: calendarIcs } },
  { path: '/api/roadmaps/:id/import/csv', methods: { POST: importCsv } },
]

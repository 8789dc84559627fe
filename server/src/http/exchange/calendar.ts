// GET /api/roadmaps/:id/calendar.ics: milestones and feature end dates (starts on request) as
// all-day events. A UID is the entity's id, so a subscribed calendar updates an event when
// its date or title changes instead of adding a second one.
import ical from 'ical-generator'
import { addDays, readRoadmap } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import { ROLE } from '../../store/store.js'
import { ERROR_CODE } from '@meridian/protocol'
import { HttpError, sendText } from '../respond.js'
import type { ExchangeCtx } from './context.js'
import { liveDoc, requireRole } from './context.js'

/** The UID domain part: fixed, so a UID never changes with the host it was fetched from. */
const UID_DOMAIN = 'meridian.roadmap'

export const eventUid = (kind: 'milestone' | 'feature-start' | 'feature-end', id: string) =>
  `${kind}-${id}@${UID_DOMAIN}`

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

export function roadmapCalendar(data: RoadmapData, roadmapUrl: string, starts: boolean): string {
  const title = data.meta.title || 'Roadmap'
  const cal = ical({ name: title, prodId: { company: 'Meridian', product: 'Roadmap' } })
  const lanes = new Map(data.lanes.map((l) => [l.id, l.name]))
  for (const m of data.milestones) {
    if (!m.date) continue
    cal.createEvent({
      id: eventUid('milestone', m.id),
      start: day(m.date),
      end: day(addDays(m.date, 1)),
      allDay: true,
      summary: `◆ ${m.title}`,
      description: `Milestone of ${title}${m.laneId && lanes.has(m.laneId) ? ` (${lanes.get(m.laneId)})` : ''}: ${m.status}`,
      url: roadmapUrl,
    })
  }
  for (const f of data.features) {
    if (!f.end || (f.start && f.end < f.start)) continue
    const lane = lanes.get(f.laneId)
    cal.createEvent({
      id: eventUid('feature-end', f.id),
      start: day(f.end),
      end: day(addDays(f.end, 1)),
      allDay: true,
      summary: `${f.title} ends`,
      description: `Feature of ${title}${lane ? ` in ${lane}` : ''}: ${f.status}, ${f.health}`,
      url: roadmapUrl,
    })
    if (starts && f.start)
      cal.createEvent({
        id: eventUid('feature-start', f.id),
        start: day(f.start),
        end: day(addDays(f.start, 1)),
        allDay: true,
        summary: `${f.title} starts`,
        description: `Feature of ${title}${lane ? ` in ${lane}` : ''}`,
        url: roadmapUrl,
      })
  }
  return cal.toString()
}

export async function calendarIcs(ctx: ExchangeCtx): Promise<void> {
  await requireRole(ctx, ROLE.viewer)
  const starts = ctx.query.get('starts')
  if (starts !== null && starts !== '0' && starts !== '1')
    throw new HttpError(400, ERROR_CODE.badRequest, 'starts: expected 0 or 1', { path: 'starts' })
  const data = readRoadmap(await liveDoc(ctx))
  const url = `http://${ctx.req.headers.host ?? 'localhost'}/r/${ctx.params[0]}`
  sendText(
    ctx.res,
    200,
    'text/calendar; charset=utf-8',
    roadmapCalendar(data, url, starts === '1'),
    {
      'content-disposition': 'inline; filename="roadmap.ics"',
    },
  )
}

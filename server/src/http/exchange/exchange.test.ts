import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { PNG } from 'pngjs'
import type { WebsocketProvider } from 'y-websocket'
import { Roadmap, readRoadmap } from '@meridian/model'
import type { LaneId, MilestoneId } from '@meridian/model'
import type { MeridianServer } from '../../app.js'
import { call, create, provider, start, synced, tempDir, until } from '../../testing/harness.js'
import type { Created } from '../../testing/harness.js'

const JIRA = fs.readFileSync(
  new URL('../../../../packages/exchange/src/csv/fixtures/jira-export.csv', import.meta.url),
  'utf8',
)
const TODAY = '2026-03-10'

async function bytes(server: MeridianServer, p: string) {
  const res = await fetch(server.url + p)
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  }
}

function pdfText(dir: string, pdf: Buffer): { text: string; pages: number } {
  const file = path.join(dir, `t-${Date.now()}.pdf`)
  fs.writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) }
}

const hex = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`

describe('exchange routes', () => {
  let server: MeridianServer
  let dir: string
  let r: Created
  let p: WebsocketProvider
  let roadmap: Roadmap
  let lane: LaneId
  let milestone: MilestoneId

  beforeAll(async () => {
    dir = tempDir()
    server = await start(dir)
    r = await create(server, 'Exchange roadmap')
    p = provider(server, r.id, r.editorToken)
    await synced(p)
    roadmap = new Roadmap(p.doc, { origin: 'test' })
    roadmap.transact((m) => {
      lane = m.lanes.create({ name: 'Platform', color: '#0ea5e9' })
      const a = m.features.create({
        laneId: lane,
        title: 'Event pipeline',
        start: '2026-02-02',
        end: '2026-03-27',
        status: 'in-progress',
      })
      m.features.create({
        laneId: lane,
        title: 'Audit log',
        start: '2026-04-06',
        end: '2026-05-15',
        dependsOn: [a],
      })
      // Struck through in the PDF: pdfkit's own strike-through failed without a text box.
      m.features.create({
        laneId: lane,
        title: 'Legacy export',
        start: '2026-02-09',
        end: '2026-02-20',
        status: 'cancelled',
      })
      milestone = m.milestones.create({
        title: 'Public beta',
        date: '2026-04-30',
        laneId: null,
        status: 'upcoming',
      })
    })
    const viewer = provider(server, r.id, r.viewerToken)
    await synced(viewer)
    await until(viewer.doc, () => readRoadmap(viewer.doc).features.length === 3, 'features stored')
    viewer.destroy()
  })
  afterAll(async () => {
    p.destroy()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const url = (file: string, query = '') =>
    `/api/roadmaps/${r.id}/${file}?token=${r.viewerToken}&today=${TODAY}${query}`

  it('draws the live SVG for a viewer token, with the title and every feature as text', async () => {
    const res = await call(server, 'GET', url('timeline.svg'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    for (const text of [
      'Exchange roadmap',
      'Event pipeline',
      'Audit log',
      'Public beta',
      'Platform',
    ])
      expect(res.text).toContain(`>${text}<`)
    expect(res.text).toMatch(/^<svg [^>]*width="1280" height="720"/)
  })

  it('refuses a bad or missing token with the usual JSON error', async () => {
    const bad = await call<{ error: { code: string } }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}/timeline.png?token=nope`,
    )
    expect(bad.status).toBe(401)
    expect(bad.body.error.code).toBe('unauthorized')
    const none = await call<{ error: { code: string } }>(
      server,
      'GET',
      `/api/roadmaps/${r.id}/calendar.ics`,
    )
    expect(none.status).toBe(401)
  })

  it.each([
    ['&size=poster', 'size'],
    ['&width=5000&height=600', 'width'],
    ['&width=800', 'width'],
    ['&start=2026-05-01&end=2026-04-01', 'end'],
    ['&start=yesterday', 'start'],
    ['&page=40', 'page'],
    ['&zoom=decade', 'zoom'],
    ['&status=planned,unknown', 'status.1'],
  ])('refuses bad parameters (%s) with a 400 naming the field', async (query, field) => {
    const res = await call<{ error: { code: string; path: string } }>(
      server,
      'GET',
      url('timeline.svg', query),
    )
    expect(res.status).toBe(400)
    expect(res.body.error.path).toBe(field)
  })

  it('renders a PNG of the asked size with bars in the lane colour', async () => {
    const res = await bytes(server, url('timeline.png', '&size=a4&scale=1'))
    expect(res.status).toBe(200)
    expect(res.type).toBe('image/png')
    const png = PNG.sync.read(res.body)
    expect([png.width, png.height]).toEqual([1123, 794])
    const colours = new Map<string, number>()
    for (let i = 0; i < png.data.length; i += 4) {
      const c = hex(png.data[i], png.data[i + 1], png.data[i + 2])
      colours.set(c, (colours.get(c) ?? 0) + 1)
    }
    expect(colours.get('#0ea5e9') ?? 0).toBeGreaterThan(100)
    // Not blank: the in-progress bar's fill is there too.
    expect(colours.get('#e4ecff') ?? 0).toBeGreaterThan(500)
    fs.writeFileSync(path.join(dir, 'timeline.png'), res.body)
  })

  it('renders a PDF whose text holds the title and every feature', async () => {
    const res = await bytes(server, url('timeline.pdf', '&size=letter'))
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/pdf')
    const { text, pages } = pdfText(dir, res.body)
    expect(pages).toBe(1)
    for (const t of [
      'Exchange roadmap',
      'Event pipeline',
      'Audit log',
      'Legacy export',
      'Public beta',
    ])
      expect(text).toContain(t)
  })

  it('pages a long range at a close zoom, repeating the lane labels', async () => {
    const res = await bytes(
      server,
      url('timeline.pdf', '&zoom=week&start=2026-02-01&end=2026-05-31'),
    )
    const { text, pages } = pdfText(dir, res.body)
    expect(pages).toBeGreaterThan(1)
    expect(text.split('Platform').length - 1).toBe(pages)
  })

  it('changes after an edit', async () => {
    const before = await call(server, 'GET', url('timeline.svg'))
    roadmap.features.create({
      laneId: lane,
      title: 'Usage billing',
      start: '2026-03-02',
      end: '2026-03-20',
    })
    const viewer = provider(server, r.id, r.viewerToken)
    await synced(viewer)
    await until(viewer.doc, () => readRoadmap(viewer.doc).features.length === 4, 'edit stored')
    viewer.destroy()
    const after = await call(server, 'GET', url('timeline.svg'))
    expect(before.text).not.toContain('Usage billing')
    expect(after.text).toContain('>Usage billing<')
  })

  it('serves a calendar feed that parses, with every milestone and stable UIDs', async () => {
    const read = async () => {
      const res = await call(server, 'GET', url('calendar.ics', '&starts=1'))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
      const comp = new ICAL.Component(ICAL.parse(res.text))
      return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    }
    const first = await read()
    const beta = first.find((e) => e.summary.includes('Public beta'))!
    expect(beta.startDate.toString()).toBe('2026-04-30')
    expect(first.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Event pipeline ends', 'Audit log starts']),
    )
    roadmap.milestones.update(milestone, { title: 'Public beta (moved)', date: '2026-05-07' })
    const viewer = provider(server, r.id, r.viewerToken)
    await synced(viewer)
    await until(
      viewer.doc,
      () => readRoadmap(viewer.doc).milestones[0]?.date === '2026-05-07',
      'moved',
    )
    viewer.destroy()
    const second = await read()
    const moved = second.find((e) => e.uid === beta.uid)!
    expect(moved.summary).toContain('Public beta (moved)')
    expect(moved.startDate.toString()).toBe('2026-05-07')
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort())
    const bad = await call(server, 'GET', url('calendar.ics', '&starts=yes'))
    expect(bad.status).toBe(400)
  })

  it('serves the report as a PDF', async () => {
    const res = await bytes(server, url('report.pdf'))
    expect(res.status).toBe(200)
    const { text } = pdfText(dir, res.body)
    expect(text).toContain('Exchange roadmap')
    expect(text).toContain('Platform')
    // Days as the app says them (packages/model dateDisplay.ts), whatever the server's locale.
    expect(text).toContain('Progress report as of Mar 10, 2026')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  describe('CSV import', () => {
    const post = (body: unknown, token = r.editorToken) =>
      call<Record<string, unknown> & { error?: Record<string, unknown> }>(
        server,
        'POST',
        `/api/roadmaps/${r.id}/import/csv`,
        { token, body },
      )

    it('needs the editor role', async () => {
      expect((await post({ csv: JIRA }, r.viewerToken)).status).toBe(403)
    })

    it('previews, refuses a file with errors, and imports the rest when told to skip them', async () => {
      const csv =
        'Summary,Due date,Status\nGood one,2026-06-01,To Do\nBad one,31/Feb/26 12:00 AM,To Do\n'
      const preview = await post({ csv, dryRun: true })
      expect(preview.status).toBe(200)
      expect(preview.body.errors).toEqual([
        { line: 3, reason: 'bad end date “31/Feb/26 12:00 AM”' },
      ])
      const refused = await post({ csv })
      expect(refused.status).toBe(422)
      expect(refused.body.error?.errors).toEqual(preview.body.errors)
      const done = await post({ csv, skipErrors: true, mapping: { defaultLane: 'Platform' } })
      expect(done.status).toBe(201)
      expect(done.body.created).toEqual({ lanes: 0, resources: 0, features: 1, items: 0 })
    })

    it('imports a Jira export into lanes, features and items', async () => {
      const res = await post({ csv: JIRA })
      expect(res.status).toBe(201)
      expect(res.body.created).toEqual({ lanes: 2, resources: 3, features: 2, items: 5 })
      const meta = await call<{ counts: Record<string, number> }>(
        server,
        'GET',
        `/api/roadmaps/${r.id}`,
        { token: r.viewerToken },
      )
      expect(meta.body.counts).toMatchObject({ lanes: 3, features: 7, items: 5, resources: 3 })
    })

    it('refuses bad bodies: no csv, an unknown column, a bad field, no header', async () => {
      expect((await post({})).status).toBe(400)
      const col = await post({ csv: JIRA, mapping: { columns: { Nope: 'title' } } })
      expect(col.status).toBe(400)
      expect((await post({ csv: JIRA, mapping: { columns: { Summary: 'colour' } } })).status).toBe(
        400,
      )
      expect((await post({ csv: '\n\n' })).status).toBe(400)
    })

    it('refuses more rows than the limit, naming it', async () => {
      const csv = `Summary\n${'x\n'.repeat(20_001)}`
      const res = await post({ csv })
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({ code: 'invalid_import', maxRows: 20_000 })
    })

    it('refuses a body over the limit with 413', async () => {
      const res = await fetch(`${server.url}/api/roadmaps/${r.id}/import/csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${r.editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ csv: 'a'.repeat(17 * 1024 * 1024) }),
      })
      expect(res.status).toBe(413)
    })
  })
})

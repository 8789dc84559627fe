// POST /api/roadmaps/import/csv: a CSV file as a new roadmap, over real HTTP and SQLite.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultLimits } from '../../config.js'
import type { MeridianServer } from '../../app.js'
import { call, start, tempDir } from '../../testing/harness.js'

const JIRA = fs.readFileSync(
  new URL('../../../../packages/exchange/src/csv/fixtures/jira-export.csv', import.meta.url),
  'utf8',
)

interface Answer {
  id?: string
  title?: string
  ownerToken?: string
  viewerToken?: string
  import?: { created?: Record<string, number>; errors?: unknown[] }
  rows?: number
  errors?: unknown[]
  error?: Record<string, unknown>
}

describe('a CSV file as a new roadmap', () => {
  let server: MeridianServer
  const post = (body: unknown) => call<Answer>(server, 'POST', '/api/roadmaps/import/csv', { body })

  beforeAll(async () => {
    server = await start(tempDir(), {
      limits: {
        ...defaultLimits(),
        createsPerMinute: 1_000_000,
        snapshotsPerMinute: 1_000_000,
        importMaxEntities: 50,
      },
    })
  })
  afterAll(() => server.close())

  it('creates the roadmap with its links, filled by the mapping', async () => {
    const res = await post({
      csv: JIRA,
      title: 'From Jira',
      mapping: { defaultLane: 'Inbox' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ title: 'From Jira' })
    expect(res.body.import?.created).toEqual({ lanes: 2, resources: 3, features: 2, items: 5 })
    const meta = await call<{ title: string; role: string; counts: Record<string, number> }>(
      server,
      'GET',
      `/api/roadmaps/${res.body.id}`,
      { token: res.body.ownerToken },
    )
    expect(meta.body.role).toBe('owner')
    expect(meta.body.title).toBe('From Jira')
    expect(meta.body.counts).toMatchObject({ lanes: 2, features: 2, items: 5, resources: 3 })
  })

  it('lists bad rows: a preview, a refusal, then the rest on skipErrors', async () => {
    const csv = 'Summary,Due date\nGood one,2026-06-01\nBad one,2026-02-30\n'
    const preview = await post({ csv, dryRun: true })
    expect(preview.status).toBe(200)
    expect(preview.body.errors).toEqual([{ line: 3, reason: 'bad end date “2026-02-30”' }])
    const refused = await post({ csv })
    expect(refused.status).toBe(422)
    expect(refused.body.error?.errors).toEqual(preview.body.errors)
    const done = await post({ csv, skipErrors: true })
    expect(done.status).toBe(201)
    expect(done.body.title).toBe('Imported roadmap')
    expect(done.body.import?.created).toMatchObject({ features: 1 })
  })

  it('refuses a mapping naming no column, and more entities than the import limit', async () => {
    expect((await post({ csv: JIRA, mapping: { columns: { Nope: 'title' } } })).status).toBe(400)
    const big = `Summary\n${Array.from({ length: 60 }, (_, i) => `F${i}`).join('\n')}\n`
    const res = await post({ csv: big })
    expect(res.status).toBe(413)
    expect(res.body.error?.code).toBe('payload_too_large')
  })
})

describe('creating from CSV shares the creation budget', () => {
  let server: MeridianServer
  beforeAll(async () => {
    server = await start(tempDir(), { limits: { ...defaultLimits(), createsPerMinute: 2 } })
  })
  afterAll(() => server.close())

  it('answers 429 once the address has created its roadmaps', async () => {
    const csv = 'Summary\nOne\n'
    expect((await call(server, 'POST', '/api/roadmaps', { body: { title: 'A' } })).status).toBe(201)
    const body = { csv }
    expect((await call(server, 'POST', '/api/roadmaps/import/csv', { body })).status).toBe(201)
    const third = await call(server, 'POST', '/api/roadmaps/import/csv', { body })
    expect(third.status).toBe(429)
  })
})

// The backlog downloads as spreadsheet users expect: a CSV with one row per backlog item
// (its feature's columns repeated) beside the one-row-per-feature CSV, both named after
// the roadmap and the day, not its id (backlogItemsToCsv, backlogFileName).
import { readFileSync } from 'node:fs'
import { parseCsv } from '../../packages/model/src/testing/csv.js'
import { openAs, seededUrl, waitLive } from './fixtures.js'
import { expect, test, today } from './views-support.js'
import { seedTrustRoadmap } from './trust-seed.js'

test('the backlog CSV has a row per item and is named after the roadmap and the day', async ({
  browser,
  server,
}) => {
  const seeded = await seedTrustRoadmap(server.origin)
  const { page } = await openAs(
    browser,
    seededUrl(server, seeded, 'viewer', 'backlog'),
    'Stakeholder',
  )
  await waitLive(page)
  await expect(page.getByTestId('backlog-feature')).toHaveCount(3)

  const download = async (testId: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ])
    return {
      name: file.suggestedFilename(),
      rows: parseCsv(readFileSync((await file.path())!, 'utf8')),
    }
  }

  const items = await download('backlog-csv-items')
  expect(items.name).toBe(`atlas-team-analytics-backlog-items-${today()}.csv`)
  const header = items.rows[0]
  const col = (name: string) => header.indexOf(name)
  // Four items, and the feature without items keeps a row of its own.
  expect(
    items.rows.slice(1).map((r) => [r[col('Feature')], r[col('Item')], r[col('Item status')]]),
  ).toEqual([
    ['Accepted work', 'Schema', 'done'],
    ['Accepted work', 'Import', 'done'],
    ['Half done', 'Endpoint', 'done'],
    ['Half done', 'Client', 'in-progress'],
    ['No items yet', '', ''],
  ])
  expect(items.rows[1][col('Feature progress %')]).toBe('100')
  expect(items.rows[1][col('Accepted by')]).toBe('Sam Okafor')

  // The feature shape stays: one row per feature, as the view lists them.
  const features = await download('backlog-csv')
  expect(features.name).toBe(`atlas-team-analytics-backlog-${today()}.csv`)
  expect(features.rows.slice(1).map((r) => r[features.rows[0].indexOf('Feature')])).toEqual([
    'Accepted work',
    'Half done',
    'No items yet',
  ])
  const md = await page.getByTestId('backlog-md').getAttribute('download')
  expect(md).toBe(`atlas-team-analytics-backlog-${today()}.md`)

  // A direct request gets the same name; an unknown shape is refused.
  const href = (await page.getByTestId('backlog-csv-items').getAttribute('href'))!
  const res = await fetch(`${server.origin}${href}`)
  expect(res.headers.get('content-disposition')).toBe(
    `attachment; filename="atlas-team-analytics-backlog-items-${today()}.csv"`,
  )
  const bad = await fetch(`${server.origin}${href.replace('shape=items', 'shape=rows')}`)
  expect(bad.status).toBe(400)
  await page.context().close()
})

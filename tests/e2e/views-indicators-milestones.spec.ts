// Indicators and milestones say the same thing everywhere: an indicator with nothing
// recorded says "No data" (never "On track"); a milestone past its date and not reached
// is overdue on the timeline, in its popover, in the report and in GET /report
// (milestoneState and IndicatorProgress.verdict in packages/model).
import type { ProgressReport } from '@meridian/model'
import { openAs, seededUrl, waitLive } from './fixtures.js'
import { expect, shot, test, today } from './views-support.js'
import { apiGet, seedTrustRoadmap } from './trust-seed.js'

test('an indicator without values says No data; a past milestone is overdue everywhere', async ({
  browser,
  server,
}) => {
  const seeded = await seedTrustRoadmap(server.origin)
  const api = (await (
    await apiGet(server.origin, seeded, `/report?today=${today()}`)
  ).json()) as ProgressReport
  expect(api.indicators.map((i) => [i.name, i.onTrack, i.verdict])).toEqual([
    ['Weekly active teams', null, 'no-data'],
  ])
  expect(api.milestones.overdue.map((m) => [m.title, m.state, m.daysUntil])).toEqual([
    ['Beta sign-off', 'overdue', -3],
  ])

  const { page } = await openAs(browser, seededUrl(server, seeded, 'editor'), 'Sam Okafor')
  await waitLive(page)
  const mark = page.locator('.milestone', { hasText: 'Beta sign-off' })
  await expect(mark).toHaveAttribute('data-state', 'overdue')
  await expect(mark).toHaveAttribute('aria-label', /overdue$/)
  await page.locator('.milestone-hit', { has: mark }).click()
  await expect(page.getByTestId('milestone-overdue')).toContainText('Overdue')
  await shot(page, 'views-milestone-overdue')
  await page.keyboard.press('Escape')

  // A new indicator made in the Goals view has nothing recorded either.
  await page.getByRole('tab', { name: 'Goals', exact: true }).click()
  await page.getByRole('button', { name: 'Indicator', exact: true }).click()
  const form = page.getByRole('form', { name: 'New key indicator' })
  await form.getByLabel('Name').fill('NPS')
  await form.getByLabel('Baseline').fill('30')
  await form.getByLabel('Target').fill('50')
  await form.getByRole('button', { name: 'Add indicator' }).click()
  const cards = page.getByTestId('indicator-card')
  await expect(cards).toHaveCount(2)
  for (const card of await cards.all()) {
    await expect(card).toContainText('No data')
    await expect(card).not.toContainText('On track')
  }

  await page.getByRole('tab', { name: 'Report', exact: true }).click()
  await expect(page.getByTestId('report-indicator')).toHaveCount(2)
  await expect(page.getByTestId('indicator-verdict')).toHaveText(['No data', 'No data'])
  await expect(page.getByTestId('report-milestones')).toContainText('Overdue by 3 days')
  await page.context().close()
})

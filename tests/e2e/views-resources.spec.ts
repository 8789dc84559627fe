// Resources: load against capacity per week; an over-capacity week flags the resource
// here and the features it works on in the backlog, live.
import { SCREENSHOTS, openView, shot, expect, test } from './views-support.js'

test('a resource assigned more than its capacity in a week is flagged in the resource view and the backlog', async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openView(browser, server, seeded, 'owner', 'resources', 'Priya Raman')
  const backlog = await openView(browser, server, seeded, 'editor', 'backlog', 'Sam Okafor')
  const lena = owner.locator('[data-testid="resource-row"][data-name="Lena Fischer"]')
  await expect(lena).toHaveAttribute('data-overloaded', 'false')
  const lenaId = await lena.getAttribute('data-resource-id')
  const lenaLoad = owner.locator(`[data-testid="load-row"][data-resource-id="${lenaId}"]`)
  await expect(lenaLoad.locator('[data-overloaded="true"]')).toHaveCount(0)

  // Filter the backlog to Lena's work: none of it is overloaded yet.
  await backlog.getByLabel('Filter by assignee').selectOption({ label: 'Lena Fischer' })
  const lenaFeatures = backlog.getByTestId('backlog-feature')
  expect(await lenaFeatures.count()).toBeGreaterThan(0)
  const overloadedBadges = lenaFeatures.locator('.bl-flags', { hasText: 'Overloaded' })
  const before = await overloadedBadges.count()

  // Capacity down to 1 per week: her busy weeks go over.
  await lena.getByLabel('Capacity per week of Lena Fischer').fill('1')
  await lena.getByLabel('Capacity per week of Lena Fischer').press('Enter')
  await expect(lena).toHaveAttribute('data-overloaded', 'true')
  await expect(lena).toContainText(/Overloaded · \d+ weeks?/)
  expect(await lenaLoad.locator('[data-overloaded="true"]').count()).toBeGreaterThan(0)
  await expect.poll(() => overloadedBadges.count()).toBeGreaterThan(before)
  await shot(owner, 'views-resources')
  await owner
    .getByRole('region', { name: 'Load per week' })
    .screenshot({ path: `${SCREENSHOTS}/views-resources-load.png` })
  await shot(backlog, 'views-backlog-overloaded')
  await owner.context().close()
  await backlog.context().close()
})

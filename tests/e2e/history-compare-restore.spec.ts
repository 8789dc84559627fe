// A planning meeting's history: the owner names a version, an editor then moves a bar,
// deletes a feature and adds a risk; the owner compares the named version with now (ghost
// bar at the old dates, the deleted feature marked, all three changes listed and the same
// in the Markdown), restores it (both people see the old plan live) and finds the automatic
// snapshot the restore took first.
import { test, expect, openAnaAndBen, openLive, seededUrl, bar, plus, shot } from './fixtures.js'

test('compare a named version with now, then restore it', async ({ browser, server, seeded }) => {
  const [ana, ben] = await openAnaAndBen(
    browser,
    seededUrl(server, seeded, 'owner'),
    seededUrl(server, seeded, 'editor'),
  )

  // Ana names the version before the meeting.
  await ana.page.getByRole('button', { name: 'History' }).click()
  const history = ana.page.getByRole('complementary', { name: 'History' })
  await history.getByLabel('Snapshot name').fill('Q3 steering review')
  await history.getByRole('button', { name: 'Take snapshot' }).click()
  const named = history.locator('.history__row', { hasText: 'Q3 steering review' })
  await expect(named).toBeVisible()
  await expect(named).toContainText('Named')
  const snapshotId = await named.getAttribute('data-snapshot-id')

  // Ben moves a bar ten days, deletes a feature and adds a risk.
  const moved = bar(ben.page, 'Audit log')
  const start = await moved.getAttribute('data-start')
  const movedId = await moved.getAttribute('data-feature-id')
  const deletedId = await bar(ben.page, 'SSO / SAML').getAttribute('data-feature-id')
  const box = await moved.boundingBox()
  if (!box || !start || !movedId || !deletedId) throw new Error('bars not rendered')
  await ben.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await ben.page.mouse.down()
  await ben.page.mouse.move(box.x + box.width / 2 + 70, box.y + box.height / 2, { steps: 8 })
  await ben.page.mouse.up()
  await expect(moved).toHaveAttribute('data-start', plus(start, 10))
  await bar(ben.page, 'SSO / SAML').dblclick()
  await ben.page.getByRole('button', { name: 'Delete feature' }).click()
  await expect(bar(ben.page, 'SSO / SAML')).toHaveCount(0)
  await ben.page.getByRole('tab', { name: 'Risks' }).click()
  await ben.page.getByLabel('New risk title').fill('Vendor lock-in on the ingestion queue')
  await ben.page.getByRole('button', { name: 'Add risk' }).click()
  await expect(ana.page.locator('.bar[data-feature-id]', { hasText: 'SSO / SAML' })).toHaveCount(0)

  // Ana compares the named version with now.
  await named.getByRole('button', { name: 'Compare with now' }).click()
  const compare = ana.page.getByRole('complementary', { name: 'Compare versions' })
  await expect(compare).toBeVisible()
  await expect(ana.page.locator(`[data-ghost="g:${movedId}"]`)).toBeVisible()
  await expect(ana.page.locator(`[data-ghost="g:${deletedId}"]`)).toHaveClass(/ghost--removed/)
  const changes = compare.getByTestId('change-list')
  await expect(changes.getByRole('region', { name: 'Schedule' })).toContainText(
    'Audit log slipped 10 days',
  )
  await expect(changes).toContainText('SSO / SAML removed')
  await expect(changes).toContainText('Vendor lock-in on the ingestion queue')
  await shot(ana.page, 'history-compare')

  // The same changes, as Markdown for the stakeholder email.
  const md = await ana.page.request.get(
    `${server.origin}/api/roadmaps/${seeded.id}/compare?from=${snapshotId}&to=now&format=md`,
    { headers: { authorization: `Bearer ${seeded.viewerToken}` } },
  )
  expect(md.status()).toBe(200)
  const text = await md.text()
  expect(text).toContain('Feature **Audit log** slipped 10 days')
  expect(text).toContain('**SSO / SAML**')
  expect(text).toContain('**Vendor lock-in on the ingestion queue**')

  // A change opens its entity.
  await changes.getByRole('button', { name: /Audit log slipped/ }).click()
  await expect(ana.page.getByTestId('feature-panel')).toBeVisible()
  await compare.getByRole('button', { name: 'Close compare' }).click()

  // Ana restores the named version: both see the old plan live.
  await named.getByRole('button', { name: 'Restore…' }).click()
  await named.getByRole('button', { name: 'Restore', exact: true }).click()
  for (const page of [ana.page, ben.page]) {
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await expect(bar(page, 'Audit log')).toHaveAttribute('data-start', start)
    await expect(bar(page, 'SSO / SAML')).toBeVisible()
  }
  const before = history.locator('.history__row').first()
  await expect(before).toContainText('Before restore')
  await expect(before).toContainText('Automatic')
  await shot(ana.page, 'history-panel')

  await ana.context.close()
  await ben.context.close()
})

test('a viewer opens a past version read-only in every view, then goes back to now', async ({
  browser,
  server,
  seeded,
}) => {
  const [ana, vic] = await openAnaAndBen(
    browser,
    seededUrl(server, seeded, 'editor'),
    seededUrl(server, seeded, 'viewer'),
  )
  await ana.page.keyboard.press('Alt+Shift+S')
  await ana.page.getByLabel('Snapshot name').fill('Kick-off')
  await ana.page.getByLabel('Snapshot name').press('Enter')
  await expect(ana.page.locator('.history__row', { hasText: 'Kick-off' })).toBeVisible()
  await bar(ana.page, 'Audit log').dblclick()
  await ana.page.getByRole('button', { name: 'Delete feature' }).click()
  await expect(bar(vic.page, 'Audit log')).toHaveCount(0)

  await vic.page.getByRole('button', { name: 'History' }).click()
  const row = vic.page.locator('.history__row', { hasText: 'Kick-off' })
  await expect(row.getByRole('button', { name: /Restore/ })).toHaveCount(0)
  await row.getByRole('button', { name: 'Open' }).click()
  const banner = vic.page.getByRole('status').filter({ hasText: 'Viewing version of' })
  await expect(banner).toContainText('Kick-off')
  await expect(bar(vic.page, 'Audit log')).toBeVisible()
  await vic.page.setViewportSize({ width: 1024, height: 768 })
  await shot(vic.page, 'history-version-1024')
  await vic.page.setViewportSize({ width: 1440, height: 900 })
  await vic.page.getByRole('tab', { name: 'Backlog' }).click()
  await expect(vic.page.getByText('Audit log').first()).toBeVisible()
  await banner.getByRole('button', { name: 'Back to now' }).click()
  await expect(banner).toHaveCount(0)
  await vic.page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(bar(vic.page, 'Audit log')).toHaveCount(0)

  await ana.context.close()
  await vic.context.close()
})

test('baseline ghosts on the timeline and the slips of a feature', async ({
  browser,
  server,
  seeded,
}) => {
  const [ana, ben] = await openAnaAndBen(
    browser,
    seededUrl(server, seeded, 'owner'),
    seededUrl(server, seeded, 'editor'),
  )
  await ana.page.getByRole('button', { name: 'History' }).click()
  const history = ana.page.getByRole('complementary', { name: 'History' })
  await history.getByLabel('Snapshot name').fill('Plan of record')
  await history.getByRole('button', { name: 'Take snapshot' }).click()
  const row = history.locator('.history__row', { hasText: 'Plan of record' })
  await row.getByRole('button', { name: 'Set as baseline' }).click()
  await expect(row).toContainText('Baseline')

  // Ben moves Audit log a week later, twice, by keyboard.
  const moved = bar(ben.page, 'Audit log')
  const start = await moved.getAttribute('data-start')
  const id = await moved.getAttribute('data-feature-id')
  if (!start || !id) throw new Error('bar not rendered')
  await moved.click()
  await ben.page.keyboard.press('Shift+ArrowRight')
  await expect(moved).toHaveAttribute('data-start', plus(start, 7))
  await ben.page.keyboard.press('Shift+ArrowRight')
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-start', plus(start, 14))

  await history.getByLabel('Show on timeline').check()
  await expect(ana.page.locator(`[data-ghost="g:${id}"]`)).toHaveClass(/ghost--baseline/)
  await history.getByRole('button', { name: 'Close history' }).click()
  await ana.page.keyboard.press('Alt+Shift+B')
  await expect(ana.page.getByTestId('ghosts-baseline')).toHaveCount(0)
  await ana.page.keyboard.press('Alt+Shift+B')
  await expect(ana.page.locator(`[data-ghost="g:${id}"]`)).toBeVisible()

  await expect(ana.page.locator('.slip-mark[data-slips="2"]')).toBeVisible()
  await bar(ana.page, 'Audit log').dblclick()
  const slips = ana.page.getByTestId('feature-slips')
  await expect(slips).toContainText('Slipped 2 times, 14 days in total')
  await expect(slips).toContainText('Ben Osei')
  await shot(ana.page, 'history-baseline')
  await ana.page.getByRole('tab', { name: 'Report' }).click()
  await expect(ana.page.getByTestId('report-slipped').first()).toContainText('Audit log')
  const baseline = ana.page.getByTestId('report-baseline').first()
  await expect(baseline).toContainText('Audit log')
  await expect(baseline).toContainText('+14 d')
  await ana.page.getByTestId('report-slips').scrollIntoViewIfNeeded()
  await shot(ana.page, 'history-report-slips')

  await ana.context.close()
  await ben.context.close()
})

test('a snapshot list answered late does not hide the snapshot just taken', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana Lima')
  // The list asked for on opening the panel is answered only after the one asked for once
  // the snapshot is taken: requests on different connections can finish in either order.
  let held = false
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let delivered!: () => void
  const stale = new Promise<void>((resolve) => (delivered = resolve))
  await ana.page.route(/\/api\/roadmaps\/[^/]+\/snapshots$/, async (route) => {
    if (route.request().method() !== 'GET' || held) return route.continue()
    held = true
    const response = await route.fetch()
    await released
    await route.fulfill({ response })
    delivered()
  })
  await ana.page.keyboard.press('Alt+Shift+S')
  await ana.page.getByLabel('Snapshot name').fill('Kick-off')
  await ana.page.getByLabel('Snapshot name').press('Enter')
  const row = ana.page.locator('.history__row', { hasText: 'Kick-off' })
  await expect(row).toBeVisible()
  release()
  await stale
  // The list is busy until every list asked for is answered: then the stale one was read.
  await expect(ana.page.locator('.history__list')).toHaveAttribute('aria-busy', 'false')
  await expect(row).toBeVisible()
  await ana.context.close()
})

// Status versus progress: one rule (packages/model featureStatus.ts, DERIVATIONS.md) read
// the same on the timeline, the backlog, the report and GET /report, on a roadmap with
// items all accepted, some in progress, and none.
import type { ProgressReport } from '@meridian/model'
import { bar, openAs, seededUrl, waitLive } from './fixtures.js'
import { expect, shot, test, today } from './views-support.js'
import { apiGet, seedTrustRoadmap } from './trust-seed.js'

test('the timeline, the backlog, the report and the API agree on status and progress', async ({
  browser,
  server,
}) => {
  const seeded = await seedTrustRoadmap(server.origin)
  const res = await apiGet(server.origin, seeded, `/report?today=${today()}`)
  expect(res.status).toBe(200)
  const api = (await res.json()) as ProgressReport
  // (13 × 1 + 6 × 0.5 + 1 × 0) / 20 points: the feature without items weighs 1 point.
  expect(api.summary.progress).toBe(0.8)
  expect(api.summary.byStatus).toMatchObject({ planned: 2, 'in-progress': 1, done: 0 })
  expect(api.goals[0]).toMatchObject({ doneFeatures: 0, progress: 0.8 })
  const backlogRes = await apiGet(server.origin, seeded, `/backlog?today=${today()}`)
  const backlog = (await backlogRes.json()) as {
    entries: { title: string; progress: number; statusHint: string | null }[]
  }
  expect(backlog.entries.map((e) => [e.title, e.progress, e.statusHint])).toEqual([
    ['Accepted work', 1, 'mark-done'],
    ['Half done', 0.5, null],
    ['No items yet', 0, null],
  ])

  const { page } = await openAs(browser, seededUrl(server, seeded, 'editor'), 'Sam Okafor')
  await waitLive(page)
  // Timeline: the status as set, the prompt beside it, the items' progress.
  await expect(bar(page, 'Accepted work')).toHaveAttribute(
    'aria-label',
    /Planned \(All items accepted — mark done\?\).*100% done$/,
  )
  await expect(bar(page, 'Half done')).toHaveAttribute('aria-label', /In progress,.*50% done$/)
  await expect(bar(page, 'No items yet')).toHaveAttribute('aria-label', /Planned,.*0% done$/)
  await expect(bar(page, 'Accepted work')).toHaveAttribute('title', /Progress follows the items/)

  // The Now–Next–Later board: the same prompt on the card.
  await page.getByRole('tab', { name: 'Now–Next–Later', exact: true }).click()
  const card = page.locator('.nnl-card', { hasText: 'Accepted work' })
  await expect(card.getByTestId('status-hint')).toHaveText('All items accepted — mark done?')
  await expect(card).toHaveAttribute('aria-label', /All items accepted/)
  await shot(page, 'views-status-board')
  await expect(
    page.locator('.nnl-card', { hasText: 'Half done' }).getByTestId('status-hint'),
  ).toHaveCount(0)

  // Backlog: the same figures, and the prompt is a button.
  await page.getByRole('tab', { name: 'Backlog', exact: true }).click()
  const row = (title: string) => page.getByTestId('backlog-feature').filter({ hasText: title })
  for (const [title, pct] of [
    ['Accepted work', 100],
    ['Half done', 50],
    ['No items yet', 0],
  ] as const) {
    await expect(row(title).getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(pct))
  }
  await expect(row('Accepted work').getByTestId('status-hint')).toHaveText(
    'All items accepted — mark done?',
  )
  await expect(row('Half done').getByTestId('status-hint')).toHaveCount(0)
  await expect(row('No items yet').getByTestId('status-hint')).toHaveCount(0)
  await expect(row('Accepted work').locator('.bl-progress')).toHaveAttribute(
    'title',
    /How this is computed/,
  )

  await shot(page, 'views-status-backlog')

  // Goals: the goal's figures say the same.
  await page.getByRole('tab', { name: 'Goals', exact: true }).click()
  const goal = page.getByTestId('goal-card')
  await expect(goal.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '80')
  await expect(goal.locator('.gl-goal__count')).toContainText(
    '0 of 3 features done · 1 with all items accepted',
  )

  // Report: 80% beside counts that explain it.
  await page.getByRole('tab', { name: 'Report', exact: true }).click()
  const summary = page.getByTestId('report-summary')
  await expect(summary).toContainText('80%')
  await expect(summary).toContainText('0 done · 1 in progress · 1 with all items accepted')
  await expect(page.getByTestId('report-goal')).toContainText(
    '0 of 3 features done · 1 with all items accepted',
  )
  await expect(page.getByTestId('report-goal')).toContainText('80%')
  await expect(summary.getByRole('img', { name: /How this is computed/ })).toBeVisible()
  await shot(page, 'views-status-report')

  // Accepting the prompt sets the status by hand, and every figure follows.
  await page.getByRole('tab', { name: 'Backlog', exact: true }).click()
  await row('Accepted work').getByTestId('status-hint').click()
  await expect(row('Accepted work').getByTestId('status-hint')).toHaveCount(0)
  await expect(row('Accepted work')).toContainText('Done')
  await page.getByRole('tab', { name: 'Report', exact: true }).click()
  await expect(summary).toContainText('1 done · 1 in progress')
  await expect(summary).not.toContainText('all items accepted')
  await expect
    .poll(async () => {
      const after = (await (
        await apiGet(server.origin, seeded, '/report')
      ).json()) as ProgressReport
      return [after.summary.byStatus.done, after.summary.progress]
    })
    .toEqual([1, 0.8])
  await page.context().close()
})

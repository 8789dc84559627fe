// Goals and key indicators, live: linked features move a goal's progress; recording a value
// updates the indicator card and its sparkline for everyone.
import { openView, shot, expect, test, today } from './views-support.js'

test('recording a key indicator value updates its card and sparkline for everyone', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openView(browser, server, seeded, 'editor', 'goals', 'Sam Okafor')
  const viewer = await openView(browser, server, seeded, 'viewer', 'goals', 'Stakeholder')
  await expect(viewer.getByTestId('goal-card')).toHaveCount(3)
  const card = (page: typeof editor) => page.getByTestId('indicator-card').first()
  const points = Number(await card(viewer).getByTestId('sparkline').getAttribute('data-points'))
  expect(points).toBeGreaterThan(1)
  // The viewer sees the value and the chart, nothing to record with.
  await expect(card(viewer).getByRole('button', { name: 'Record value' })).toHaveCount(0)

  await card(editor).getByRole('button', { name: 'Record value' }).click()
  await card(editor)
    .getByLabel(/^New value of/)
    .fill('47.5')
  await expect(card(editor).getByLabel('Date measured')).toHaveValue(today())
  await card(editor).getByRole('button', { name: 'Save' }).click()

  for (const page of [editor, viewer]) {
    await expect(card(page).getByTestId('indicator-current')).toContainText('47.5')
    await expect(card(page).getByTestId('sparkline')).toHaveAttribute(
      'data-points',
      String(points + 1),
    )
    await expect(card(page).getByTestId('sparkline')).toHaveAttribute('aria-label', /latest 47\.5/)
  }
  await shot(viewer, 'views-goals')
  await editor.context().close()
  await viewer.context().close()
})

test('linking a feature to a goal updates its features and progress for everyone', async ({
  browser,
  server,
  seeded,
}) => {
  const pm = await openView(browser, server, seeded, 'editor', 'goals', 'Sam Okafor')
  const viewer = await openView(browser, server, seeded, 'viewer', 'goals', 'Stakeholder')
  const goal = (page: typeof pm) => page.getByTestId('goal-card').nth(2)
  const count = async () => {
    const text = (await goal(viewer).locator('.gl-goal__count').textContent()) ?? ''
    return Number(/of (\d+) features/.exec(text)?.[1])
  }
  const before = await count()
  const bar = goal(viewer).getByRole('progressbar')
  const progress = async () => Number(await bar.getAttribute('aria-valuenow'))
  const progressBefore = await progress()
  await goal(pm)
    .getByRole('button', { name: /^Link a feature to/ })
    .click()
  await pm.getByLabel('Find a feature').fill('Anomaly alerts')
  await pm.getByRole('option', { name: 'Anomaly alerts', exact: true }).click()
  await expect.poll(count).toBe(before + 1)
  await goal(viewer)
    .getByRole('button', { name: /^Show \d+ more$/ })
    .click()
  await expect(goal(viewer).getByRole('button', { name: 'Anomaly alerts' })).toBeVisible()
  // A planned feature adds scope that is not done yet: the goal's progress goes down.
  await expect.poll(progress).toBeLessThan(progressBefore)
  await pm.context().close()
  await viewer.context().close()
})

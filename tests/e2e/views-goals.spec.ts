// Key indicators: recording a value updates the card and its sparkline for everyone.
import { openView, shot, expect, test, today } from './views-support.js'

test('recording a key indicator value updates its card and sparkline for everyone', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.editorToken,
    'goals',
    'Sam Okafor',
  )
  const viewer = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.viewerToken,
    'goals',
    'Stakeholder',
  )
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

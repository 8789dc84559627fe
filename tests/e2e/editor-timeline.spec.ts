// The timeline's own editing: lanes (add, rename, colour, reorder by drag, collapse),
// features drawn on empty lane space, bars resized by their edges, zoom levels.
import { test, expect, openLive, seededUrl, bar, plus } from './fixtures.js'

test('lanes, drawing, resizing and zooming on the timeline', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(
    browser,
    seededUrl(server, seeded, 'editor'),
    'Tess Timeline',
  )
  const labels = page.locator('.lane-label .lane-label__name')
  await expect(labels.first()).toHaveText('Platform')

  // Reorder: drag Onboarding's grip above Platform.
  const onboarding = page.locator('.lane-label', { hasText: 'Onboarding' })
  await onboarding.hover()
  const grip = await onboarding.locator('.lane-label__grip').boundingBox()
  const platform = await page.locator('.lane-label', { hasText: 'Platform' }).boundingBox()
  if (!grip || !platform) throw new Error('lanes not rendered')
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
  await page.mouse.down()
  await page.mouse.move(platform.x + 60, platform.y + 12, { steps: 6 })
  await page.mouse.up()
  await expect(labels.first()).toHaveText('Onboarding')
  await expect(labels.nth(1)).toHaveText('Platform')

  // Colour and collapse from the lane menu; collapse from the chevron too.
  await page.getByRole('button', { name: 'Lane Platform options' }).click()
  await page.getByRole('menuitem', { name: 'Colour #ec4899' }).click()
  await expect(page.locator('.lane-label', { hasText: 'Platform' })).toHaveAttribute(
    'style',
    /#ec4899/,
  )
  await page.getByRole('button', { name: 'Collapse lane Platform' }).click()
  await expect(page.locator('.lane-label', { hasText: 'Platform' })).toHaveClass(
    /lane-label--collapsed/,
  )
  await expect(bar(page, 'Audit log')).toHaveCount(0)
  await page.getByRole('button', { name: 'Expand lane Platform' }).click()
  await expect(bar(page, 'Audit log')).toBeVisible()

  // Resize: drag Audit log's right edge ten days later (month zoom: 7 px a day).
  const audit = bar(page, 'Audit log')
  const end = (await audit.getAttribute('data-end')) ?? ''
  const edge = await audit.locator('.bar__handle--end').boundingBox()
  if (!edge) throw new Error('no resize handle')
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2)
  await page.mouse.down()
  await page.mouse.move(edge.x + edge.width / 2 + 70, edge.y + edge.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(audit).toHaveAttribute('data-end', plus(end, 10))

  // Dragging to the edge of the view scrolls it: the bar goes further than the screen shows.
  const sso = bar(page, 'SSO / SAML')
  const ssoStart = (await sso.getAttribute('data-start')) ?? ''
  const from = await sso.boundingBox()
  const view = await page.locator('.tl-scroll').boundingBox()
  if (!from || !view) throw new Error('no bar')
  const left0 = await page.locator('.tl-scroll').evaluate((el) => el.scrollLeft)
  await page.mouse.move(from.x + 10, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(view.x + view.width - 10, from.y + from.height / 2, { steps: 8 })
  await expect
    .poll(() => page.locator('.tl-scroll').evaluate((el) => el.scrollLeft))
    .toBeGreaterThan(left0 + 400)
  await page.mouse.up()
  const movedStart = (await sso.getAttribute('data-start')) ?? ''
  expect(Date.parse(movedStart) - Date.parse(ssoStart)).toBeGreaterThan(
    ((view.x + view.width - from.x + 400) / 7) * 86_400_000 * 0.9,
  )

  // Draw a feature on empty lane space (the free row under a lane's bars).
  const lane = await page.locator('.lane-bg').nth(1).boundingBox()
  const scroller = await page.locator('.tl-scroll').boundingBox()
  if (!lane || !scroller) throw new Error('no lane')
  const y = lane.y + lane.height - 12
  const x = scroller.x + scroller.width - 420
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 60, y, { steps: 3 })
  await page.mouse.move(x + 140, y, { steps: 3 })
  await page.mouse.up()
  const panel = page.getByTestId('feature-panel')
  await expect(panel.getByLabel('Feature title')).toHaveValue('New feature')
  await expect(page.locator('.tl-toolbar__count')).toHaveText(/^31 features/)
  await panel.getByRole('button', { name: 'Close feature panel' }).click()

  // Add and rename a lane.
  await page.getByRole('button', { name: 'Lane', exact: true }).click()
  const name = page.getByRole('textbox', { name: 'Lane name' })
  await name.fill('Growth')
  await name.press('Enter')
  await expect(page.locator('.tl-toolbar__count')).toHaveText(/6 lanes/)

  // Zoom levels change the scale; Fit shows the whole plan.
  for (const zoom of ['Week', 'Quarter', 'Year', 'Month']) {
    await page.getByRole('button', { name: zoom, exact: true }).click()
    await expect(page.locator('.tl-scroll')).toHaveAttribute('data-zoom', zoom.toLowerCase())
  }
  await page.getByRole('button', { name: /Fit all/ }).click()
  await expect(page.locator('.tl-scroll')).toHaveAttribute('data-zoom', 'fit')

  await context.close()
})

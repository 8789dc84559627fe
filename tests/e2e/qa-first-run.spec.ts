// First run: a new roadmap from the home page, its first lane and first feature (then
// unscheduled), with no console errors; and a link that never worked says so (not "your
// access has ended"); at 1024 px the timeline toolbar fits beside the feature panel.
import { test, expect, openAs, today, waitLive } from './fixtures.js'

test('a new roadmap: first lane, first feature starting today, clean console', async ({
  browser,
  server,
}) => {
  const { page, context } = await openAs(browser, `${server.origin}/`, 'Fay First')
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))

  await page.getByPlaceholder('e.g. Mobile app 2027').fill('Q3 planning')
  await page.getByRole('button', { name: 'Create roadmap' }).click()
  await waitLive(page)
  await expect(page.getByText('An empty roadmap')).toBeVisible()

  // The first lane: an empty lane says how to put a feature on it.
  await page.getByRole('button', { name: 'Add the first lane' }).click()
  await page.keyboard.press('Enter')
  await expect(page.locator('.tl-toolbar__count')).toHaveText('0 features · 1 lane')
  await expect(page.locator('.lane-bg__hint')).toHaveText(
    'Double-click or drag here to add a feature',
  )

  // The toolbar's Feature button starts the feature today, so it is not born late.
  await page.locator('.tl-toolbar').getByRole('button', { name: 'Feature' }).click()
  const created = page.locator('.tl-area .bar[data-feature-id]')
  await expect(created).toHaveCount(1)
  await expect(created).toHaveAttribute('data-start', today())
  await expect(page.locator('.tl-toolbar__count')).toHaveText('1 feature · 1 lane')
  await expect(page.locator('.lane-bg__hint')).toHaveCount(0)

  // Without dates it leaves the timeline, and its panel says why.
  const panel = page.getByTestId('feature-panel')
  await panel.getByLabel('End date').fill('')
  await panel.getByLabel('Start date').fill('')
  await expect(created).toHaveCount(0)
  await expect(
    panel.getByText('Unscheduled: it appears on the timeline once it has both dates.'),
  ).toBeVisible()

  // Escape leaves the description, a second Escape closes the panel.
  await panel.locator('.ProseMirror').click()
  await page.keyboard.type('Why it matters')
  await page.keyboard.press('Escape')
  await expect(panel).toBeVisible()
  await expect(panel.locator('.ProseMirror')).not.toBeFocused()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)

  expect(problems).toEqual([])
  await context.close()
})

test('a link that is not valid says so, with a way home', async ({ browser, server, seeded }) => {
  const { page, context } = await openAs(
    browser,
    `${server.origin}/r/${seeded.id}?token=not-a-real-token`,
    'Nia Nolink',
  )
  await expect(
    page.getByRole('heading', { name: 'This link doesn’t open the roadmap' }),
  ).toBeVisible()
  await expect(page.getByText('Ask the roadmap owner for a new link')).toBeVisible()
  await page.getByRole('button', { name: 'Go to Meridian home' }).click()
  await expect(
    page.getByRole('heading', { name: 'Plan the roadmap together, live.' }),
  ).toBeVisible()
  await context.close()
})

test('at 1024 px with the feature panel open, the toolbar still fits beside it', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openAs(
    browser,
    `${server.origin}/r/${seeded.id}?token=${seeded.ownerToken}`,
    'Nora Narrow',
  )
  await page.setViewportSize({ width: 1024, height: 700 })
  await waitLive(page)
  await page.locator('.tl-area .bar[data-feature-id]').first().dblclick()
  const panel = await page.getByTestId('feature-panel').boundingBox()
  const toolbar = page.locator('.tl-toolbar')
  for (const name of ['Add a milestone', 'Add a lane', 'New feature (N)']) {
    const box = await toolbar.getByTitle(name).boundingBox()
    expect(box && panel && box.x + box.width <= panel.x).toBe(true)
  }
  await context.close()
})

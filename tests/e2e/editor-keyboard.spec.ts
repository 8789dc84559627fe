// Keyboard only: create, move and delete a feature without touching the mouse.
import { test, expect, openLive, seededUrl, plus } from './fixtures.js'

test('create, move and delete a feature with the keyboard', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Kim Keys')
  const bars = page.locator('.tl-area .bar[data-feature-id]')
  await expect(bars.first()).toBeVisible()

  // Tab into the timeline, select the first bar with the arrow keys.
  const scroller = page.getByRole('region', { name: /^Timeline/ })
  await page.locator('body').press('Tab')
  for (let i = 0; i < 40 && !(await scroller.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(scroller).toBeFocused()
  await page.keyboard.press('ArrowDown')
  const focused = page.locator('.bar[data-feature-id]:focus')
  await expect(focused).toHaveCount(1)

  // N creates a feature after the selected one and opens its panel on the title, selected,
  // as the toolbar does: typing names it; Escape closes the panel, focus back on the bar.
  await page.keyboard.press('n')
  const panel = page.getByTestId('feature-panel')
  const title = panel.getByLabel('Feature title')
  await expect(title).toBeFocused()
  await expect(title).toHaveValue('New feature')
  await page.keyboard.type('Keyboard-made feature')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  const created = page.locator('.bar[data-feature-id]:focus')
  await expect(created).toContainText('Keyboard-made feature')
  const id = await created.getAttribute('data-feature-id')
  const fresh = page.locator(`.bar[data-feature-id="${id}"]`)
  const start = (await fresh.getAttribute('data-start')) ?? ''

  // Arrows move it: a day, then a week with Shift.
  await page.keyboard.press('ArrowRight')
  await expect(fresh).toHaveAttribute('data-start', plus(start, 1))
  await page.keyboard.press('Shift+ArrowRight')
  await expect(fresh).toHaveAttribute('data-start', plus(start, 8))
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(fresh).toHaveAttribute('data-start', plus(start, 1))

  // Enter opens its panel with focus on the title; rename it there; Escape returns to the bar.
  await page.keyboard.press('Enter')
  await expect(panel).toBeVisible()
  await expect(title).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Renamed by keyboard')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(fresh).toBeFocused()
  await expect(fresh).toContainText('Renamed by keyboard')

  // Delete removes it; Ctrl+Z brings it back; Delete again.
  await page.keyboard.press('Delete')
  await expect(fresh).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(page.locator(`.bar[data-feature-id="${id}"]`)).toHaveCount(1)
  await page.locator(`.bar[data-feature-id="${id}"]`).focus()
  await page.keyboard.press('Delete')
  await expect(page.locator(`.bar[data-feature-id="${id}"]`)).toHaveCount(0)

  await context.close()
})

// Keyboard and first edits on the timeline: lane controls (reorder, collapse, options) and
// milestones are reached with Tab; Enter on a bar opens its panel with focus in it; a new
// lane's, feature's and milestone's name is focused and selected, so typing names it.
import type { Page } from '@playwright/test'
import { test, expect, openLive, seededUrl, bar } from './fixtures.js'
import { storedMilestone } from './plan-support.js'

/** Tab until `target` has focus (at most `max` presses); fails when it never does. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('lane controls and milestones are reached with Tab', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Tab Ito')
  const scroller = page.getByRole('region', { name: /^Timeline/ })
  await scroller.focus()

  // Tab from the timeline reaches the first lane's controls.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: /^Move lane Platform/ })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Collapse lane Platform' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Expand lane Platform' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(bar(page, 'Audit log')).toBeVisible()
  await tabTo(page, page.getByRole('button', { name: 'Lane Platform options' }), 4)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('Escape')

  // Reorder with the grip's arrow keys; the grip keeps focus.
  const grip = page.getByRole('button', { name: /^Move lane Onboarding/ })
  await tabTo(page, grip)
  await page.keyboard.press('ArrowUp')
  const labels = page.locator('.lane-label .lane-label__name')
  await expect(labels.first()).toHaveText('Onboarding')
  await expect(grip).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(labels.first()).toHaveText('Platform')

  // Milestones are on the Tab path too; Enter opens one with its name selected.
  await tabTo(page, page.getByRole('button', { name: 'Milestone Partner summit' }))
  await page.keyboard.press('Enter')
  await page.keyboard.type('Partner day')
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await storedMilestone(server, seeded, 'Partner day'))?.title)
    .toBe('Partner day')

  await context.close()
})

test('Enter on a bar opens its panel with focus in it', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ed Enter')
  await page.getByRole('region', { name: /^Timeline/ }).focus()
  await page.keyboard.press('ArrowDown')
  const focused = page.locator('.bar[data-feature-id]:focus')
  await expect(focused).toHaveCount(1)
  const title = (await focused.locator('.bar__title').textContent()) ?? ''
  await page.keyboard.press('Enter')
  const panel = page.getByTestId('feature-panel')
  await expect(panel.getByLabel('Feature title')).toBeFocused()
  await expect(panel.getByLabel('Feature title')).toHaveValue(title)
  await context.close()
})

test('a new lane, feature and milestone: typing names it', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Nia New')
  const toolbar = page.locator('.tl-toolbar')

  await toolbar.getByRole('button', { name: 'Lane' }).click()
  await expect(page.getByLabel('Lane name')).toBeFocused()
  await page.keyboard.type('Payments')
  await page.keyboard.press('Enter')
  await expect(page.locator('.lane-label__name', { hasText: /^Payments$/ })).toBeVisible()

  await toolbar.getByRole('button', { name: 'Feature' }).click()
  const panel = page.getByTestId('feature-panel')
  await expect(panel.getByLabel('Feature title')).toBeFocused()
  await page.keyboard.type('Billing export')
  await page.keyboard.press('Enter')
  await expect(bar(page, 'Billing export')).toBeVisible()
  await page.keyboard.press('Escape')

  // Drawn by double-click on empty lane space: the same.
  const hint = await page.locator('.lane-bg__hint').boundingBox()
  if (!hint) throw new Error('no empty lane')
  await page.mouse.dblclick(hint.x + hint.width + 60, hint.y + hint.height / 2)
  await expect(panel.getByLabel('Feature title')).toBeFocused()
  await page.keyboard.type('Invoices')
  await page.keyboard.press('Enter')
  await expect(bar(page, 'Invoices')).toBeVisible()
  await page.keyboard.press('Escape')

  await toolbar.getByRole('button', { name: 'Milestone' }).click()
  await expect(page.getByLabel('Milestone', { exact: true })).toBeFocused()
  await page.keyboard.type('Billing beta')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Milestone Billing beta' })).toHaveCount(1)

  await context.close()
})

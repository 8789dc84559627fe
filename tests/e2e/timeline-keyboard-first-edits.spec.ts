// Keyboard and first edits on the timeline: lane controls (reorder, collapse, options) and
// milestones are reached with Tab; Enter on a bar opens its panel with focus in it; a new
// lane's, feature's and milestone's name is focused and selected, so typing names it.
import type { Page } from '@playwright/test'
import { test, expect, openLive, seededUrl, bar } from './fixtures.js'
import { exported, storedMilestone } from './plan-support.js'

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

test('Tab from a bar scrolled out of the drawn window moves focus to the next bar', async ({
  browser,
  server,
  seeded,
}) => {
  // The bar that has focus leaves the page in the render that selects the next one (it is
  // no longer selected and lies outside the drawn window): focus must not fall to the body.
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ola Out')
  await page.setViewportSize({ width: 1024, height: 768 })
  const scroller = page.getByRole('region', { name: /^Timeline/ })
  await scroller.focus()
  await page.keyboard.press('ArrowDown')
  const first = page.locator('.bar[data-feature-id]:focus')
  await expect(first).toHaveCount(1)
  const from = await first.getAttribute('data-feature-id')
  const drawn = await page
    .locator('.bar[data-feature-id]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.featureId ?? ''))
  await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth
  })
  // The drawn window has moved when a bar drawn before has left the page.
  await expect
    .poll(() =>
      page.evaluate(
        (ids) =>
          ids.some((id) => !document.querySelector(`.bar[data-feature-id="${CSS.escape(id)}"]`)),
        drawn.filter((id) => id !== from),
      ),
    )
    .toBe(true)
  await expect(first).toBeFocused()
  await page.keyboard.press('Tab')
  const next = page.locator('.bar[data-feature-id]:focus')
  await expect(next).toHaveCount(1)
  expect(await next.getAttribute('data-feature-id')).not.toBe(from)
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

  // N on the timeline: the same; Escape then gives focus back to the new bar.
  await page.getByRole('region', { name: /^Timeline/ }).focus()
  await page.keyboard.press('n')
  await expect(panel.getByLabel('Feature title')).toBeFocused()
  await page.keyboard.type('Refunds')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(bar(page, 'Refunds')).toBeFocused()

  await toolbar.getByRole('button', { name: 'Milestone' }).click()
  await expect(page.getByLabel('Milestone', { exact: true })).toBeFocused()
  await page.keyboard.type('Billing beta')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Milestone Billing beta' })).toHaveCount(1)

  await context.close()
})

test('Tab goes through the timeline in reading order at 1024 px', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Tao Tab')
  await page.setViewportSize({ width: 1024, height: 768 })
  const stored = await exported(server, seeded)
  const laneRank = new Map(Object.entries(stored.lanes).map(([id, l]) => [id, l.rank]))
  // Lane by lane (in the lanes' order), each lane's bars by start.
  const expected = Object.entries(stored.features)
    .filter(([, f]) => f.start && f.end && laneRank.has(f.laneId))
    .map(([id, f]) => ({ id, lane: laneRank.get(f.laneId) ?? '', start: f.start ?? '' }))
    .sort((a, b) => (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : a.start.localeCompare(b.start)))
  const milestones = Object.values(stored.milestones).filter((m) => m.date).length

  const scroller = page.getByRole('region', { name: /^Timeline/ })
  await scroller.focus()
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return {
        bar: el?.dataset.featureId ?? null,
        milestone: el?.dataset.milestoneId ?? null,
        lane: el?.closest('.lane-label') !== null,
        inTimeline: el?.closest('.tl-scroll') !== null,
        body: el === document.body,
      }
    })

  // The lane controls first, then every bar in reading order, then the milestones, then out.
  const seen: { id: string; lane: string; start: string }[] = []
  let at = await focused()
  for (let i = 0; i < 80 && !at.bar; i++) {
    expect(at.inTimeline).toBe(true)
    await page.keyboard.press('Tab')
    at = await focused()
  }
  while (at.bar && seen.length <= expected.length) {
    const f = stored.features[at.bar]
    seen.push({ id: at.bar, lane: laneRank.get(f?.laneId ?? '') ?? '', start: f?.start ?? '' })
    const from = at.bar
    await page.keyboard.press('Tab')
    // Focus follows the selection once it has rendered (the timeline may scroll first).
    await expect
      .poll(async () => {
        at = await focused()
        return at.bar !== from && !at.body
      })
      .toBe(true)
  }
  expect(seen.map((s) => `${s.lane} ${s.start}`)).toEqual(
    expected.map((s) => `${s.lane} ${s.start}`),
  )
  expect(new Set(seen.map((s) => s.id)).size).toBe(expected.length)
  const marks: string[] = []
  while (at.milestone && marks.length <= milestones) {
    marks.push(at.milestone)
    await page.keyboard.press('Tab')
    at = await focused()
  }
  expect(marks).toHaveLength(milestones)
  expect(at.inTimeline).toBe(false)

  // Shift+Tab walks back: the last milestone, then from the first one the last bar.
  await page.keyboard.press('Shift+Tab')
  expect((await focused()).milestone).toBe(marks.at(-1))
  for (let i = 1; i < marks.length; i++) await page.keyboard.press('Shift+Tab')
  expect((await focused()).milestone).toBe(marks[0])
  await page.keyboard.press('Shift+Tab')
  await expect(page.locator(`.bar[data-feature-id="${seen.at(-1)?.id}"]`)).toBeFocused()
  await context.close()
})

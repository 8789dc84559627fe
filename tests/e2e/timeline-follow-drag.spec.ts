// A follower's drag: Ben follows Ana and drags a bar two weeks; Ana scrolls far away
// meanwhile. Ben's bar stays under his pointer and lands two weeks later, as he dragged;
// following pauses for the drag and resumes after the drop.
import { test, expect, openLive, seededUrl, bar, plus } from './fixtures.js'
import { storedFeature } from './plan-support.js'

test("a follower's drag lands where the follower dropped it", async ({
  browser,
  server,
  seeded,
}) => {
  const url = seededUrl(server, seeded, 'editor')
  const ana = await openLive(browser, url, 'Ana Lima', 0)
  const ben = await openLive(browser, url, 'Ben Osei', 1)
  // Cleo follows Ana too, without dragging: she shows when Ana's scroll has reached followers.
  const cleo = await openLive(browser, url, 'Cleo Park', 2)
  await ben.page.getByRole('button', { name: 'Follow Ana Lima' }).click()
  await cleo.page.getByRole('button', { name: 'Follow Ana Lima' }).click()
  await expect(ben.page.getByText('Following Ana Lima')).toBeVisible()

  const before = await storedFeature(server, seeded, 'Audit log')
  const audit = bar(ben.page, 'Audit log')
  const box = await audit.boundingBox()
  if (!box || !before.start || !before.end) throw new Error('no bar')
  const y = box.y + box.height / 2
  const x = box.x + 20
  // Month zoom: 7 px a day; Ben drags 14 days (98 px) in two parts.
  await ben.page.mouse.move(x, y)
  await ben.page.mouse.down()
  await ben.page.mouse.move(x + 50, y, { steps: 5 })
  await expect(ben.page.getByText(/Following Ana Lima.*paused/)).toBeVisible()

  const scroller = ana.page.locator('.tl-scroll')
  await scroller.evaluate((el) => el.scrollBy({ left: 1500 }))
  const anaLeft = await scroller.evaluate((el) => el.scrollLeft)
  await expect
    .poll(() => cleo.page.locator('.tl-scroll').evaluate((el) => el.scrollLeft))
    .toBeGreaterThan(anaLeft - 20)
  // Ana's pointer appears for Ben: every awareness update carries her whole state, so Ben
  // has her new window too.
  const view = await scroller.boundingBox()
  if (!view) throw new Error('no timeline')
  await ana.page.mouse.move(view.x + view.width / 2, view.y + view.height / 2)
  await ana.page.mouse.move(view.x + view.width / 2 + 10, view.y + view.height / 2 + 5)
  await expect(ben.page.locator('.pointer__name', { hasText: 'Ana Lima' })).toHaveCount(1)

  await ben.page.mouse.move(x + 98, y, { steps: 5 })
  // The bar is still under Ben's pointer, not run off to the edge of his screen.
  await expect.poll(async () => Math.round(((await audit.boundingBox())?.x ?? 0) - box.x)).toBe(98)
  await ben.page.mouse.up()

  await expect(audit).toHaveAttribute('data-start', plus(before.start, 14))
  await expect
    .poll(async () => (await storedFeature(server, seeded, 'Audit log')).start)
    .toBe(plus(before.start, 14))
  expect((await storedFeature(server, seeded, 'Audit log')).end).toBe(plus(before.end, 14))

  // After the drop Ben follows Ana again.
  await expect(ben.page.getByText(/paused/)).toHaveCount(0)
  await expect
    .poll(() => ben.page.locator('.tl-scroll').evaluate((el) => el.scrollLeft))
    .toBeGreaterThan(anaLeft - 20)

  await ana.context.close()
  await ben.context.close()
  await cleo.context.close()
})

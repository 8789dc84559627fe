// Drawing the timeline so it can be trusted at a glance: arrows never through a label or a
// bar, risk badges on short bars too, the Today badge beside (not over) a date, no Today
// line through the empty state, remote pointers that follow their owner's scroll, and a
// zoom level that survives a trip to another view.
import type { Page } from '@playwright/test'
import {
  test,
  expect,
  openAs,
  openLive,
  openAnaAndBen,
  seededUrl,
  shot,
  waitLive,
} from './fixtures.js'

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** Points every 2 px along each dependency arrow that fall inside a label or another bar. */
function arrowHits(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, w: r.width, h: r.height }
    }
    const inside = (p: { x: number; y: number }, r: Box, inset: number) =>
      p.x > r.x + inset && p.x < r.x + r.w - inset && p.y > r.y + inset && p.y < r.y + r.h - inset
    const labels = Array.from(
      document.querySelectorAll('.tl-area .bar__title, .milestone__label'),
    ).map((el) => ({ text: el.textContent ?? '', box: rect(el) }))
    const bars = Array.from(document.querySelectorAll('.tl-area .bar[data-feature-id]')).map(
      (el) => ({
        text: el.querySelector('.bar__title')?.textContent ?? '',
        box: rect(el),
      }),
    )
    const hits: string[] = []
    const paths = Array.from(document.querySelectorAll<SVGPathElement>('.deps__path'))
    for (const path of paths) {
      const m = path.getScreenCTM()
      if (!m) continue
      const length = path.getTotalLength()
      for (let at = 0; at <= length; at += 2) {
        const q = path.getPointAtLength(at)
        const p = { x: m.a * q.x + m.c * q.y + m.e, y: m.b * q.x + m.d * q.y + m.f }
        for (const l of labels) if (inside(p, l.box, 1)) hits.push(`label ${l.text}`)
        for (const b of bars) if (inside(p, b.box, 3)) hits.push(`bar ${b.text}`)
      }
    }
    return { paths: paths.length, hits: [...new Set(hits)] }
  })
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

async function todayCoversADate(page: Page): Promise<string[]> {
  const badge = await page.locator('.axis__today').boundingBox()
  if (!badge) throw new Error('no Today badge')
  const covered: string[] = []
  for (const label of await page.locator('.axis__minor span').all()) {
    const box = await label.boundingBox()
    if (
      box &&
      overlaps(
        { ...badge, w: badge.width, h: badge.height },
        { ...box, w: box.width, h: box.height },
      )
    )
      covered.push((await label.textContent()) ?? '')
  }
  return covered
}

test('fit all: arrows around labels, risk badges, the Today badge', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Fay Fit')
  await expect(page.locator('.deps__path').first()).toBeAttached()
  expect(await todayCoversADate(page)).toEqual([])

  await page.getByRole('button', { name: 'Fit all' }).click()
  await expect(page.locator('.tl-scroll')).toHaveAttribute('data-zoom', 'fit')
  await shot(page, 'timeline-fit-all')
  // Compact rows: all five lanes fit a 900 px high window.
  const scroller = await page.locator('.tl-scroll').boundingBox()
  const last = await page.locator('.lane-label', { hasText: 'Mobile' }).boundingBox()
  if (!scroller || !last) throw new Error('no lanes')
  expect(last.y + last.height).toBeLessThanOrEqual(scroller.y + scroller.height)
  const arrows = await arrowHits(page)
  expect(arrows.paths).toBeGreaterThan(2)
  expect(arrows.hits).toEqual([])
  expect(await todayCoversADate(page)).toEqual([])

  // Every bar with open risks shows its badge (a dot on a bar too short for the badge).
  const risky = page.locator('.tl-area .bar[aria-label*="open risk"]')
  const count = await risky.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    const badge = risky.nth(i).locator('.bar__risk')
    await expect(badge).toBeVisible()
    expect((await badge.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(8)
  }
  await context.close()
})

test('the zoom level survives another view', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Zed Zoom')
  await page.getByRole('button', { name: 'Quarter', exact: true }).click()
  await page.getByRole('tab', { name: 'Backlog' }).click()
  await expect(page.getByTestId('timeline-view')).toHaveCount(0)
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(page.locator('.tl-scroll')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Quarter', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await context.close()
})

test("a remote pointer follows its owner's scroll", async ({ browser, server, seeded }) => {
  const [ana, ben] = await openAnaAndBen(browser, seededUrl(server, seeded, 'editor'))
  const view = await ana.page.locator('.tl-scroll').boundingBox()
  if (!view) throw new Error('no timeline')
  await ana.page.mouse.move(view.x + view.width / 2, view.y + view.height / 2)
  await ana.page.mouse.move(view.x + view.width / 2 + 10, view.y + view.height / 2 + 5)
  const pointer = ben.page.locator('.pointer', { hasText: 'Ana Lima' })
  await expect(pointer).toHaveCount(1)
  const x = async () =>
    Number(/translate\(([-\d.]+)px/.exec((await pointer.getAttribute('style')) ?? '')?.[1])
  const before = await x()
  // Ana scrolls with her mouse still: what is under it is 700 px later.
  await ana.page.locator('.tl-scroll').evaluate((el) => el.scrollBy({ left: 700 }))
  await expect.poll(async () => Math.round((await x()) - before)).toBe(700)
  await ana.context.close()
  await ben.context.close()
})

test('no Today line through the empty state', async ({ browser, server }) => {
  const { page, context } = await openAs(browser, `${server.origin}/`, 'Emma Empty')
  await page.getByPlaceholder('e.g. Mobile app 2027').fill('Blank')
  await page.getByRole('button', { name: 'Create roadmap' }).click()
  await waitLive(page)
  const text = await page.locator('.timeline > .empty').boundingBox()
  if (!text) throw new Error('no empty state')
  for (const line of await page.locator('.today-line').all()) {
    const box = await line.boundingBox()
    if (box)
      expect(
        overlaps(
          { ...text, w: text.width, h: text.height },
          { ...box, w: box.width, h: box.height },
        ),
      ).toBe(false)
  }
  await shot(page, 'timeline-empty')
  await context.close()
})

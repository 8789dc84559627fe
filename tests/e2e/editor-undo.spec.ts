// Undo reverts only my own edits: someone else's concurrent edit stays.
import { test, expect, openAs, roadmapUrl, bar, waitLive } from './fixtures.js'

const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

test('undo in one browser reverts only that person’s edit', async ({ browser, server, seeded }) => {
  const url = roadmapUrl(server.origin, seeded.id, seeded.editorToken)
  const ana = await openAs(browser, url, 'Ana Lima', 0)
  const ben = await openAs(browser, url, 'Ben Osei', 1)
  await waitLive(ana.page)
  await waitLive(ben.page)

  const anaStart = (await bar(ana.page, 'Audit log').getAttribute('data-start')) ?? ''
  const benStart = (await bar(ben.page, 'Query engine caching').getAttribute('data-start')) ?? ''

  await bar(ana.page, 'Audit log').focus()
  await ana.page.keyboard.press('Shift+ArrowRight')
  await expect(bar(ben.page, 'Audit log')).toHaveAttribute('data-start', plus(anaStart, 7))

  await bar(ben.page, 'Query engine caching').focus()
  await ben.page.keyboard.press('Shift+ArrowRight')
  await expect(bar(ana.page, 'Query engine caching')).toHaveAttribute(
    'data-start',
    plus(benStart, 7),
  )

  await ana.page.keyboard.press('Control+z')
  for (const page of [ana.page, ben.page]) {
    await expect(bar(page, 'Audit log')).toHaveAttribute('data-start', anaStart)
    await expect(bar(page, 'Query engine caching')).toHaveAttribute('data-start', plus(benStart, 7))
  }
  // Redo brings Ana's edit back, still leaving Ben's alone.
  await ana.page.keyboard.press('Control+Shift+z')
  await expect(bar(ben.page, 'Audit log')).toHaveAttribute('data-start', plus(anaStart, 7))
  await expect(bar(ben.page, 'Query engine caching')).toHaveAttribute(
    'data-start',
    plus(benStart, 7),
  )

  await ana.context.close()
  await ben.context.close()
})

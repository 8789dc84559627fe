// Undo reverts only my own edits: someone else's concurrent edit stays.
import { test, expect, openAnaAndBen, seededUrl, bar, plus } from './fixtures.js'

test('undo in one browser reverts only that person’s edit', async ({ browser, server, seeded }) => {
  const url = seededUrl(server, seeded, 'editor')
  const [ana, ben] = await openAnaAndBen(browser, url)

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

// Now–Next–Later: the same features in three columns; moving a card between columns
// sets its horizon for everyone; titles are edited in place.
import { test, expect, openAnaAndBen, seededUrl, shot } from './fixtures.js'

test('cards move between columns and are renamed in place, live', async ({
  browser,
  server,
  seeded,
}) => {
  const url = seededUrl(server, seeded, 'editor', 'now-next-later')
  const [ana, ben] = await openAnaAndBen(browser, url)

  const column = (page: typeof ana.page, name: string) =>
    page.getByRole('region', { name: `${name} column` })
  const card = column(ana.page, 'Later').locator('.nnl-card').first()
  const title = (await card.locator('.nnl-card__title').textContent()) ?? ''
  expect(title).not.toBe('')

  // Drag from Later to Now.
  await card.dragTo(column(ana.page, 'Now').locator('.nnl__list'))
  await expect(
    column(ben.page, 'Now').locator('.nnl-card__title', { hasText: title }),
  ).toBeVisible()
  await expect(
    column(ben.page, 'Later').locator('.nnl-card__title', { hasText: title }),
  ).toHaveCount(0)

  // Keyboard: Alt+→ moves it on to Next.
  const moved = column(ana.page, 'Now').locator('.nnl-card', { hasText: title })
  await moved.focus()
  await ana.page.keyboard.press('Alt+ArrowRight')
  await expect(
    column(ben.page, 'Next').locator('.nnl-card__title', { hasText: title }),
  ).toBeVisible()

  // Inline title edit.
  const inNext = column(ana.page, 'Next').locator('.nnl-card', { hasText: title })
  await inNext.locator('.nnl-card__title').dblclick()
  const input = column(ana.page, 'Next').getByLabel('Feature title')
  await input.fill(`${title} (committed)`)
  await input.press('Enter')
  await expect(
    column(ben.page, 'Next').locator('.nnl-card__title', { hasText: `${title} (committed)` }),
  ).toBeVisible()
  await shot(ben.page, 'now-next-later')

  await ana.context.close()
  await ben.context.close()
})

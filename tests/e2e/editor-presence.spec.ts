// Presence: each person sees the other's avatar and, outlined in their colour, the bar
// they selected; live pointers; following someone keeps my view on theirs.
import { test, expect, openAnaAndBen, seededUrl, bar, shot } from './fixtures.js'

test('avatars, selections and follow mode', async ({ browser, server, seeded }) => {
  const [ana, ben] = await openAnaAndBen(
    browser,
    seededUrl(server, seeded, 'owner'),
    seededUrl(server, seeded, 'editor'),
  )

  // Each sees the other's avatar (and their own).
  await expect(ana.page.getByRole('button', { name: 'Follow Ben Osei' })).toBeVisible()
  await expect(ben.page.getByRole('button', { name: 'Follow Ana Lima' })).toBeVisible()
  await expect(ana.page.getByRole('button', { name: /^You: Ana Lima/ })).toBeVisible()

  // Selections are outlined for the other person, with the selector's name.
  await bar(ana.page, 'Audit log').click()
  await bar(ben.page, 'Query engine caching').click()
  await expect(bar(ben.page, 'Audit log')).toHaveClass(/bar--peer/)
  await expect(bar(ben.page, 'Audit log').locator('.bar__peer-tag')).toHaveText('Ana Lima')
  await expect(bar(ana.page, 'Query engine caching').locator('.bar__peer-tag')).toHaveText(
    'Ben Osei',
  )

  // Live pointer: Ben's pointer over the timeline shows for Ana.
  const view = await ben.page.locator('.tl-scroll').boundingBox()
  if (!view) throw new Error('no timeline')
  await ben.page.mouse.move(view.x + view.width * 0.6, view.y + view.height * 0.7)
  await ben.page.mouse.move(view.x + view.width * 0.6 + 20, view.y + view.height * 0.7 + 10)
  await expect(ana.page.locator('.pointer__name', { hasText: 'Ben Osei' })).toBeVisible()
  await shot(ana.page, 'timeline')

  // Follow mode: Ana follows Ben; Ben zooms to quarters and scrolls; Ana's view follows.
  await ana.page.getByRole('button', { name: 'Follow Ben Osei' }).click()
  await expect(ana.page.getByText('Following Ben Osei')).toBeVisible()
  await ben.page.getByRole('button', { name: 'Quarter', exact: true }).click()
  await expect(ana.page.getByRole('button', { name: 'Quarter', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await ben.page.locator('.tl-scroll').evaluate((el) => el.scrollBy({ left: 600 }))
  const benLeft = await ben.page.locator('.tl-scroll').evaluate((el) => el.scrollLeft)
  await expect
    .poll(() => ana.page.locator('.tl-scroll').evaluate((el) => el.scrollLeft))
    .toBeGreaterThan(benLeft - 20)
  // Ben switches view: Ana goes along.
  await ben.page.getByRole('tab', { name: 'Now–Next–Later' }).click()
  await expect(ana.page.getByRole('tab', { name: 'Now–Next–Later' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await ana.page.getByRole('button', { name: 'Stop following Ben Osei' }).click()

  await ana.context.close()
  await ben.context.close()
})

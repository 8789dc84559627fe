// A new owner on a 1024×768 laptop: the share dialog fits without scrolling, the timeline's
// axis shows every label whole at "fit all", and the owner lets commenters vote mid-session
// from the session bar, by keyboard.
import type { Page } from '@playwright/test'
import { createLink, expect, openLive, seededUrl, shot, test } from './fixtures.js'
import { giveDot, openVote, startSession } from './session-support.js'

/** Whether the open dialog's body needs a scrollbar, and whether the dialog leaves the screen. */
const dialogFits = (page: Page) =>
  page.getByRole('dialog').evaluate((dialog) => {
    const body = dialog.querySelector('.dialog__body')!
    return (
      body.scrollHeight <= body.clientHeight &&
      dialog.getBoundingClientRect().bottom <= window.innerHeight
    )
  })

test('the share dialog fits 1024×768 with the default links and three more', async ({
  browser,
  server,
  seeded,
}) => {
  for (const personName of ['Cara Diaz', 'Dev Patel', 'Eli Moss'])
    await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'commenter', personName })
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  await ana.page.getByRole('button', { name: 'Share' }).press('Enter')
  const dialog = ana.page.getByRole('dialog', { name: 'Share roadmap' })
  await expect(dialog.getByRole('list', { name: 'Share links' }).locator('li')).toHaveCount(6)
  expect(await dialogFits(ana.page)).toBe(true)
  // Each section's controls are in view without scrolling.
  await expect(dialog.getByRole('region', { name: 'Embed on a page' })).toBeInViewport({ ratio: 1 })
  await expect(dialog.getByRole('region', { name: 'Subscribe in calendar' })).toBeInViewport({
    ratio: 1,
  })
  await shot(ana.page, 'laptop-share-1024')
  await ana.page.setViewportSize({ width: 1440, height: 900 })
  expect(await dialogFits(ana.page)).toBe(true)
  await shot(ana.page, 'laptop-share-1440')
})

test('at "fit all" every axis label is whole', async ({ browser, server, seeded }) => {
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  await ana.page.getByRole('button', { name: 'Fit all' }).press('Enter')
  await expect(ana.page.getByRole('button', { name: 'Fit all' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const cut = await ana.page.locator('.tl-scroll').evaluate((scroll) => {
    const from = scroll.querySelector('.tl-corner')!.getBoundingClientRect().right
    const to = scroll.getBoundingClientRect().left + scroll.clientWidth
    return Array.from(scroll.querySelectorAll<HTMLElement>('.axis__major span, .axis__minor span'))
      .filter((label) => getComputedStyle(label).visibility === 'visible')
      .map((label) => ({ text: label.textContent, box: label.getBoundingClientRect() }))
      .filter(({ box }) => box.right > from && box.left < to)
      .filter(({ box }) => box.left < from - 0.5 || box.right > to + 0.5)
      .map(({ text }) => text)
  })
  expect(cut).toEqual([])
  await shot(ana.page, 'laptop-fit-all-axis')
})

test('the owner lets commenter links vote from the session bar while a vote runs', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'commenter' })
  const cora = await openLive(browser, link.url, 'Cora Commenter', 1)
  await startSession(ana.page, 'Quarter planning', ['Audit log'])
  await openVote(ana.page, ['Audit log', 'SSO / SAML'], 2)
  await expect(cora.page.getByTestId('vote-status')).toHaveText(
    'You are watching: voting is not open to commenter links in this session.',
  )

  // By keyboard: the session bar's Agenda menu holds the switch, last.
  await ana.page.getByTestId('session-bar').getByRole('button', { name: 'Agenda' }).press('Enter')
  const menu = ana.page.getByRole('menu', { name: 'Agenda' })
  const allow = menu.getByRole('menuitemcheckbox', { name: 'Commenter links may vote' })
  await expect(allow).toHaveAttribute('aria-checked', 'false')
  await ana.page.keyboard.press('ArrowUp')
  await expect(allow).toBeFocused()
  await ana.page.keyboard.press('Enter')
  await expect(allow).toHaveAttribute('aria-checked', 'true')
  await shot(ana.page, 'laptop-session-menu')
  await ana.page.keyboard.press('Escape')
  await expect(
    ana.page.getByTestId('session-bar').getByRole('button', { name: 'Agenda' }),
  ).toBeFocused()

  // The commenter may vote now, and the server takes the ballot.
  await giveDot(cora.page, 'Audit log')
  await giveDot(ana.page, 'SSO / SAML')
  for (const page of [ana.page, cora.page])
    await expect(page.getByTestId('vote-voters')).toHaveText('2 voted')
})

test('the backlog beside an open feature panel at 1024 px keeps its column labels apart', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  const { page } = ana
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.getByRole('tab', { name: 'Backlog' }).click()
  await page.locator('.bl-feature__title').first().dblclick()
  await expect(page.getByTestId('feature-panel')).toBeVisible()
  // No two visible column labels overlap, and no feature title is squeezed to nothing.
  const labels = await page.locator('.bl-columns > span').evaluateAll((spans) =>
    spans
      .filter((s) => s.getBoundingClientRect().width > 0)
      .map((s) => ({
        text: s.textContent,
        left: s.getBoundingClientRect().left,
        right: s.getBoundingClientRect().right,
        fits: s.scrollWidth <= s.clientWidth + 1,
      })),
  )
  for (const label of labels)
    expect(label, `${label.text} fits its column`).toHaveProperty('fits', true)
  for (let i = 1; i < labels.length; i++)
    expect(labels[i].left).toBeGreaterThanOrEqual(labels[i - 1].right)
  const title = await page.locator('.bl-feature__title').first().boundingBox()
  expect(title?.width ?? 0).toBeGreaterThan(120)
  // An item's title has the row to itself: it is not cut to a letter.
  const item = page.getByTestId('backlog-item').first().locator('.bl-item__title')
  expect((await item.boundingBox())?.width ?? 0).toBeGreaterThan(240)
  await shot(page, 'laptop-backlog-panel-1024')
})

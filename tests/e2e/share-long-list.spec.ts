// An owner with many links: on a 1024×768 laptop and a 1440×900 screen the share dialog fits,
// its header (with Close) and the create-link form stay in view, and the links scroll in
// their own region, which the keyboard reaches row by row with every focus ring whole.
import type { Locator, Page } from '@playwright/test'
import { createLink, expect, openLive, seededUrl, shot, test } from './fixtures.js'

const PEOPLE = ['Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun']

/** How far the focused element's outline (2px, offset 2px) reaches past the list's view. */
const ringOutside = (list: Locator) =>
  list.evaluate((el) => {
    const ring = 4
    const focused = document.activeElement!.getBoundingClientRect()
    const view = el.getBoundingClientRect()
    const top = view.top + el.clientTop
    const bottom = top + el.clientHeight
    return Math.max(0, top - (focused.top - ring), focused.bottom + ring - bottom)
  })

/** Tabs on until the focused element is `target`, within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the target')
}

test('a long list of links scrolls in its own region; header and form stay', async ({
  browser,
  server,
  seeded,
}) => {
  for (const [i, name] of PEOPLE.entries())
    await createLink(server.origin, seeded.id, seeded.ownerToken, {
      role: i % 2 ? 'editor' : 'viewer',
      personName: `${name} Example`,
    })
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  const { page } = ana
  let made = 0
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.getByRole('button', { name: 'Share' }).press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Share roadmap' })
    const list = dialog.getByRole('list', { name: 'Share links' })
    await expect(list.getByRole('listitem')).toHaveCount(3 + PEOPLE.length + made)
    const box = await dialog.boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(height)
    // The list scrolls, not the dialog's body.
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    expect(
      await dialog.locator('.dialog__body').evaluate((el) => el.scrollHeight <= el.clientHeight),
    ).toBe(true)

    // By keyboard from the form down to the last link: each row's controls come into view
    // whole, focus ring included, and the header and form stay where they were.
    const last = list.getByRole('listitem', { name: 'Jun Example' })
    const revoke = last.getByRole('button', { name: 'Revoke editor link' })
    await tabTo(page, revoke)
    await expect(revoke).toBeInViewport({ ratio: 1 })
    expect(await ringOutside(list)).toBe(0)
    for (const control of [
      dialog.getByRole('button', { name: 'Close' }),
      dialog.getByLabel('Access'),
      dialog.getByRole('button', { name: 'Create link' }),
      dialog.getByLabel('For a person (optional)'),
      dialog.getByRole('region', { name: 'Embed on a page' }),
    ])
      await expect(control).toBeInViewport({ ratio: 1 })
    await shot(page, `share-long-list-${width}`)

    // And back up: the first row's copy button, above the fold again, scrolls back in.
    const copy = list.getByRole('button', { name: 'Copy Owner link' })
    for (let i = 0; i < 60 && !(await copy.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Shift+Tab')
    await expect(copy).toBeFocused()
    await expect(copy).toBeInViewport({ ratio: 1 })
    expect(await ringOutside(list)).toBe(0)

    // A link made now is brought into view in the list.
    await dialog.getByLabel('For a person (optional)').fill(`Kim ${width}`)
    await dialog.getByRole('button', { name: 'Create link' }).click()
    made++
    await expect(list.getByRole('button', { name: `Copy Kim ${width}` })).toBeInViewport({
      ratio: 1,
    })
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  }
  await ana.context.close()
})

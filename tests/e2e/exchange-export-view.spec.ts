// "What you see" exports honour what the timeline hides: a collapsed lane's features are left
// out of the SVG drawn in the browser and of the PDF the server draws from the same options.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { SCREENSHOTS, expect, openLive, seededUrl, shot, test } from './fixtures.js'

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  const target = path.join(SCREENSHOTS, `export-view-${file.suggestedFilename()}`)
  mkdirSync(SCREENSHOTS, { recursive: true })
  await file.saveAs(target)
  return target
}

/** Titles shown whole inside the timeline's scrolled window, by lane. */
async function barsByLane(page: Page): Promise<Map<string, string[]>> {
  const pairs = await page.evaluate(() => {
    const box = document.querySelector('.tl-scroll')!.getBoundingClientRect()
    return Array.from(document.querySelectorAll<HTMLElement>('.tl-area .bar[data-feature-id]'))
      .filter((el) => {
        const r = el.querySelector('.bar__title')?.getBoundingClientRect()
        return (
          r &&
          r.left > box.left + 232 &&
          r.right < box.right &&
          r.top > box.top + 52 &&
          r.bottom < box.bottom
        )
      })
      .map((el) => [el.dataset.laneId ?? '', el.querySelector('.bar__title')?.textContent ?? ''])
  })
  const by = new Map<string, string[]>()
  for (const [lane, title] of pairs) if (title) by.set(lane, [...(by.get(lane) ?? []), title])
  return by
}

test('a collapsed lane is left out of a "what you see" export', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana Lima')
  await page.locator('.tl-area .bar[data-feature-id]').first().waitFor()
  const before = await barsByLane(page)
  const [hiddenLane, shownLane] = [...before.keys()]
  const all = [...before.values()].flat()
  // Titles no other title contains, so "absent from the file" means this feature is.
  const hidden = before.get(hiddenLane)!.filter((t) => all.every((o) => o === t || !o.includes(t)))
  expect(hidden.length).toBeGreaterThan(0)
  const name = await page
    .locator(`.lane-label[data-lane-id="${hiddenLane}"]`)
    .getAttribute('aria-label')
  const laneName = name!.replace(/^Lane /, '')
  await page.getByRole('button', { name: `Collapse lane ${laneName}` }).click()
  // Collapsed, its bars are thin marks without their titles.
  await expect(page.getByRole('button', { name: `Expand lane ${laneName}` })).toBeVisible()
  await expect(page.locator(`.tl-area .bar[data-lane-id="${hiddenLane}"] .bar__title`)).toHaveCount(
    0,
  )
  const shown = (await barsByLane(page)).get(shownLane)!

  await page.getByRole('button', { name: 'Export' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export timeline' })
  await expect(dialog.getByLabel(/What you see/)).toBeChecked()
  await expect(dialog.getByText(/1 collapsed lane left out/)).toBeVisible()
  await shot(page, 'exchange-export-collapsed')
  await dialog.getByRole('button', { name: 'SVG', exact: true }).click()
  const svg = readFileSync(
    await download(page, () => dialog.getByRole('button', { name: 'Download SVG' }).click()),
    'utf8',
  )
  for (const title of hidden) expect(svg).not.toContain(`>${title}<`)
  for (const title of shown) expect(svg).toContain(title)

  await page.getByRole('button', { name: 'Export' }).click()
  const again = page.getByRole('dialog', { name: 'Export timeline' })
  await again.getByRole('button', { name: 'PDF', exact: true }).click()
  const pdf = await download(page, () =>
    again.getByRole('button', { name: 'Download PDF' }).click(),
  )
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  for (const title of hidden) expect(text).not.toContain(title)
  for (const title of shown) expect(text).toContain(title)
  await context.close()
})

// The timeline exported for slides and paper (PNG, SVG, PDF from the toolbar), the report's
// PDF, and the share dialog's calendar feed: real Chromium, real server, files checked
// (dimensions, text, lane colours) and saved for a person to look at.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import type { Page } from '@playwright/test'
import { SCREENSHOTS, expect, openLive, seededUrl, shot, test } from './fixtures.js'

const TITLE = 'Atlas — team analytics SaaS'

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  const target = path.join(SCREENSHOTS, `export-${file.suggestedFilename()}`)
  mkdirSync(SCREENSHOTS, { recursive: true })
  await file.saveAs(target)
  return target
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

/** Titles shown whole inside the timeline's scrolled window: what the user sees. */
async function visibleTitles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = document.querySelector('.tl-scroll')!.getBoundingClientRect()
    return Array.from(
      document.querySelectorAll<HTMLElement>('.tl-area .bar[data-feature-id] .bar__title'),
    )
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return (
          r.left > box.left + 232 &&
          r.right < box.right &&
          r.top > box.top + 52 &&
          r.bottom < box.bottom
        )
      })
      .map((el) => el.textContent ?? '')
      .filter(Boolean)
  })
}

const pagesOf = (file: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])

test('the timeline exports to PNG, SVG and PDF as it looks, with every visible feature', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana Lima')
  const month = page
    .getByRole('toolbar', { name: 'Timeline' })
    .getByRole('button', { name: 'Month' })
  await month.click()
  await expect(month).toHaveAttribute('aria-pressed', 'true')
  // The zoom re-anchors the scroll position in a frame: read what is seen after it.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )
  const seen = await visibleTitles(page)
  expect(seen.length).toBeGreaterThan(3)

  await page.getByRole('button', { name: 'Export' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export timeline' })
  await expect(dialog.getByTestId('export-preview')).toBeVisible()
  await shot(page, 'exchange-export-dialog')

  // SVG: text is text, with the title and every bar the user saw.
  await dialog.getByRole('button', { name: 'SVG', exact: true }).click()
  const svgFile = await download(page, () =>
    dialog.getByRole('button', { name: 'Download SVG' }).click(),
  )
  const svg = readFileSync(svgFile, 'utf8')
  expect(svg).toMatch(/^<svg [^>]*width="1280" height="720"/)
  expect(svg).toContain(`>${TITLE}<`)
  for (const title of seen) expect(svg).toContain(title)
  expect(svg).not.toMatch(/scrollbar|toolbar|:hover/)

  // PNG: a 16:9 image at twice the pixels, not blank, bars in the lanes' colours.
  await page.getByRole('button', { name: 'Export' }).click()
  const pngFile = await download(page, () =>
    page
      .getByRole('dialog', { name: 'Export timeline' })
      .getByRole('button', { name: 'Download PNG' })
      .click(),
  )
  const png = PNG.sync.read(readFileSync(pngFile))
  expect([png.width, png.height]).toEqual([2560, 1440])
  const colours = new Set<string>()
  for (let i = 0; i < png.data.length; i += 4)
    colours.add(`#${[0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join('')}`)
  const laneColours = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.tl-area .bar[data-feature-id]')).map((el) =>
      getComputedStyle(el).getPropertyValue('--lane').trim().toLowerCase(),
    ),
  )
  const present = [...new Set(laneColours)].filter((c) => colours.has(c))
  expect(present.length).toBeGreaterThanOrEqual(3)
  expect(colours.size).toBeGreaterThan(50)

  // PDF of what the user sees: one slide, every visible title searchable.
  await page.getByRole('button', { name: 'Export' }).click()
  const pdfDialog = page.getByRole('dialog', { name: 'Export timeline' })
  await pdfDialog.getByRole('button', { name: 'PDF', exact: true }).click()
  const viewPdf = await download(page, () =>
    pdfDialog.getByRole('button', { name: 'Download PDF' }).click(),
  )
  expect(pagesOf(viewPdf)).toBe(1)
  const viewText = pdfText(viewPdf).replace(/\s+/g, ' ')
  expect(viewText).toContain(TITLE)
  for (const title of seen) expect(viewText).toContain(title)

  // The whole roadmap on A4 at the current zoom: several pages, lane labels on each.
  await page.getByRole('button', { name: 'Export' }).click()
  const again = page.getByRole('dialog', { name: 'Export timeline' })
  await again.getByRole('button', { name: 'PDF', exact: true }).click()
  await again.getByLabel('Page size').selectOption('a4')
  await again.getByLabel('The whole roadmap').check()
  await again.getByLabel(/Keep the month zoom/).check()
  await expect(again.getByTestId('export-pages')).not.toHaveText('1 page')
  const pdfFile = await download(page, () =>
    again.getByRole('button', { name: 'Download PDF' }).click(),
  )
  const pages = pagesOf(pdfFile)
  expect(pages).toBeGreaterThan(1)
  const text = pdfText(pdfFile)
  expect(text.split('Platform').length - 1).toBeGreaterThanOrEqual(pages)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '2',
    pdfFile,
    path.join(SCREENSHOTS, 'exchange-export-pdf'),
  ])
  await context.close()
})

test('the report downloads as a PDF and the share dialog offers a calendar feed', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(
    browser,
    seededUrl(server, seeded, 'owner', 'report'),
    'Ana Lima',
  )
  await page.getByTestId('report-view').waitFor()
  const pdf = await download(page, () => page.getByRole('button', { name: 'Download PDF' }).click())
  expect(pdfText(pdf)).toContain(TITLE)
  copyFileSync(pdf, path.join(SCREENSHOTS, 'exchange-report.pdf'))

  await page.getByRole('button', { name: /Share/ }).first().click()
  const share = page.getByRole('dialog', { name: 'Share roadmap' })
  const feed = share.getByRole('region', { name: 'Subscribe in calendar' })
  await expect(feed).toBeVisible()
  const url = feed.getByLabel('Calendar feed URL')
  if (!(await url.isVisible())) await feed.getByRole('button', { name: /view-only link/ }).click()
  await expect(url).toHaveValue(/\/calendar\.ics\?token=/)
  await shot(page, 'exchange-share-calendar')
  const ics = await (await fetch(await url.inputValue())).text()
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toContain('BEGIN:VEVENT')

  // At 1024 px the toolbar still offers Import and Export, reachable by keyboard.
  await share.getByRole('button', { name: 'Close' }).click()
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
  const exportButton = page.getByRole('button', { name: 'Export' })
  await expect(exportButton).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import' })).toBeVisible()
  await exportButton.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Export timeline' })).toBeVisible()
  await shot(page, 'exchange-export-1024')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Export timeline' })).toBeHidden()
  await shot(page, 'exchange-toolbar-1024')
  await context.close()
})

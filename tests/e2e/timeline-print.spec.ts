// Printing the timeline: one landscape page with the date range that is on screen, and
// neither the app's toolbars nor other people's selection tags.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test, expect, openAnaAndBen, seededUrl, bar, SCREENSHOTS } from './fixtures.js'

test('printing the timeline gives a landscape page of what is on screen', async ({
  browser,
  server,
  seeded,
}) => {
  const [ana, ben] = await openAnaAndBen(browser, seededUrl(server, seeded, 'editor'))
  await bar(ben.page, 'Audit log').click()
  await expect(bar(ana.page, 'Audit log').locator('.bar__peer-tag')).toHaveText('Ben Osei')

  // The dates at either end of Ana's window.
  const view = await ana.page.locator('.tl-scroll').boundingBox()
  if (!view) throw new Error('no timeline')
  const shown: string[] = []
  for (const label of await ana.page.locator('.axis__minor span').all()) {
    const box = await label.boundingBox()
    if (box && box.x >= view.x + 232 && box.x + box.width <= view.x + view.width)
      shown.push((await label.textContent()) ?? '')
  }
  expect(shown.length).toBeGreaterThan(4)

  mkdirSync(SCREENSHOTS, { recursive: true })
  const pdf = path.join(SCREENSHOTS, 'timeline-print.pdf')
  await ana.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true })
  const info = execFileSync('pdfinfo', [pdf]).toString()
  expect(info).toMatch(/Pages:\s+1\n/)
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []
  expect(Number(w)).toBeGreaterThan(Number(h))
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')])
  expect(readFileSync(pdf.replace(/\.pdf$/, '.png')).length).toBeGreaterThan(1000)

  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
  expect(text).toContain('Audit log')
  expect(text).toContain(shown[0])
  expect(text).toContain(shown[shown.length - 1])
  for (const chrome of ['Fit all', 'Backlog', 'Ben Osei', 'Feature details'])
    expect(text).not.toContain(chrome)

  await ana.context.close()
  await ben.context.close()
})

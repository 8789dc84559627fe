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
  const shown: { text: string; x: number }[] = []
  for (const label of await ana.page.locator('.axis__minor span').all()) {
    const box = await label.boundingBox()
    if (box && box.x >= view.x + 232 && box.x + box.width <= view.x + view.width)
      shown.push({ text: (await label.textContent()) ?? '', x: box.x - view.x })
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
  // The page is the screen shrunk to the paper: the first and last week labels on screen
  // are printed, and where they are printed maps the screen's left edge to the page's
  // margin (pdftotext also reads text that is covered, such as labels behind the lanes
  // column when the page is scrolled further than the screen).
  const words = [
    ...execFileSync('pdftotext', ['-bbox', pdf, '-'])
      .toString()
      .matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
  ].map(([, x, word]) => ({ x: Number(x), word }))
  const printedAt = ({ text }: { text: string }) => {
    const [month, day] = text.split(' ')
    const at = words.findIndex((w, i) => w.word === month && words[i + 1]?.word === day)
    expect(at, `${text} is printed`).toBeGreaterThan(-1)
    return words[at].x
  }
  const [first, last] = [shown[0], shown[shown.length - 1]]
  const scale = (printedAt(last) - printedAt(first)) / (last.x - first.x)
  const margin = (8 / 25.4) * 72
  expect(scale).toBeGreaterThan(((Number(w) - 2 * margin) / 1440) * 0.95)
  // Within a third of a week (the page's own left padding is a few points); the scrolled
  // page this guards against was 75 pt off.
  expect(Math.abs(printedAt(first) - scale * first.x - margin)).toBeLessThan(24)
  for (const chrome of ['Fit all', 'Backlog', 'Ben Osei', 'Feature details'])
    expect(text).not.toContain(chrome)

  await ana.context.close()
  await ben.context.close()
})

// The printed report leaves no half-empty pages: sections continue on the next page
// instead of jumping whole to it (report.css, print rules). Checked on the printed PDF
// itself, rasterised by pdftoppm: every page but the last is filled near its bottom
// margin. The PNGs are kept for a person to look at.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openView, SCREENSHOTS, expect, test } from './views-support.js'

/** How far down (0..1 of the page height) the lowest non-white pixel of a PGM page lies. */
function inkBottom(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64))
  if (!header) throw new Error('not a binary PGM')
  const [, w, h] = header.map(Number)
  const pixels = pgm.subarray(header[0].length)
  for (let y = h - 1; y >= 0; y--) {
    for (let x = 0; x < w; x++) if (pixels[y * w + x] < 240) return (y + 1) / h
  }
  return 0
}

test('the printed report fills its pages: no half-empty page before the last', async ({
  browser,
  server,
  seeded,
}) => {
  const page = await openView(browser, server, seeded, 'viewer', 'report', 'Stakeholder')
  await page.emulateMedia({ media: 'print' })
  const pdfPath = path.join(SCREENSHOTS, 'views-report-print.pdf')
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true })
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    pdfPath,
    path.join(SCREENSHOTS, 'views-report-print'),
  ])
  const dir = mkdtempSync(path.join(tmpdir(), 'meridian-report-'))
  execFileSync('pdftoppm', ['-gray', '-r', '40', pdfPath, path.join(dir, 'page')])
  const pages = readdirSync(dir)
    .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]))
    .map((f) => inkBottom(readFileSync(path.join(dir, f))))
  rmSync(dir, { recursive: true })
  expect(pages.length).toBeGreaterThanOrEqual(2)
  // A4 with 14 mm margins: the printable area ends at 95% of the page. A page cut short
  // by a section that jumped ahead would end near the middle.
  for (const bottom of pages.slice(0, -1)) expect(bottom).toBeGreaterThan(0.8)
  await page.context().close()
})

// A CSV file as a new roadmap from the home page: the same file, mapping and preview steps as
// the import into a roadmap, then the roadmap is created in one request and opened as its
// owner. A 10,000-row file is read and planned in a worker behind a progress bar.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, shot, test } from './fixtures.js'

const JIRA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../packages/exchange/src/csv/fixtures/jira-export.csv',
)

test('a Jira export becomes a new roadmap from the home page', async ({ page, server }) => {
  await page.goto(server.origin)
  await page.setViewportSize({ width: 1024, height: 760 })
  await expect(page.getByRole('button', { name: 'New roadmap from CSV' })).toBeVisible()
  await shot(page, 'exchange-new-from-csv-home')
  await page.getByRole('button', { name: 'New roadmap from CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'New roadmap from CSV' })
  await expect(dialog.getByText('Choose a CSV file')).toBeVisible()
  await shot(page, 'exchange-new-from-csv-source')
  await dialog.getByTestId('csv-file').setInputFiles(JIRA)
  await expect(dialog.getByLabel('Column Summary imports as')).toHaveValue('title')
  await dialog.getByRole('button', { name: 'Preview' }).click()
  // From the home page there is no roadmap to import into: only the new one's title.
  await expect(dialog.getByLabel('This roadmap')).toHaveCount(0)
  await expect(dialog.getByLabel('New roadmap title')).toHaveValue('jira export')
  await dialog.getByLabel('New roadmap title').fill('Payments from Jira')
  await expect(dialog.getByTestId('csv-summary')).toContainText('2 features')
  await shot(page, 'exchange-new-from-csv-preview')
  await dialog.getByRole('button', { name: 'Create roadmap with 7 entities' }).click()

  await expect(page).toHaveURL(/\/r\/[^?]+\?token=/)
  await expect(page.getByRole('textbox', { name: 'Roadmap title' })).toHaveValue(
    'Payments from Jira',
  )
  await expect(page.getByText('Payments', { exact: true }).first()).toBeVisible()
  // Opened as its owner, and remembered on the home page.
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible()
  await page.goto(server.origin)
  await expect(page.getByRole('link', { name: /Payments from Jira/ })).toBeVisible()
})

test('a 10,000-row file shows its progress while it is read and planned', async ({
  page,
  server,
}) => {
  const lines = ['Summary,Issue key,Issue Type,Status,Due date,Parent,Component/s']
  for (let e = 0; e < 2000; e++) {
    lines.push(`Epic ${e},EP-${e},Epic,In Progress,2026-06-30,,Team ${e % 8}`)
    for (let s = 0; s < 4; s++) lines.push(`Story ${e}.${s},ST-${e}-${s},Story,To Do,,EP-${e},`)
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'meridian-csv-')), 'big plan.csv')
  writeFileSync(file, lines.join('\n'))

  await page.goto(server.origin)
  await page.getByRole('button', { name: 'New roadmap from CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'New roadmap from CSV' })
  // Every progress value the bar showed, as the page reports it (not sampled by the test).
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Loading the file"]')
      const text = bar?.getAttribute('aria-valuetext')
      if (text && seen.at(-1) !== text) seen.push(text)
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  await dialog.getByTestId('csv-file').setInputFiles(file)
  await expect(dialog.getByText('big plan.csv: 10,000 rows, 7 columns.')).toBeVisible()
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  )
  expect(seen.some((t) => t.startsWith('Reading rows'))).toBe(true)
  expect(seen.some((t) => t.startsWith('Building the preview'))).toBe(true)
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await expect(dialog.getByTestId('csv-summary')).toContainText('2,000 features')
  await expect(dialog.getByTestId('csv-summary')).toContainText('8,000 backlog items')
  await expect(dialog.getByLabel('New roadmap title')).toHaveValue('big plan')
  await expect(
    dialog.getByRole('button', { name: 'Create roadmap with 10,000 entities' }),
  ).toBeEnabled()
})

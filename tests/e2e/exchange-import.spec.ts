// Importing a CSV into a roadmap from the timeline toolbar: a real Jira export through the
// mapping step into lanes, features and items, undone in one step; a 1,000-row file with
// three bad rows listed by line, the rest imported on request.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { expect, openLive, seededUrl, shot, test } from './fixtures.js'
import type { MeridianServer, Seeded } from './fixtures.js'

const JIRA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../packages/exchange/src/csv/fixtures/jira-export.csv',
)

async function counts(server: MeridianServer, seeded: Seeded) {
  const res = await fetch(`${server.origin}/api/roadmaps/${seeded.id}`, {
    headers: { authorization: `Bearer ${seeded.viewerToken}` },
  })
  return ((await res.json()) as { counts: Record<string, number> }).counts
}

async function openImport(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' })
  await dialog.getByTestId('csv-file').setInputFiles(file)
  await expect(dialog.getByRole('table', { name: 'Column mapping' })).toBeVisible()
  return dialog
}

test('a Jira export imports through the mapping step, and one undo removes it', async ({
  browser,
  server,
  seeded,
}) => {
  const before = await counts(server, seeded)
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana Lima')
  const dialog = await openImport(page, JIRA)
  // Jira's own headers are recognised; any column can be changed by hand.
  await expect(dialog.getByLabel('Column Summary imports as')).toHaveValue('title')
  await expect(dialog.getByLabel('Column Parent id imports as')).toHaveValue('parentId')
  await expect(dialog.getByLabel('Column Custom field (Story Points) imports as')).toHaveValue(
    'estimate',
  )
  await expect(dialog.getByLabel('Column Labels imports as').first()).toHaveValue('ignore')
  await shot(page, 'exchange-import-mapping')

  await dialog.getByRole('button', { name: 'Preview' }).click()
  const summary = dialog.getByTestId('csv-summary')
  await expect(summary).toContainText('2 new lanes')
  await expect(summary).toContainText('2 features')
  await expect(summary).toContainText('5 backlog items')
  await expect(dialog.getByRole('table', { name: 'Features to create' })).toContainText(
    'Checkout redesign',
  )
  await shot(page, 'exchange-import-preview')
  await dialog.getByRole('button', { name: 'Import 7 entities' }).click()
  await expect(dialog.getByRole('status')).toContainText('Imported 2 features and 5 backlog items')
  await dialog.getByRole('button', { name: 'Done' }).click()

  await expect
    .poll(() => counts(server, seeded))
    .toMatchObject({
      lanes: before.lanes + 2,
      features: before.features + 2,
      items: before.items + 5,
    })
  await expect(page.getByText('Payments', { exact: true }).first()).toBeVisible()

  await page.keyboard.press('Control+z')
  await expect.poll(() => counts(server, seeded)).toMatchObject(before)
  await context.close()
})

test('a 1,000-row file lists its 3 bad rows by line and imports the other 997 on request', async ({
  browser,
  server,
  seeded,
}) => {
  const lines = ['Summary,Start date,Due date,Status,Team']
  for (let i = 1; i <= 1000; i++) {
    const start = i === 120 ? '2026-02-30' : '2026-03-02'
    const end = i === 640 ? '2026-02-01' : '2026-04-24'
    lines.push(`Imported feature ${i},${start},${end},${i === 901 ? 'Parked' : 'To Do'},Bulk`)
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'meridian-csv-')), 'bulk.csv')
  writeFileSync(file, lines.join('\r\n'))
  const before = await counts(server, seeded)

  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana Lima')
  const dialog = await openImport(page, file)
  await dialog.getByRole('button', { name: 'Preview' }).click()
  const errors = dialog.getByTestId('csv-errors').getByRole('listitem')
  await expect(errors).toHaveText([
    'Line 121 bad start date “2026-02-30”',
    'Line 641 ends (2026-02-01) before it starts (2026-03-02)',
    'Line 902 unknown status “Parked”',
  ])
  const importButton = dialog.getByRole('button', { name: /^Import / })
  await expect(importButton).toBeDisabled()
  await shot(page, 'exchange-import-errors')
  await dialog.getByLabel('Skip these rows and import the rest').check()
  await expect(importButton).toHaveText('Import 997 entities')
  await importButton.click()
  await expect(dialog.getByRole('status')).toContainText('Imported 997 features')
  await expect
    .poll(() => counts(server, seeded))
    .toMatchObject({ features: before.features + 997, lanes: before.lanes + 1 })
  await context.close()
})

test('pasted CSV becomes a new roadmap, opened as its owner', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana Lima')
  await page.getByRole('button', { name: 'Import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' })
  await dialog
    .getByLabel('Or paste CSV')
    .fill('Title,Start,End,Lane\nCarbon report,2026-03-02,2026-04-10,Sustainability\n')
  await dialog.getByRole('button', { name: 'Use pasted text' }).click()
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await dialog.getByLabel('A new roadmap').check()
  await dialog.getByLabel('New roadmap title').fill('Green plan')
  await dialog.getByRole('button', { name: 'Import 1 entity' }).click()
  await expect(page).not.toHaveURL(new RegExp(seeded.id))
  await expect(page.getByRole('textbox', { name: 'Roadmap title' })).toHaveValue('Green plan')
  await expect(page.getByText('Sustainability', { exact: true }).first()).toBeVisible()
  await context.close()
})

// A viewer link: the stakeholder report and every planning view, with no way to edit;
// the report prints to a clean PDF.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { SCREENSHOTS, openView, shot, expect, test, switchView } from './views-support.js'

const VIEWS = [
  { id: 'backlog', label: 'Backlog' },
  { id: 'risks', label: 'Risks' },
  { id: 'goals', label: 'Goals' },
  { id: 'resources', label: 'Resources' },
  { id: 'strategy', label: 'Strategy' },
] as const

test('a viewer link sees the report and every view, read-only', async ({
  browser,
  server,
  seeded,
}) => {
  const page = await openView(browser, server, seeded, 'viewer', 'report', 'Stakeholder')
  const report = page.getByTestId('report-view')
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Atlas — team analytics SaaS')
  await expect(page.getByTestId('report-goal')).toHaveCount(3)
  await expect(page.getByTestId('report-indicator')).toHaveCount(6)
  await expect(page.getByTestId('report-late')).toHaveCount(1)
  await expect(page.getByTestId('report-blocked')).toHaveCount(1)
  await expect(page.getByTestId('report-recent').first()).toBeVisible()
  await shot(page, 'views-report')

  for (const view of VIEWS) {
    await switchView(page, view.label, view.id)
    const root = page.getByTestId(`${view.id}-view`)
    await expect(root.locator('.pv-readonly-chip')).toHaveText('View only')
    // Filters and sorting are reading aids; nothing else may take input.
    const editable = root.locator(
      'input:not([role="toolbar"] *), textarea, select:not([role="toolbar"] *), [contenteditable="true"], [data-drag-handle], button[aria-label^="Delete"], .pv-link-add, .bl-add, .rk-add, .rs-add',
    )
    await expect(editable).toHaveCount(0)
    await shot(page, `views-${view.id}-viewer`)
  }
  await expect(page.getByTestId('strategy-editor')).toHaveAttribute('contenteditable', 'false')
  await page.context().close()
})

test('the report prints to a clean PDF: no app chrome, sections on their own pages', async ({
  browser,
  server,
  seeded,
}) => {
  const page = await openView(browser, server, seeded, 'viewer', 'report', 'Stakeholder')
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(page.locator('.tabs')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeHidden()
  const pdfPath = path.join(SCREENSHOTS, 'views-report.pdf')
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true })
  // One PNG per page, for a person to look at.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    pdfPath,
    path.join(SCREENSHOTS, 'views-report-pdf'),
  ])
  const pages = execFileSync('pdfinfo', [pdfPath]).toString()
  expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThanOrEqual(2)
  await page.context().close()
})

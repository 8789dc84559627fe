// Risks: the heat map counts what the register lists (open and mitigating), a cell
// filters the register, edits are live for everyone, and a linked risk marks its feature.
import type { Page } from '@playwright/test'
import { openView, shot, expect, test, switchView } from './views-support.js'

async function heatTotal(page: Page): Promise<number> {
  const counts = await page
    .locator('[data-testid^="heat-cell-"]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))))
  expect(counts).toHaveLength(25)
  return counts.reduce((a, b) => a + b, 0)
}

test('the heat map counts match the register, a cell filters it, and edits are live', async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openView(browser, server, seeded, 'owner', 'risks', 'Priya Raman')
  const editor = await openView(browser, server, seeded, 'editor', 'risks', 'Sam Okafor')
  const rows = owner.getByTestId('risk-row')
  // The register hides closed risks by default: what is listed is what is counted.
  const listed = await rows.count()
  expect(listed).toBeGreaterThan(3)
  expect(await heatTotal(owner)).toBe(listed)

  // Every cell: its count is the number of register rows it filters to.
  const cells = await owner.locator('[data-testid^="heat-cell-"]:not([data-count="0"])').all()
  for (const cell of cells) {
    const n = Number(await cell.getAttribute('data-count'))
    await cell.click()
    await expect(rows).toHaveCount(n)
    await cell.click()
  }
  await expect(rows).toHaveCount(listed)

  // A new risk in one browser appears in the other's register and heat map.
  await editor.getByLabel('New risk title').fill('Key supplier may exit the market')
  await editor.getByLabel('New risk title').press('Enter')
  await expect(rows).toHaveCount(listed + 1)
  expect(await heatTotal(owner)).toBe(listed + 1)

  // Raising it to 5 × 5 moves it to the critical corner for everyone.
  const fresh = owner.locator(
    '[data-testid="risk-row"][data-title="Key supplier may exit the market"]',
  )
  await fresh.getByLabel(/^Likelihood of/).selectOption('5')
  await fresh.getByLabel(/^Impact of/).selectOption('5')
  await expect(editor.getByTestId('heat-cell-5-5')).toHaveAttribute('data-count', '1')
  await editor.getByTestId('heat-cell-5-5').click()
  await expect(editor.getByTestId('risk-row')).toHaveCount(1)
  await shot(owner, 'views-risks')

  // Closing it takes it off the map and out of the default register.
  await fresh.getByLabel(/^Status of/).selectOption('closed')
  await expect(editor.getByTestId('heat-cell-5-5')).toHaveAttribute('data-count', '0')
  expect(await heatTotal(owner)).toBe(listed)

  // In a laptop-width window the whole register fits: no column hidden off to the side.
  await owner.setViewportSize({ width: 1024, height: 768 })
  const wrap = owner.locator('.rk-table-wrap')
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
  await owner.context().close()
  await editor.context().close()
})

test('a risk linked to a feature shows on its timeline bar and in its backlog flags', async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openView(browser, server, seeded, 'owner', 'risks', 'Priya Raman')
  const viewer = await openView(browser, server, seeded, 'viewer', 'backlog', 'Stakeholder')
  // A feature without risks: link a critical one to it.
  const quiet = viewer
    .getByTestId('backlog-feature')
    .filter({ hasNot: viewer.locator('.bl-flags .badge') })
    .filter({ hasNot: viewer.locator('.badge--done') })
    .first()
  const featureId = await quiet.getAttribute('data-feature-id')
  const title = (await quiet.locator('.bl-feature__title').textContent()) ?? ''
  // Its open risks on the timeline bar before (a low one may already be there).
  await switchView(viewer, 'Timeline', 'timeline')
  const bar = viewer.locator(`.bar[data-feature-id="${featureId}"]`)
  await expect(bar).toBeVisible()
  const badge = bar.locator('.bar__risk')
  const before = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0

  await owner.getByLabel('New risk title').fill('Vendor SDK end of life')
  await owner.getByLabel('New risk title').press('Enter')
  const row = owner.locator('[data-testid="risk-row"][data-title="Vendor SDK end of life"]')
  await row.getByLabel(/^Likelihood of/).selectOption('4')
  await row.getByLabel(/^Impact of/).selectOption('5')
  await row.getByRole('button', { name: /^Link a feature to/ }).click()
  await owner.getByLabel('Find a feature').fill(title)
  await owner.getByRole('option', { name: title, exact: true }).click()
  await expect(row.getByRole('button', { name: title, exact: true })).toBeVisible()

  await expect(bar.locator('.bar__risk')).toHaveText(String(before + 1))
  await expect(bar).toHaveAttribute('aria-label', new RegExp(`, ${before + 1} open risks?,`))
  await shot(viewer, 'views-timeline-risk-badge')
  await switchView(viewer, 'Backlog', 'backlog')
  await expect(viewer.locator(`[data-feature-id="${featureId}"] .bl-flags`)).toContainText(
    'Risk 20',
  )
  await owner.context().close()
  await viewer.context().close()
})

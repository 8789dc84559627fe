// Backlog scope and acceptance, live between people: the owner accepts, items are added,
// estimated, assigned, moved and cancelled, RICE sorts, and the server's CSV and Markdown
// match the view row for row.
import type { Page } from '@playwright/test'
import { featureIds, openView, shot, expect, test } from './views-support.js'

test('an item the owner accepts shows as done, with who and when, for everyone', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openView(browser, server, seeded, 'editor', 'backlog', 'Sam Okafor')
  const owner = await openView(browser, server, seeded, 'owner', 'backlog', 'Priya Raman')
  const todo = editor.locator('[data-testid="backlog-item"][data-status="todo"]').first()
  const itemId = await todo.getAttribute('data-item-id')
  const editorItem = editor.locator(`[data-item-id="${itemId}"]`)
  const ownerItem = owner.locator(`[data-item-id="${itemId}"]`)

  // An editor cannot accept: done is offered to the owner only.
  await expect(
    editorItem.getByTestId('item-status-select').locator('option[value="done"]'),
  ).toBeDisabled()
  await editorItem.getByTestId('item-status-select').selectOption('in-progress')
  await editorItem.getByTestId('item-status-select').selectOption('in-review')
  await expect(ownerItem).toHaveAttribute('data-status', 'in-review')
  await expect(editorItem.getByRole('button', { name: 'Accept' })).toHaveCount(0)

  await ownerItem.getByRole('button', { name: 'Accept' }).click()
  const date = new Date().toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  })
  for (const item of [ownerItem, editorItem]) {
    await expect(item).toHaveAttribute('data-status', 'done')
    await expect(item.getByTestId('accepted-by')).toHaveText(`Accepted by Priya Raman · ${date}`)
  }
  // Done is the owner's call: the editor sees it locked.
  await expect(editorItem.getByTestId('item-status-select')).toHaveCount(0)
  await shot(owner, 'views-backlog')
  await editor.context().close()
  await owner.context().close()
})

test('scope changes are live: add, estimate, assign, move to another feature, cancel; RICE sorts', async ({
  browser,
  server,
  seeded,
}) => {
  const pm = await openView(browser, server, seeded, 'editor', 'backlog', 'Sam Okafor')
  const po = await openView(browser, server, seeded, 'owner', 'backlog', 'Priya Raman')
  const ids = await featureIds(pm)
  const [first, second] = [ids[2], ids[3]]
  await pm
    .getByLabel(/^Add item to /)
    .nth(2)
    .fill('Rate-limit dashboard')
  await pm
    .getByLabel(/^Add item to /)
    .nth(2)
    .press('Enter')
  const row = (page: Page, feature: string) =>
    page.locator(`[data-feature-id="${feature}"] [data-testid="backlog-item"]`, {
      has: page.locator('input[aria-label="Item title"]'),
    })
  const added = (page: Page, feature: string) =>
    row(page, feature).filter({ has: page.getByLabel('Estimate of Rate-limit dashboard') })
  await expect(added(po, first)).toHaveCount(1)

  await added(pm, first).getByLabel('Estimate of Rate-limit dashboard').fill('3')
  await added(pm, first).getByLabel('Estimate of Rate-limit dashboard').press('Enter')
  await added(pm, first)
    .getByLabel('Assignee of Rate-limit dashboard')
    .selectOption({ label: 'Mei Chen' })
  await expect(added(po, first).getByLabel('Estimate of Rate-limit dashboard')).toHaveValue('3')
  await expect(added(po, first).getByLabel('Assignee of Rate-limit dashboard')).toHaveValue(/.+/)

  // Move it to the next feature, then cancel it (removed from scope).
  await added(pm, first)
    .getByRole('button', { name: 'More actions for Rate-limit dashboard' })
    .click()
  await pm.getByRole('menuitem', { name: 'Move to another feature…' }).click()
  const secondTitle =
    (await pm.locator(`[data-feature-id="${second}"] .bl-feature__title`).textContent()) ?? ''
  await pm.getByRole('menuitem', { name: secondTitle }).click()
  await expect(added(po, second)).toHaveCount(1)
  await expect(added(po, first)).toHaveCount(0)
  await added(po, second)
    .getByRole('button', { name: 'More actions for Rate-limit dashboard' })
    .click()
  await po.getByRole('menuitem', { name: 'Cancel item (remove from scope)' }).click()
  await expect(added(pm, second)).toHaveCount(0)

  // RICE: raise one feature's reach and it leads the RICE sort.
  const last = ids[ids.length - 1]
  const lastTitle =
    (await pm.locator(`[data-feature-id="${last}"] .bl-feature__title`).textContent()) ?? ''
  for (const [field, value] of [
    ['Reach', '100000'],
    ['Impact', '3'],
    ['Confidence', '100'],
    ['Effort', '1'],
  ] as const) {
    const input = pm.getByLabel(`${field} of ${lastTitle}`)
    await input.fill(value)
    await input.press('Enter')
  }
  await expect(po.locator(`[data-feature-id="${last}"] [data-testid="rice-score"]`)).toHaveText(
    '300,000',
  )
  await po.getByRole('button', { name: 'RICE score' }).click()
  await expect.poll(async () => (await featureIds(po))[0]).toBe(last)
  const scores = await po.getByTestId('rice-score').allTextContents()
  const numbers = scores.filter((t) => t !== '—').map((t) => Number(t.replace(/,/g, '')))
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
  await pm.context().close()
  await po.context().close()
})

test('the CSV from the server matches the backlog view, row for row', async ({
  browser,
  request,
  server,
  seeded,
}) => {
  const page = await openView(browser, server, seeded, 'viewer', 'backlog', 'Stakeholder')
  const href = await page.getByTestId('backlog-csv').getAttribute('href')
  expect(href).toContain(`format=csv`)
  const csv = await (await request.get(`${server.origin}${href}`)).text()
  const rows = parseCsv(csv)
  const header = rows[0]
  const col = (name: string) => header.indexOf(name)
  const view = await page.getByTestId('backlog-feature').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-feature-id'),
      title: el.querySelector('.bl-feature__title')?.textContent,
      progress: el.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'),
      items: el.querySelectorAll('[data-testid="backlog-item"]').length,
      flags: Array.from(el.querySelectorAll('.bl-flags .badge'), (b) => b.textContent ?? ''),
    })),
  )
  const body = rows.slice(1)
  expect(body.length).toBe(view.length)
  body.forEach((row, i) => {
    expect(row[col('Feature ID')]).toBe(view[i].id)
    expect(row[col('Feature')]).toBe(view[i].title)
    expect(row[col('Progress %')]).toBe(view[i].progress)
    expect(Number(row[col('Items')])).toBe(view[i].items)
    expect(row[col('Flags')].includes('late')).toBe(view[i].flags.includes('Late'))
    expect(row[col('Flags')].includes('overloaded')).toBe(view[i].flags.includes('Overloaded'))
  })
  // The Markdown download is the same backlog, in the same order.
  const mdHref = await page.getByTestId('backlog-md').getAttribute('href')
  const md = await (await request.get(`${server.origin}${mdHref}`)).text()
  const at = view.map((f) => md.indexOf(f.title ?? ''))
  expect(at.every((i) => i >= 0)).toBe(true)
  expect(at).toEqual([...at].sort((a, b) => a - b))
  await page.context().close()
})

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') {
        quoted = false
      } else {
        field += c
      }
      continue
    }
    if (c === '"') {
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else if (c !== '\r') {
      field += c
    }
  }
  if (field || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

// Backlog, live between two people: reorder (keyboard and pointer), acceptance by the
// owner, progress following items, and the server's CSV matching the view row for row.
import type { Page } from '@playwright/test'
import { openView, shot, expect, test } from './views-support.js'

const featureIds = (page: Page) =>
  page
    .getByTestId('backlog-feature')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-feature-id') ?? ''))

test('a backlog reorder in one browser shows in the other, by keyboard and by drag', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.editorToken,
    'backlog',
    'Sam Okafor',
  )
  const owner = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.ownerToken,
    'backlog',
    'Priya (PO)',
  )
  const before = await featureIds(owner)
  expect(before.length).toBeGreaterThan(5)

  // Keyboard: the first feature moves down one place.
  await editor.locator(`[data-feature-id="${before[0]}"] [data-drag-handle="feature"]`).focus()
  await editor.keyboard.press('Alt+ArrowDown')
  const afterKey = [before[1], before[0], ...before.slice(2)]
  await expect.poll(() => featureIds(owner)).toEqual(afterKey)
  await expect.poll(() => featureIds(editor)).toEqual(afterKey)
  await expect(
    editor.locator(`[data-feature-id="${before[0]}"] [data-drag-handle="feature"]`),
  ).toBeFocused()

  // Pointer: drag the third feature above the first, with a drop indicator on the way.
  const handle = editor.locator(`[data-feature-id="${afterKey[2]}"] [data-drag-handle="feature"]`)
  const target = editor.locator(`[data-feature-id="${afterKey[0]}"]`)
  await target.scrollIntoViewIfNeeded()
  const from = await handle.boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('no layout')
  await editor.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await editor.mouse.down()
  await editor.mouse.move(to.x + 40, to.y + 6, { steps: 8 })
  await expect(editor.getByTestId('drop-indicator')).toBeVisible()
  await shot(editor, 'views-backlog-dragging')
  await editor.mouse.up()
  await expect(editor.getByTestId('drop-indicator')).toHaveCount(0)
  const afterDrag = [afterKey[2], afterKey[0], afterKey[1], ...afterKey.slice(3)]
  await expect.poll(() => featureIds(owner)).toEqual(afterDrag)

  // Items reorder too, within their feature.
  const feature = owner.locator(`[data-feature-id="${afterDrag[1]}"]`)
  const items = () =>
    feature
      .getByTestId('backlog-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')))
  const itemsBefore = await items()
  expect(itemsBefore.length).toBeGreaterThan(1)
  await editor.locator(`[data-item-id="${itemsBefore[1]}"] [data-drag-handle="item"]`).focus()
  await editor.keyboard.press('Alt+ArrowUp')
  await expect.poll(items).toEqual([itemsBefore[1], itemsBefore[0], ...itemsBefore.slice(2)])
  await editor.context().close()
  await owner.context().close()
})

test('an item the owner accepts shows as done, with who and when, for everyone', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.editorToken,
    'backlog',
    'Sam Okafor',
  )
  const owner = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.ownerToken,
    'backlog',
    'Priya Raman',
  )
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

test("a feature's progress follows its items, in the backlog and on the timeline", async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.ownerToken,
    'backlog',
    'Priya Raman',
  )
  const other = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.editorToken,
    'timeline',
    'Sam Okafor',
  )
  // A feature in progress with open items.
  const feature = owner
    .locator('[data-testid="backlog-feature"]', { has: owner.locator('[data-status="todo"]') })
    .first()
  const featureId = await feature.getAttribute('data-feature-id')
  const pinned = owner.locator(`[data-testid="backlog-feature"][data-feature-id="${featureId}"]`)
  const bar = pinned.getByRole('progressbar')
  const start = Number(await bar.getAttribute('aria-valuenow'))
  // The timeline bar says its progress in its accessible name ("…, 40% done").
  const timelineBar = other.locator(`.bar[data-feature-id="${featureId}"]`)
  await expect(timelineBar).toHaveAttribute('aria-label', new RegExp(`, ${start}% done$`))

  const open = pinned.locator('[data-testid="backlog-item"]:not([data-status="done"])')
  const count = await open.count()
  for (let left = count; left > 0; left--) {
    await open.first().getByTestId('item-status-select').selectOption('done')
    await expect(open).toHaveCount(left - 1)
  }
  await expect(bar).toHaveAttribute('aria-valuenow', '100')
  await expect(timelineBar).toHaveAttribute('aria-label', /, 100% done$/)
  await owner.context().close()
  await other.context().close()
})

test('scope changes are live: add, estimate, assign, move to another feature, cancel; RICE sorts', async ({
  browser,
  server,
  seeded,
}) => {
  const pm = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.editorToken,
    'backlog',
    'Sam Okafor',
  )
  const po = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.ownerToken,
    'backlog',
    'Priya Raman',
  )
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

test('people see who else is on the backlog and which feature they have selected', async ({
  browser,
  server,
  seeded,
}) => {
  const po = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.ownerToken,
    'backlog',
    'Priya Raman',
  )
  const pm = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.editorToken,
    'backlog',
    'Sam Okafor',
  )
  await expect(po.getByTestId('view-presence')).toContainText('Sam Okafor is here')
  await expect(pm.getByTestId('view-presence')).toContainText('Priya Raman is here')
  const id = (await featureIds(po))[2]
  await po.locator(`[data-feature-id="${id}"] .bl-feature__title`).click()
  const seen = pm.locator(`[data-feature-id="${id}"]`)
  await expect(seen).toHaveAttribute('data-peer', 'true')
  await expect(seen.locator('.bl-peer-tag')).toHaveText('Priya Raman')
  await shot(pm, 'views-backlog-presence')
  await po.context().close()
  await pm.context().close()
})

test('the CSV from the server matches the backlog view, row for row', async ({
  browser,
  request,
  server,
  seeded,
}) => {
  const page = await openView(
    browser,
    server.origin,
    seeded.id,
    seeded.viewerToken,
    'backlog',
    'Stakeholder',
  )
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

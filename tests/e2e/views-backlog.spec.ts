// Backlog, live between people: reorder (keyboard and pointer), progress following the
// items (backlog and timeline), and who is looking at what.
import { featureIds, openView, shot, expect, test } from './views-support.js'

test('a backlog reorder in one browser shows in the other, by keyboard and by drag', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openView(browser, server, seeded, 'editor', 'backlog', 'Sam Okafor')
  const owner = await openView(browser, server, seeded, 'owner', 'backlog', 'Priya (PO)')
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

  // An item dragged onto another feature moves there (scope change), where it is dropped.
  const top = editor.locator(`[data-feature-id="${afterDrag[0]}"]`)
  await top.scrollIntoViewIfNeeded()
  const moved = itemsBefore[0]
  const grip = await editor
    .locator(`[data-item-id="${moved}"] [data-drag-handle="item"]`)
    .boundingBox()
  const onto = await top.getByTestId('backlog-item').first().boundingBox()
  if (!grip || !onto) throw new Error('no layout')
  await editor.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
  await editor.mouse.down()
  await editor.mouse.move(onto.x + 200, onto.y + onto.height - 4, { steps: 8 })
  await expect(editor.getByTestId('drop-indicator')).toBeVisible()
  await editor.mouse.up()
  const topItems = () =>
    owner
      .locator(`[data-feature-id="${afterDrag[0]}"]`)
      .getByTestId('backlog-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')))
  await expect.poll(async () => (await topItems()).indexOf(moved)).toBe(1)
  await expect(feature.locator(`[data-item-id="${moved}"]`)).toHaveCount(0)
  await editor.context().close()
  await owner.context().close()
})

test("a feature's progress follows its items, in the backlog and on the timeline", async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openView(browser, server, seeded, 'owner', 'backlog', 'Priya Raman')
  const other = await openView(browser, server, seeded, 'editor', 'timeline', 'Sam Okafor')
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

test('people see who else is on the backlog and which feature they have selected', async ({
  browser,
  server,
  seeded,
}) => {
  const po = await openView(browser, server, seeded, 'owner', 'backlog', 'Priya Raman')
  const pm = await openView(browser, server, seeded, 'editor', 'backlog', 'Sam Okafor')
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

// A viewer link made in the share dialog: nothing can be edited by mouse or keyboard,
// changes still arrive live, and once the owner revokes the link the page says so.
import { test, expect, openLive, seededUrl, bar, shot } from './fixtures.js'

test('viewer link: read-only, live, and ends when revoked', async ({ browser, server, seeded }) => {
  const owner = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Olivia Owner')

  await owner.page.getByRole('button', { name: 'Share' }).click()
  const dialog = owner.page.getByRole('dialog', { name: 'Share roadmap' })
  await dialog.getByLabel('Access').selectOption('viewer')
  await dialog.getByRole('button', { name: 'Create link' }).click()
  const row = dialog.locator('.share__link--new')
  await expect(row).toBeVisible()
  const link = await row.getByRole('textbox').inputValue()
  expect(link).toContain(`/r/${seeded.id}?token=`)
  await shot(owner.page, 'share-dialog')

  const viewer = await openLive(browser, link, 'Victor Viewer', 1)
  await expect(viewer.page.getByText('View only')).toBeVisible()
  // The owner sees the connection counted on the link.
  await expect(row.getByText('1 connected')).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // No edit affordance at all.
  await expect(viewer.page.getByRole('button', { name: /^Feature$/ })).toHaveCount(0)
  await expect(viewer.page.getByRole('button', { name: 'Undo' })).toHaveCount(0)
  await expect(viewer.page.getByRole('textbox', { name: 'Roadmap title' })).toHaveCount(0)
  await expect(viewer.page.locator('.bar__handle')).toHaveCount(0)

  // Mouse: dragging a bar moves nothing.
  const target = bar(viewer.page, 'Audit log')
  const start = await target.getAttribute('data-start')
  const box = await target.boundingBox()
  if (!box) throw new Error('bar not rendered')
  await viewer.page.mouse.move(box.x + 10, box.y + 10)
  await viewer.page.mouse.down()
  await viewer.page.mouse.move(box.x + 150, box.y + 10, { steps: 5 })
  await viewer.page.mouse.up()
  await expect(target).toHaveAttribute('data-start', start ?? '')
  // Keyboard: arrows select instead of moving, N and Delete do nothing.
  const count = (await viewer.page.locator('.tl-toolbar__count').textContent()) ?? ''
  await target.focus()
  await viewer.page.keyboard.press('ArrowRight')
  await viewer.page.keyboard.press('Shift+ArrowRight')
  await target.focus()
  await viewer.page.keyboard.press('n')
  await viewer.page.keyboard.press('Delete')
  await expect(target).toHaveAttribute('data-start', start ?? '')
  await expect(viewer.page.locator('.tl-toolbar__count')).toHaveText(count)
  // The panel opens read-only.
  await target.dblclick()
  const panel = viewer.page.getByTestId('feature-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByLabel('Feature title')).toHaveCount(0)
  await expect(panel.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false')
  await shot(viewer.page, 'viewer')

  // Live: the owner renames a feature; the viewer sees it.
  await bar(owner.page, 'Audit log').dblclick()
  const title = owner.page.getByTestId('feature-panel').getByLabel('Feature title')
  await title.fill('Audit log export')
  await title.press('Enter')
  await expect(bar(viewer.page, 'Audit log export')).toBeVisible()

  // Revoke: the viewer's page says access ended.
  await owner.page.getByRole('button', { name: 'Share' }).click()
  await owner.page
    .getByRole('dialog')
    .locator('[data-role="viewer"]')
    .filter({ hasText: '1 connected' })
    .getByRole('button', { name: /Revoke/ })
    .click()
  // Revoking asks first: it ends people's sessions.
  await owner.page.getByRole('dialog').getByRole('button', { name: 'Revoke link' }).click()
  await expect(
    viewer.page.getByRole('heading', { name: 'Your access to this roadmap has ended' }),
  ).toBeVisible()
  await expect(viewer.page.locator('.tl-area')).toHaveCount(0)
  await shot(viewer.page, 'access-ended')

  await owner.context.close()
  await viewer.context.close()
})

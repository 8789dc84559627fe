// The share dialog lists every link with its label and creation date (a new roadmap's
// default links as such), makes a personal link for a named person, gives a link whose
// address this browser does not know a new one to copy, and asks before revoking; after a
// revoke the keyboard stays in the dialog.
import { expect, openLive, seededUrl, shot, test } from './fixtures.js'

test('links are labelled and dated, any can be copied, revoking asks first', async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Priya Raman')
  const page = owner.page
  await page.getByRole('button', { name: 'Share' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share roadmap' })
  const list = dialog.getByRole('list', { name: 'Share links' })
  // Days read as everywhere in the app (packages/model dateDisplay.ts): "Nov 16, 2026", UTC.
  const created = `Created ${new Intl.DateTimeFormat('en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date())}`

  // The roadmap's first links, named as such, so nobody makes duplicates of them.
  const editorRow = list.getByRole('listitem', { name: 'Default editor link' })
  const viewerRow = list.getByRole('listitem', { name: 'Default viewer link' })
  await expect(list.getByRole('listitem', { name: 'Owner link' })).toContainText('Your link')
  await expect(editorRow).toContainText(created)
  await expect(viewerRow).toContainText(created)

  // A personal link for someone, by name.
  await dialog.getByLabel('Access').selectOption('editor')
  await dialog.getByLabel('For a person (optional)').fill('Dana Reyes')
  await dialog.getByRole('button', { name: 'Create link' }).click()
  const danaRow = list.getByRole('listitem', { name: 'Dana Reyes' })
  await expect(danaRow).toContainText('Personal')
  await expect(danaRow.getByRole('textbox', { name: 'editor link' })).toHaveValue(/\?token=/)

  // The default editor link was made in no browser: it gets a new address, on confirmation.
  await editorRow.getByRole('button', { name: 'Get a new address for Default editor link' }).click()
  await expect(editorRow.getByRole('group')).toContainText('The current one stops working')
  await editorRow.getByRole('button', { name: 'Get new address' }).click()
  const address = editorRow.getByRole('textbox', { name: 'editor link' })
  await expect(address).toHaveValue(/\/r\/.+\?token=/)
  const token = new URL(await address.inputValue()).searchParams.get('token') ?? ''
  const session = (t: string) => fetch(`${server.origin}/api/session?token=${t}`)
  expect((await session(token)).status).toBe(200)
  expect((await session(seeded.editorToken)).status).toBe(401)
  await expect(editorRow.getByRole('button', { name: 'Copy Default editor link' })).toBeVisible()
  await page.setViewportSize({ width: 1024, height: 860 })
  await shot(page, 'share-links')

  // Revoking asks first; cancelling keeps the link.
  await viewerRow.getByRole('button', { name: 'Revoke viewer link' }).click()
  const confirm = viewerRow.getByRole('group', { name: 'Confirm for Default viewer link' })
  await expect(confirm).toContainText('Revoke this link? Its address stops working')
  await shot(page, 'share-links-confirm-revoke')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(viewerRow).toBeVisible()
  expect((await session(seeded.viewerToken)).status).toBe(200)

  await viewerRow.getByRole('button', { name: 'Revoke viewer link' }).click()
  await viewerRow.getByRole('button', { name: 'Revoke link' }).click()
  await expect(viewerRow).toHaveCount(0)
  await expect.poll(async () => (await session(seeded.viewerToken)).status).toBe(401)
  // Focus stayed in the dialog, so Escape still closes it.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null))
    .toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await owner.context.close()
})

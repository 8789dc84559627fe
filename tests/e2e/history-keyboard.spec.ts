// The history by keyboard: Escape backs out one step at a time (the restore being confirmed,
// the name being typed, then the history itself), and focus returns to the History button.
import { test, expect, openAnaAndBen, seededUrl } from './fixtures.js'

test('Escape cancels, clears, then closes the history and gives focus back', async ({
  browser,
  server,
  seeded,
}) => {
  const [ana, ben] = await openAnaAndBen(
    browser,
    seededUrl(server, seeded, 'owner'),
    seededUrl(server, seeded, 'editor'),
  )
  const { page } = ana
  const history = page.getByRole('complementary', { name: 'History' })
  const toggle = page.getByRole('button', { name: 'History', exact: true })

  // A snapshot to restore, named by keyboard.
  await page.keyboard.press('Alt+Shift+S')
  const name = page.getByLabel('Snapshot name')
  await expect(name).toBeFocused()
  await name.fill('Before the meeting')
  await name.press('Enter')
  const row = history.locator('.history__row', { hasText: 'Before the meeting' })
  await expect(row).toBeVisible()

  // A restore being confirmed: Escape cancels it, and the history stays.
  await row.getByRole('button', { name: 'Restore' }).click()
  const confirm = history.getByRole('group', { name: 'Confirm restore' })
  await expect(confirm).toBeVisible()
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(history).toBeVisible()
  await expect(row.getByRole('button', { name: 'Restore…' })).toBeFocused()

  // A name being typed: Escape clears it.
  await name.fill('Half a na')
  await name.press('Escape')
  await expect(name).toHaveValue('')
  await expect(history).toBeVisible()

  // Then Escape closes the history, and the History button has focus again.
  await name.press('Escape')
  await expect(history).toBeHidden()
  await expect(toggle).toBeFocused()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')

  // Enter on it opens the history again.
  await page.keyboard.press('Enter')
  await expect(history).toBeVisible()

  await ana.context.close()
  await ben.context.close()
})

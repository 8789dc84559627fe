// The share dialog's live counts do not count the owner as someone else: their own link
// says "Only you" while they are alone, "You + 1 other" with the same link open in a
// second tab, and the summary counts only the other people.
import { test, expect, openLive, seededUrl, waitLive } from './fixtures.js'

test('share dialog counts the others, not yourself', async ({ browser, server, seeded }) => {
  const owner = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Olivia Owner')
  await owner.page.getByRole('button', { name: 'Share' }).click()
  const dialog = owner.page.getByRole('dialog', { name: 'Share roadmap' })
  const own = dialog.locator('.share__link', { hasText: 'Your link' })
  const viewerRow = dialog.locator('.share__link[data-role="viewer"]')
  const summary = dialog.locator('.share__head')

  await expect(own.getByTestId('link-connections')).toHaveText('Only you')
  await expect(summary).toContainText('No one else is connected')
  await expect(viewerRow.getByTestId('link-connections')).toHaveText('0 connected')
  await owner.page.screenshot({ path: '/tmp/meridian-share-alone.png' })

  // The same owner link in a second tab of the same browser: one other connection.
  const second = await owner.context.newPage()
  await second.goto(seededUrl(server, seeded, 'owner'))
  await waitLive(second)
  await expect(own.getByTestId('link-connections')).toHaveText('You + 1 other')
  await expect(summary).toContainText('1 other person connected')

  // Someone on the viewer link: counted on that link and in the summary.
  const viewer = await openLive(browser, seededUrl(server, seeded, 'viewer'), 'Victor Viewer', 1)
  await expect(viewerRow.getByTestId('link-connections')).toHaveText('1 connected')
  await expect(summary).toContainText('2 other people connected')
  await expect(own.getByTestId('link-connections')).toHaveText('You + 1 other')
  await owner.page.screenshot({ path: '/tmp/meridian-share-others.png' })

  // The second tab leaves: alone on the owner link again.
  await second.close()
  await expect(own.getByTestId('link-connections')).toHaveText('Only you')
  await expect(summary).toContainText('1 other person connected')

  await viewer.context.close()
  await owner.context.close()
})

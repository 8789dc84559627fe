// The embed, as an owner offers it and a host page shows it: the share dialog gives a
// copyable iframe snippet on a view-only link; the embedded timeline zooms, and shows the
// plan without anyone's live selection or pointer.
import path from 'node:path'
import { bar, expect, openAs, SCREENSHOTS, seededUrl, shot, test, waitLive } from './fixtures.js'

test('the share dialog offers an embed snippet; the embed zooms and shows no one’s selection', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openAs(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  await ana.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: server.origin,
  })
  await waitLive(ana.page)
  await ana.page.getByRole('button', { name: 'Share' }).click()
  const dialog = ana.page.getByRole('dialog', { name: 'Share roadmap' })
  const embed = dialog.getByRole('region', { name: 'Embed on a page' })
  // This browser knows no view-only link yet: one click makes one for the embed.
  await embed.getByRole('button', { name: 'Create a view-only link to embed' }).click()
  const code = embed.getByLabel('Embed code')
  await expect(code).toHaveValue(/^<iframe src="http[^"]+\/embed\/[^"]+\?token=[^"]+" title="/)
  await embed.getByRole('button', { name: 'Copy embed code' }).click()
  await expect(embed.getByRole('button', { name: 'Copied' })).toBeVisible()
  const snippet = await code.inputValue()
  expect(await ana.page.evaluate(() => navigator.clipboard.readText())).toBe(snippet)
  // The embed's link is the dialog's new view-only link.
  await expect(dialog.getByRole('list', { name: 'Share links' })).toContainText('Can view')
  await shot(ana.page, 'share-embed-dialog')
  await ana.page.keyboard.press('Escape')

  // A wiki page pastes the snippet as it is.
  const host = await browser.newContext()
  const page = await host.newPage()
  await page.setViewportSize({ width: 1024, height: 640 })
  await page.setContent(`<h1 style="font:600 18px sans-serif">Company wiki</h1>${snippet}`)
  const frame = page.frameLocator('iframe')
  await expect(frame.locator('.embed__bar').getByRole('status')).toHaveAttribute(
    'data-status',
    'online',
  )
  const frameBar = frame.locator('.tl-area .bar[data-feature-id]', {
    has: frame.locator('.bar__title', { hasText: /^Audit log$/ }),
  })
  await expect(frameBar).toBeVisible()

  // Zoom controls: in to weeks (bars widen), back out to quarters, then fit.
  const zoom = frame.getByRole('toolbar', { name: 'Zoom' })
  const level = frame.getByTestId('embed-zoom-level')
  await expect(level).toHaveText('Month')
  const width = async () => (await frameBar.boundingBox())?.width ?? 0
  const monthWidth = await width()
  await zoom.getByRole('button', { name: 'Zoom in' }).click()
  await expect(level).toHaveText('Week')
  await expect(zoom.getByRole('button', { name: 'Zoom in' })).toBeDisabled()
  await expect.poll(width).toBeGreaterThan(monthWidth * 3)
  await zoom.getByRole('button', { name: 'Zoom out' }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(level).toHaveText('Quarter')
  await zoom.getByRole('button', { name: 'Fit' }).click()
  await expect(level).toHaveText('All')

  // Ana selects a bar and points at the timeline; then renames the roadmap (after her
  // presence on the same socket), so once the embed shows the new title it has had
  // her selection too, and shows neither her name nor her pointer.
  await bar(ana.page, 'Audit log').click()
  const area = await ana.page.locator('.tl-scroll').boundingBox()
  if (!area) throw new Error('no timeline')
  await ana.page.mouse.move(area.x + area.width * 0.6, area.y + area.height * 0.6)
  await ana.page.mouse.move(area.x + area.width * 0.6 + 20, area.y + area.height * 0.6 + 10)
  const title = ana.page.getByRole('textbox', { name: 'Roadmap title' })
  await title.fill('Atlas (shared)')
  await title.press('Enter')
  await expect(frame.locator('.embed__bar strong')).toHaveText('Atlas (shared)')
  await expect(frame.locator('.bar__peer-tag')).toHaveCount(0)
  await expect(frame.locator('.bar--peer')).toHaveCount(0)
  await expect(frame.locator('.pointer__name')).toHaveCount(0)
  await expect(frame.getByText('Ana Lima')).toHaveCount(0)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'share-embed-host.png') })
  await host.close()
  await ana.context.close()
})

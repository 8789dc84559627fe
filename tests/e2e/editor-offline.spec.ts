// Offline: one person loses the network and keeps editing; the other edits too; back
// online, both end with both sides' edits.
import { test, expect, openAnaAndBen, seededUrl, bar, plus, waitLive } from './fixtures.js'

test('edits made offline merge on reconnect', async ({ browser, server, seeded }) => {
  const url = seededUrl(server, seeded, 'editor')
  const [ana, ben] = await openAnaAndBen(browser, url)
  // Once synced, the app fetches the code of its panels and views in the background.
  await ana.page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('/FeaturePanel-')),
  )
  await ana.page.waitForLoadState('networkidle')

  await ana.context.setOffline(true)
  await expect(ana.page.locator('.conn')).toHaveAttribute('data-status', 'offline')

  // Ana, offline: renames a feature and moves another one week later.
  await bar(ana.page, 'Audit log').dblclick()
  const title = ana.page.getByTestId('feature-panel').getByLabel('Feature title')
  await title.fill('Audit log (offline edit)')
  await title.press('Enter')
  const moved = bar(ana.page, 'Query engine caching')
  const start = await moved.getAttribute('data-start')
  await moved.focus()
  await ana.page.keyboard.press('Shift+ArrowRight')
  const later = plus(start ?? '', 7)
  await expect(moved).toHaveAttribute('data-start', later)

  // Ben, online: renames another feature. Ana does not see it yet.
  await bar(ben.page, 'SSO / SAML').dblclick()
  const benTitle = ben.page.getByTestId('feature-panel').getByLabel('Feature title')
  await benTitle.fill('SSO / SAML and SCIM')
  await benTitle.press('Enter')
  await expect(bar(ben.page, 'SSO / SAML and SCIM')).toBeVisible()
  await expect(bar(ana.page, 'SSO / SAML and SCIM')).toHaveCount(0)
  await expect(bar(ben.page, 'Audit log (offline edit)')).toHaveCount(0)

  await ana.context.setOffline(false)
  await waitLive(ana.page)
  for (const page of [ana.page, ben.page]) {
    await expect(bar(page, 'Audit log (offline edit)')).toBeVisible()
    await expect(bar(page, 'SSO / SAML and SCIM')).toBeVisible()
    await expect(bar(page, 'Query engine caching')).toHaveAttribute('data-start', later)
  }

  await ana.context.close()
  await ben.context.close()
})

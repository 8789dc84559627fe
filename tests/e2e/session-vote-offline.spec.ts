// A participant drops off the network during a vote: their dots arrive when they reconnect
// and every screen shows the same tally.
import { test, expect, openLive, seededUrl, waitLive } from './fixtures.js'
import { giveDot, openVote, startSession } from './session-support.js'

test('votes cast offline arrive on reconnect; the tally agrees everywhere', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  const ben = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ben Osei', 1)
  await startSession(ana.page, 'Offline vote', ['Audit log'])
  await openVote(ana.page, ['Audit log', 'SSO / SAML', 'Usage-based billing'], 2)
  await expect(ben.page.getByTestId('vote-card')).toBeVisible()

  await ben.context.setOffline(true)
  await expect(ben.page.locator('.conn')).toHaveAttribute('data-status', 'offline')
  await giveDot(ben.page, 'Usage-based billing')
  await giveDot(ben.page, 'Usage-based billing')
  await giveDot(ana.page, 'Audit log')
  await expect(ana.page.getByTestId('vote-voters')).toHaveText('1 voted')
  await expect(ben.page.getByTestId('vote-voters')).toHaveText('1 voted')

  await ben.context.setOffline(false)
  await waitLive(ben.page)
  for (const page of [ana.page, ben.page])
    await expect(page.getByTestId('vote-voters')).toHaveText('2 voted')
  await ana.page.getByRole('button', { name: 'Reveal votes' }).click()
  for (const page of [ana.page, ben.page]) {
    const rows = page.getByTestId('vote-ranking').locator('li')
    await expect(rows.nth(0)).toContainText('Usage-based billing')
    await expect(rows.nth(0)).toContainText('2 dots')
    await expect(rows.nth(1)).toContainText('Audit log')
    await expect(rows.nth(2)).toContainText('0 dots')
  }
  await ana.context.close()
  await ben.context.close()
})

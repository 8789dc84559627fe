// The home page's recent roadmaps check their links when the page shows: a revoked or
// expired link is shown muted with the reason, is no longer a link into a dead page, and
// can be forgotten. A failed check (the server unreachable) ends nothing.
import { test, expect, createLink } from './fixtures.js'

test('recent roadmaps whose access ended are marked, not linked', async ({
  page,
  server,
  seeded,
}) => {
  const editor = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'editor' })
  const soon = await createLink(server.origin, seeded.id, seeded.ownerToken, {
    role: 'viewer',
    expiresAt: new Date(Date.now() + 1500).toISOString(),
  })
  const revoked = await fetch(`${server.origin}/api/roadmaps/${seeded.id}/links/${editor.linkId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${seeded.ownerToken}` },
  })
  expect(revoked.status).toBe(200)
  await expect
    .poll(
      async () =>
        (await fetch(`${server.origin}/api/roadmaps/${seeded.id}?token=${soon.token}`)).status,
    )
    .toBe(401)

  // Three roadmaps this browser opened before (newest first).
  const at = new Date().toISOString()
  const recent = [
    {
      id: seeded.id,
      token: soon.token,
      role: 'viewer',
      title: 'Atlas for the board',
      openedAt: at,
    },
    { id: seeded.id, token: editor.token, role: 'editor', title: 'Atlas with Eve', openedAt: at },
    { id: seeded.id, token: seeded.ownerToken, role: 'owner', title: 'Atlas', openedAt: at },
  ]
  await page.goto(server.origin)
  await page.evaluate(
    (list) => localStorage.setItem('meridian:recent', JSON.stringify(list)),
    recent,
  )

  const list = page.getByRole('region', { name: 'Recent roadmaps' })
  const item = (title: string) => list.getByRole('listitem').filter({ hasText: title })

  // Offline is not revoked: with the API unreachable every entry stays a link.
  await page.route('**/api/roadmaps/**', (route) => route.abort('internetdisconnected'))
  let failed = 0
  page.on('requestfailed', (r) => {
    if (r.url().includes('/api/roadmaps/')) failed += 1
  })
  await page.reload()
  await expect.poll(() => failed).toBe(3)
  await expect(list.getByRole('link')).toHaveCount(3)
  await expect(list.getByText(/Access ended|Link expired/)).toHaveCount(0)
  await page.unroute('**/api/roadmaps/**')

  // Online: the checks come back and the two dead links are marked.
  await page.reload()
  await expect(item('Atlas for the board')).toContainText('Link expired')
  await expect(item('Atlas with Eve')).toContainText('Access ended')
  await expect(item('Atlas with Eve')).toContainText('The owner revoked this link')
  await expect(list.getByRole('link', { name: /Atlas for the board/ })).toHaveCount(0)
  await expect(list.getByRole('link', { name: /Atlas with Eve/ })).toHaveCount(0)
  await expect(item('Atlas for the board').getByRole('button', { name: 'Copy link' })).toHaveCount(
    0,
  )
  // The valid one looks as before: a link, its role, no warning.
  const valid = list.getByRole('link', { name: /^Atlas Opened/ })
  await expect(valid).toBeVisible()
  await expect(item('Atlas with Eve')).toHaveCount(1)
  await expect(list.getByText(/Access ended|Link expired/)).toHaveCount(2)
  await page.screenshot({ path: '/tmp/meridian-home-recent.png', fullPage: true })

  // Forget the revoked one; it stays gone after a reload.
  await item('Atlas with Eve').getByRole('button', { name: 'Forget Atlas with Eve' }).click()
  await expect(item('Atlas with Eve')).toHaveCount(0)
  await page.reload()
  await expect(item('Atlas for the board')).toContainText('Link expired')
  await expect(item('Atlas with Eve')).toHaveCount(0)

  // The valid entry still opens the roadmap.
  await valid.click()
  await expect(page).toHaveURL(new RegExp(`/r/${seeded.id}\\?token=`))
  await expect(page.locator('.conn')).toHaveAttribute('data-status', 'online')
})

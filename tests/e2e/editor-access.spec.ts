// A link revoked while its holder is offline: on reconnecting, the server refuses the
// WebSocket upgrade (HTTP 401); the page detects it, stops reconnecting and says so.
// A link that has expired is refused when opened.
import { test, expect, openLive, roadmapUrl, createLink } from './fixtures.js'

test('access that ends while offline, or has expired, ends the page', async ({
  browser,
  server,
  seeded,
}) => {
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'editor' })
  const editor = await openLive(
    browser,
    roadmapUrl(server.origin, seeded.id, link.token),
    'Eve Editor',
  )

  await editor.context.setOffline(true)
  await expect(editor.page.locator('.conn')).toHaveAttribute('data-status', 'offline')
  const revoked = await fetch(`${server.origin}/api/roadmaps/${seeded.id}/links/${link.linkId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${seeded.ownerToken}` },
  })
  expect(revoked.status).toBe(200)
  await editor.context.setOffline(false)
  await expect(
    editor.page.getByRole('heading', { name: 'Your access to this roadmap has ended' }),
  ).toBeVisible()
  await expect(editor.page.getByText('revoked by the roadmap owner')).toBeVisible()

  // An expired link is refused up front.
  const soon = await createLink(server.origin, seeded.id, seeded.ownerToken, {
    role: 'viewer',
    expiresAt: new Date(Date.now() + 1500).toISOString(),
  })
  await expect
    .poll(
      async () =>
        (await fetch(`${server.origin}/api/roadmaps/${seeded.id}?token=${soon.token}`)).status,
    )
    .toBe(401)
  await editor.page.goto(roadmapUrl(server.origin, seeded.id, soon.token))
  await expect(editor.page.getByRole('heading', { name: 'This link has expired' })).toBeVisible()

  await editor.context.close()
})

// A revoked, an expired and an unknown link each end the page with their own words, read
// from the server's `error.reason` alone: the server's messages are replaced here by one
// text that says nothing, and the page must still tell the three apart, on the roadmap page
// and in the home page's recent roadmaps.
import type { Page } from '@playwright/test'
import { test, expect, createLink, roadmapUrl, shot } from './fixtures.js'
import type { MeridianServer, Seeded } from './fixtures.js'

/** The API's refusals with their `message` replaced: only codes are left to go by. */
async function scrubMessages(page: Page): Promise<void> {
  await page.route('**/api/**', async (route) => {
    const response = await route.fetch()
    if (response.ok()) return route.fulfill({ response })
    const body = (await response.json()) as { error: { message: string } }
    body.error.message = 'request refused'
    await route.fulfill({ response, json: body })
  })
}

/** Three tokens of `seeded`: one revoked, one expired, one no link ever had. */
async function deadTokens(server: MeridianServer, seeded: Seeded) {
  const revoked = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'editor' })
  const res = await fetch(`${server.origin}/api/roadmaps/${seeded.id}/links/${revoked.linkId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${seeded.ownerToken}` },
  })
  expect(res.status).toBe(200)
  const expired = await createLink(server.origin, seeded.id, seeded.ownerToken, {
    role: 'viewer',
    expiresAt: new Date(Date.now() + 1500).toISOString(),
  })
  await expect
    .poll(
      async () =>
        (await fetch(`${server.origin}/api/roadmaps/${seeded.id}?token=${expired.token}`)).status,
    )
    .toBe(401)
  return { revoked: revoked.token, expired: expired.token, unknown: 'no-link-has-this-token' }
}

test('revoked, expired and unknown links each say what happened', async ({
  page,
  server,
  seeded,
}) => {
  const tokens = await deadTokens(server, seeded)
  await scrubMessages(page)
  const heading = (name: string) => page.getByRole('heading', { name })

  await page.goto(roadmapUrl(server.origin, seeded.id, tokens.revoked))
  await expect(heading('Your access to this roadmap has ended')).toBeVisible()
  await expect(page.getByText('revoked by the roadmap owner')).toBeVisible()
  await shot(page, 'access-revoked')

  await page.goto(roadmapUrl(server.origin, seeded.id, tokens.expired))
  await expect(heading('This link has expired')).toBeVisible()
  await expect(page.getByText('only valid for a limited time')).toBeVisible()
  await shot(page, 'access-expired')

  await page.goto(roadmapUrl(server.origin, seeded.id, tokens.unknown))
  await expect(heading('This link doesn’t open the roadmap')).toBeVisible()
  await shot(page, 'access-unknown')
  await expect(page.getByText('request refused')).toHaveCount(0)
})

test('the home page marks each dead link by its reason', async ({ page, server, seeded }) => {
  const tokens = await deadTokens(server, seeded)
  const at = new Date().toISOString()
  const recent = [
    { id: seeded.id, token: tokens.revoked, role: 'editor', title: 'Atlas revoked', openedAt: at },
    { id: seeded.id, token: tokens.expired, role: 'viewer', title: 'Atlas expired', openedAt: at },
    { id: seeded.id, token: tokens.unknown, role: 'viewer', title: 'Atlas unknown', openedAt: at },
  ]
  await scrubMessages(page)
  await page.goto(server.origin)
  await page.evaluate(
    (list) => localStorage.setItem('meridian:recent', JSON.stringify(list)),
    recent,
  )
  await page.reload()

  const list = page.getByRole('region', { name: 'Recent roadmaps' })
  const item = (title: string) => list.getByRole('listitem').filter({ hasText: title })
  await expect(item('Atlas revoked')).toContainText('The owner revoked this link')
  await expect(item('Atlas expired')).toContainText('Link expired')
  await expect(item('Atlas unknown')).toContainText('This link no longer opens the roadmap')
  await expect(list.getByRole('link')).toHaveCount(0)
  await shot(page, 'access-home-recent')
})

// A roadmap embedded in someone else's page (iframe): when its link is revoked the embed
// says so in a compact message, and every way out opens Meridian in a new tab instead of
// navigating the iframe away from the host page.
import { test, expect, createLink } from './fixtures.js'

test('an embed whose access ends stays in its iframe', async ({ browser, server, seeded }) => {
  // Someone else's page (here about:blank with content) with the embed in an iframe.
  const context = await browser.newContext()
  const host = { context, page: await context.newPage() }
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'viewer' })
  const embedUrl = `${server.origin}/embed/${seeded.id}?token=${encodeURIComponent(link.token)}`
  await host.page.setViewportSize({ width: 900, height: 560 })
  await host.page.setContent(
    `<h1 style="font:600 18px sans-serif">Company wiki</h1>
     <iframe title="Roadmap" src="${embedUrl}" style="width:720px;height:380px;border:1px solid #ccc"></iframe>`,
  )
  const frame = host.page.frameLocator('iframe[title="Roadmap"]')
  // The same live badge as the main page, with a reader's wording.
  const badge = frame.locator('.embed__bar').getByRole('status')
  await expect(badge).toHaveAttribute('data-status', 'online')
  await expect(badge).toHaveText('Live')
  await expect(badge).toHaveAttribute(
    'title',
    'Connected: changes appear here the moment they are made',
  )
  // The live embed's only link already leaves the iframe alone.
  const open = frame.getByRole('link', { name: 'Open in Meridian ↗' })
  await expect(open).toHaveAttribute('target', '_blank')

  const revoked = await fetch(`${server.origin}/api/roadmaps/${seeded.id}/links/${link.linkId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${seeded.ownerToken}` },
  })
  expect(revoked.status).toBe(200)
  await expect(
    frame.getByRole('heading', { name: 'Your access to this roadmap has ended' }),
  ).toBeVisible()
  await expect(frame.getByRole('button', { name: 'Go to Meridian home' })).toHaveCount(0)
  const home = frame.getByRole('link', { name: 'Open Meridian ↗' })
  await expect(home).toHaveAttribute('target', '_blank')
  await expect(home).toHaveAttribute('rel', 'noreferrer')
  // The message fits the iframe: nothing to scroll.
  const fits = await host.page
    .frame({ url: /\/embed\// })
    ?.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)
  expect(fits).toBe(true)
  await host.page.screenshot({ path: '/tmp/meridian-embed-ended.png' })

  // Following it opens a new tab; the iframe stays on the embed.
  const popup = host.context.waitForEvent('page')
  await home.click()
  const tab = await popup
  await expect(tab).toHaveURL(`${server.origin}/`)
  await expect(tab.getByRole('heading', { name: 'Recent roadmaps' })).toBeVisible()
  expect(host.page.frame({ url: /\/embed\// })).not.toBeNull()
  await expect(
    frame.getByRole('heading', { name: /access to this roadmap has ended/ }),
  ).toBeVisible()

  // Loading the embed with the dead link shows the same compact message.
  await host.page.locator('iframe[title="Roadmap"]').evaluate((el, src) => {
    ;(el as HTMLIFrameElement).src = `${src}&reload=1`
  }, embedUrl)
  await expect(frame.getByRole('heading', { name: /ended|doesn’t open/ })).toBeVisible()
  await expect(frame.getByRole('link', { name: 'Open Meridian ↗' })).toHaveAttribute(
    'target',
    '_blank',
  )

  await host.context.close()
})

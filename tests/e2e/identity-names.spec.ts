// Who did what: a person is asked for their name at their first acceptance (once per
// browser), the name travels with the socket and a rename reconnects with the new one; a
// personal link speaks for its person whatever the browser is called; avatars take letters.
import type { Page } from '@playwright/test'
import { createLink, expect, roadmapUrl, shot, test, waitLive } from './fixtures.js'

/** The `name` of every WebSocket the page opens, in order. */
function socketNames(page: Page): (string | null)[] {
  const names: (string | null)[] = []
  page.on('websocket', (ws) => names.push(new URL(ws.url()).searchParams.get('name')))
  return names
}

test('the first acceptance asks for a name, recorded and sent with the socket', async ({
  browser,
  server,
  seeded,
}) => {
  // A browser never used before: it starts with a pseudonym and sends no name.
  const context = await browser.newContext()
  const page = await context.newPage()
  const names = socketNames(page)
  await page.goto(roadmapUrl(server.origin, seeded.id, seeded.ownerToken, 'backlog'))
  await waitLive(page)
  expect(names).toEqual([null])

  const item = page.locator('[data-testid="backlog-item"][data-status="todo"]').first()
  const itemId = await item.getAttribute('data-item-id')
  const row = page.locator(`[data-item-id="${itemId}"]`)
  await row.getByTestId('item-status-select').selectOption('in-review')
  const prompt = page.getByRole('dialog', { name: 'What’s your name?' })
  await expect(prompt).toBeVisible()
  await shot(page, 'identity-name-prompt')
  await prompt.getByLabel('Your name').fill('Dana Reyes (PO)')
  await prompt.getByRole('button', { name: 'Save name' }).click()
  await expect(prompt).toHaveCount(0)
  await expect.poll(() => names.at(-1)).toBe('Dana Reyes (PO)')
  await waitLive(page)

  await row.getByRole('button', { name: 'Accept' }).click()
  await expect(row.getByTestId('accepted-by')).toContainText('Accepted by Dana Reyes (PO)')
  const me = page.getByRole('button', { name: /^You: Dana Reyes \(PO\)/ })
  await expect(me).toHaveText('DR')

  // Renaming reconnects under the new name; nothing asks again.
  await me.click()
  const field = page.getByRole('textbox', { name: 'Your name' })
  await field.fill('Dana R.')
  await field.press('Enter')
  await expect.poll(() => names.at(-1)).toBe('Dana R.')
  await waitLive(page)
  const next = page.locator('[data-testid="backlog-item"][data-status="todo"]').first()
  await next.getByTestId('item-status-select').selectOption('in-review')
  await expect(page.getByRole('dialog', { name: 'What’s your name?' })).toHaveCount(0)

  // A reload keeps the name: asked once per browser.
  await page.reload()
  await waitLive(page)
  expect(names.at(-1)).toBe('Dana R.')
  await context.close()
})

test('a personal link speaks for its person', async ({ browser, server, seeded }) => {
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, {
    role: 'editor',
    personName: 'Lee Park',
  })
  const context = await browser.newContext()
  await context.addInitScript(() =>
    localStorage.setItem(
      'meridian:user',
      JSON.stringify({ name: 'Swift Otter', color: '#0090ff', named: false }),
    ),
  )
  const page = await context.newPage()
  await page.goto(roadmapUrl(server.origin, seeded.id, link.token, 'backlog'))
  await waitLive(page)
  await expect(page.getByRole('button', { name: /^You: Lee Park/ })).toHaveText('LP')
  // Editing does not ask: the link already says who this is.
  const todo = page.locator('[data-testid="backlog-item"][data-status="todo"]').first()
  const item = page.locator(`[data-item-id="${await todo.getAttribute('data-item-id')}"]`)
  await item.getByTestId('item-status-select').selectOption('in-progress')
  await expect(item).toHaveAttribute('data-status', 'in-progress')
  await expect(page.getByRole('dialog', { name: 'What’s your name?' })).toHaveCount(0)
  await context.close()
})

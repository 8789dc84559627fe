// Who did what: a person is asked for their name at their first acceptance (once per
// browser), the name travels with the socket and a rename reconnects with the new one; a
// personal link speaks for its person whatever the browser is called; avatars take letters.
import type { Page } from '@playwright/test'
import {
  bar,
  createLink,
  expect,
  openLive,
  roadmapUrl,
  seededUrl,
  shot,
  test,
  waitLive,
} from './fixtures.js'

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

test('after a rename, what you accept, move and write carries the new name', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openLive(
    browser,
    roadmapUrl(server.origin, seeded.id, seeded.ownerToken, 'backlog'),
    'Ana Lima',
  )
  const ben = await openLive(
    browser,
    roadmapUrl(server.origin, seeded.id, seeded.editorToken, 'backlog'),
    'Ben Osei',
    1,
  )
  const { page } = ana
  await page.getByRole('button', { name: /^You: Ana Lima/ }).click()
  const field = page.getByRole('textbox', { name: 'Your name' })
  await field.fill('Ana Castro')
  await field.press('Enter')
  await expect(page.getByRole('button', { name: /^You: Ana Castro/ })).toBeVisible()

  // An acceptance: the server stamps the connection's name, which Ben sees.
  const todo = page.locator('[data-testid="backlog-item"][data-status="todo"]').first()
  const itemId = await todo.getAttribute('data-item-id')
  const row = page.locator(`[data-item-id="${itemId}"]`)
  await row.getByTestId('item-status-select').selectOption('in-review')
  await row.getByRole('button', { name: 'Accept' }).click()
  await expect(
    ben.page.locator(`[data-item-id="${itemId}"]`).getByTestId('accepted-by'),
  ).toContainText('Accepted by Ana Castro')

  // A date change: the slip ledger names who moved it.
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await bar(page, 'Audit log').click()
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Enter')
  const panel = page.getByTestId('feature-panel')
  await expect(panel.getByTestId('feature-slips')).toContainText('Ana Castro')

  // A comment: Ben sees it under the new name.
  const box = panel.getByRole('combobox', { name: 'Start a discussion…' })
  await box.fill('Moved a week: the vendor is late.')
  await panel.getByRole('button', { name: 'Comment', exact: true }).click()
  await ben.page.getByRole('tab', { name: 'Timeline' }).click()
  await bar(ben.page, 'Audit log').dblclick()
  const comment = ben.page.getByTestId('feature-panel').getByTestId('comment')
  await expect(comment).toContainText('Moved a week: the vendor is late.')
  await expect(comment.locator('.comment__author')).toHaveText('Ana Castro')
  await expect(ben.page.getByTestId('feature-slips')).toContainText('Ana Castro')

  await ana.context.close()
  await ben.context.close()
})

test('a commenter who renames after commenting goes on commenting under the new name', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ed Editor')
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'commenter' })
  const commenter = await openLive(browser, link.url, 'Cora Commenter', 1)
  const { page } = commenter

  const comment = async (text: string) => {
    const panel = page.getByTestId('feature-panel')
    const box = panel.getByRole('combobox', { name: /^(Start a discussion|New thread)…$/ })
    await box.fill(text)
    await panel.getByRole('button', { name: 'Comment', exact: true }).click()
  }
  await bar(page, 'Audit log').dblclick()
  await comment('Is QA booked?')
  const shown = editor.page.getByTestId('feature-panel').getByTestId('comment')
  await bar(editor.page, 'Audit log').dblclick()
  await expect(shown).toHaveCount(1)

  await page.getByRole('button', { name: /^You: Cora Commenter/ }).click()
  const field = page.getByRole('textbox', { name: 'Your name' })
  await field.fill('Cora Diaz')
  await field.press('Enter')
  await expect(page.getByRole('button', { name: /^You: Cora Diaz/ })).toBeVisible()

  // The server accepts the second comment (under the new name), so the editor sees both.
  await comment('QA is booked for Friday.')
  await expect(shown).toHaveCount(2)
  await expect(shown.nth(1)).toContainText('QA is booked for Friday.')
  await expect(shown.nth(1).locator('.comment__author')).toHaveText('Cora Diaz')
  await expect(shown.nth(0).locator('.comment__author')).toHaveText('Cora Commenter')

  await editor.context.close()
  await commenter.context.close()
})

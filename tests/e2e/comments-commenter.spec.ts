// Comments between an editor and a commenter link: the editor comments on a feature and
// mentions a person; the commenter sees it live and replies, but can move and rename nothing;
// resolving the thread clears the count on the bar for both; the activity panel lists both
// comments.
import { test, expect, bar, createLink, openLive, seededUrl, shot } from './fixtures.js'

test('commenter link: comments live, mentions, resolve, activity', async ({
  browser,
  server,
  seeded,
}) => {
  const editor = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ed Editor')
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'commenter' })
  const commenter = await openLive(browser, link.url, 'Cora Commenter', 1)
  await expect(commenter.page.getByText('Can comment')).toBeVisible()

  // The editor starts a thread on a feature and mentions Priya (a person of the roadmap).
  await bar(editor.page, 'Audit log').dblclick()
  const panel = editor.page.getByTestId('feature-panel')
  const box = panel.getByRole('combobox', { name: 'Start a discussion…' })
  await box.fill('Can we ship this by May? @Pri')
  await expect(panel.getByRole('option', { name: /Priya Raman/ })).toBeVisible()
  await box.press('Enter')
  await box.pressSequentially('please confirm the scope.')
  await expect(box).toHaveValue('Can we ship this by May? @Priya Raman please confirm the scope.')
  await panel.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(panel.getByTestId('comment')).toHaveCount(1)
  await expect(panel.locator('.mention')).toHaveText('@Priya Raman')
  await expect(bar(editor.page, 'Audit log').getByTestId('comment-count')).toHaveText('1')

  // The commenter sees it live, on the bar and in the panel, and replies.
  const cBar = bar(commenter.page, 'Audit log')
  await expect(cBar.getByTestId('comment-count')).toHaveText('1')
  await cBar.dblclick()
  const cPanel = commenter.page.getByTestId('feature-panel')
  await expect(cPanel.getByTestId('comment')).toContainText('Can we ship this by May?')
  await expect(cPanel.getByLabel('Feature title')).toHaveCount(0)
  await cPanel.getByRole('button', { name: 'Reply' }).click()
  await cPanel.getByRole('combobox', { name: 'Reply…' }).fill('Yes, QA signs off on Friday.')
  await cPanel.getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(panel.getByTestId('comment').nth(1)).toContainText('Yes, QA signs off on Friday.')
  await expect(panel.getByTestId('comment').nth(1)).toContainText('Cora Commenter')
  await expect(bar(editor.page, 'Audit log').getByTestId('comment-count')).toHaveText('2')
  await shot(editor.page, 'comments-thread')

  // The commenter cannot move a bar or edit anything but comments.
  await cPanel.getByRole('button', { name: 'Close feature panel' }).click()
  await expect(commenter.page.locator('.bar__handle')).toHaveCount(0)
  const start = await cBar.getAttribute('data-start')
  const rect = await cBar.boundingBox()
  if (!rect) throw new Error('bar not rendered')
  await commenter.page.mouse.move(rect.x + 10, rect.y + 10)
  await commenter.page.mouse.down()
  await commenter.page.mouse.move(rect.x + 150, rect.y + 10, { steps: 5 })
  await commenter.page.mouse.up()
  await expect(cBar).toHaveAttribute('data-start', start ?? '')
  await expect(bar(editor.page, 'Audit log')).toHaveAttribute('data-start', start ?? '')
  await expect(commenter.page.getByRole('textbox', { name: 'Roadmap title' })).toHaveCount(0)

  // Resolving clears the count on the bar in both contexts.
  await panel.getByRole('button', { name: 'Resolve' }).click()
  await expect(panel.getByText('Resolved by Ed Editor')).toBeVisible()
  await expect(bar(editor.page, 'Audit log').getByTestId('comment-count')).toHaveCount(0)
  await expect(cBar.getByTestId('comment-count')).toHaveCount(0)

  // The activity panel lists both comments, each linking to its feature.
  await commenter.page.getByRole('button', { name: /^Activity/ }).click()
  const activity = commenter.page.getByTestId('activity-panel')
  await expect(activity.getByText('Can we ship this by May?')).toBeVisible()
  await expect(activity.getByText('Yes, QA signs off on Friday.')).toBeVisible()
  await expect(activity.getByText('resolved a thread on')).toBeVisible()
  await shot(commenter.page, 'comments-activity')
  await activity.getByRole('button', { name: /Ed Editor commented on Feature Audit log/ }).click()
  await expect(commenter.page.getByTestId('feature-panel')).toContainText('Resolved by Ed Editor')

  await editor.context.close()
  await commenter.context.close()
})

test('a commenter link made in the share dialog comments on a risk; the row counts it', async ({
  browser,
  server,
  seeded,
}) => {
  const owner = await openLive(browser, seededUrl(server, seeded, 'owner', 'risks'), 'Olivia Owner')
  await owner.page.getByRole('button', { name: 'Share' }).click()
  const dialog = owner.page.getByRole('dialog', { name: 'Share roadmap' })
  await dialog.getByLabel('Access').selectOption('commenter')
  await dialog.getByRole('button', { name: 'Create link' }).click()
  const created = dialog.locator('.share__link--new')
  await expect(created).toContainText('Can comment')
  const url = await created.getByRole('textbox').inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()

  const commenter = await openLive(browser, `${url}&view=risks`, 'Cora Commenter', 1)
  await commenter.page.setViewportSize({ width: 1024, height: 768 })
  const row = commenter.page.getByTestId('risk-row').first()
  const riskTitle = (await row.getAttribute('data-title')) ?? ''
  // A commenter edits nothing in the register.
  await expect(row.getByRole('button', { name: `Delete risk ${riskTitle}` })).toHaveCount(0)
  await row.getByRole('button', { name: 'Comments' }).click()
  const panel = commenter.page.getByTestId('comments-panel')
  await expect(panel.getByRole('heading', { name: riskTitle })).toBeVisible()
  await panel.getByRole('combobox', { name: 'Start a discussion…' }).fill('@Oli')
  await panel.getByRole('combobox', { name: 'Start a discussion…' }).press('Tab')
  await panel
    .getByRole('combobox', { name: 'Start a discussion…' })
    .pressSequentially('is the mitigation funded?')
  await panel.getByRole('combobox', { name: 'Start a discussion…' }).press('Control+Enter')
  await expect(panel.locator('.mention')).toHaveText('@Olivia Owner')
  await shot(commenter.page, 'comments-risk-1024')

  // The owner sees the count on the row, and the mention in their Mentions view.
  const ownerRow = owner.page.locator(`[data-testid="risk-row"][data-title="${riskTitle}"]`)
  await expect(ownerRow.getByTestId('comment-count')).toHaveText('1')
  await owner.page.getByRole('button', { name: /^Activity/ }).click()
  const activity = owner.page.getByTestId('activity-panel')
  await activity.getByRole('tab', { name: /Mentions/ }).click()
  await expect(activity.getByText('is the mitigation funded?')).toBeVisible()
  await expect(activity.locator('.activity__item--unread')).toHaveCount(1)
  await activity.getByRole('button', { name: 'Mark all read' }).click()
  await expect(activity.locator('.activity__item--unread')).toHaveCount(0)

  await owner.context.close()
  await commenter.context.close()
})

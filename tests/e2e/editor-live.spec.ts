// Two people edit the same roadmap live: a bar dragged by one moves for the other (while
// dragging and after the drop), a feature created by one appears for the other, and
// description text typed by one appears for the other with the typist's caret.
import { test, expect, openAnaAndBen, seededUrl, bar, plus, shot } from './fixtures.js'

test('two people: drag, create and describe features live', async ({ browser, server, seeded }) => {
  const url = seededUrl(server, seeded, 'editor')
  const [ana, ben] = await openAnaAndBen(browser, url)

  // Drag a bar ten days to the right (month zoom: 7 px a day).
  const anaBar = bar(ana.page, 'Audit log')
  const benBar = bar(ben.page, 'Audit log')
  const start = await benBar.getAttribute('data-start')
  const box = await anaBar.boundingBox()
  if (!box || !start) throw new Error('bar not rendered')
  await ana.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await ana.page.mouse.down()
  await ana.page.mouse.move(box.x + box.width / 2 + 35, box.y + box.height / 2, { steps: 5 })
  // Mid-drag, Ben sees the bar being moved by Ana.
  await expect(benBar).toHaveClass(/bar--remote-drag/)
  await expect(benBar.locator('.bar__peer-tag')).toHaveText('Ana Lima is moving')
  await ana.page.mouse.move(box.x + box.width / 2 + 70, box.y + box.height / 2, { steps: 5 })
  await ana.page.mouse.up()
  const expected = plus(start, 10)
  await expect(anaBar).toHaveAttribute('data-start', expected)
  await expect(benBar).toHaveAttribute('data-start', expected)
  await expect(benBar).not.toHaveClass(/bar--remote-drag/)

  // Ana creates a feature with the toolbar; Ben sees it appear.
  await ana.page.getByRole('button', { name: /^Feature$/ }).click()
  const panel = ana.page.getByTestId('feature-panel')
  await expect(panel).toBeVisible()
  const title = panel.getByLabel('Feature title')
  await title.fill('Live pricing experiments')
  await title.press('Enter')
  await expect(bar(ben.page, 'Live pricing experiments')).toBeVisible()

  // Ana types its description; Ben opens the same feature and sees text and Ana's caret.
  const editor = panel.locator('.ProseMirror')
  await editor.click()
  await ana.page.keyboard.type('Test three price points with 5% of new sign-ups.')
  await bar(ben.page, 'Live pricing experiments').dblclick()
  const benPanel = ben.page.getByTestId('feature-panel')
  await expect(benPanel.locator('.ProseMirror')).toContainText(
    'Test three price points with 5% of new sign-ups.',
  )
  await expect(benPanel.locator('.collaboration-carets__label')).toHaveText('Ana Lima')
  await ana.page.keyboard.type(' Ship by Friday.')
  await expect(benPanel.locator('.ProseMirror')).toContainText('Ship by Friday.')
  await shot(ben.page, 'feature-panel')

  await ana.context.close()
  await ben.context.close()
})

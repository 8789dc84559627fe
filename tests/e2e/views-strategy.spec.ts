// Strategy: one collaborative document with live carets; viewers read it.
import { openView, shot, expect, test } from './views-support.js'

test('two people edit the strategy together and see each other’s caret', async ({
  browser,
  server,
  seeded,
}) => {
  const priya = await openView(browser, server, seeded, 'owner', 'strategy', 'Priya Raman')
  const sam = await openView(browser, server, seeded, 'editor', 'strategy', 'Sam Okafor')
  const priyaDoc = priya.getByTestId('strategy-editor')
  const samDoc = sam.getByTestId('strategy-editor')
  await expect(samDoc).toContainText('Strategy for the next three quarters')

  // Priya types once her editor holds the document, the caret in a new subheading at its end.
  await expect(priyaDoc).toContainText('Strategy for the next three quarters')
  await priyaDoc.click()
  await priya.keyboard.press('Control+End')
  await priya.keyboard.press('Enter')
  const subheading = priya.getByRole('button', { name: 'Subheading' })
  await subheading.click()
  await expect(subheading).toHaveAttribute('aria-pressed', 'true')
  await expect(priyaDoc).toBeFocused()
  await priya.keyboard.type('Guardrails')
  await priya.keyboard.press('Enter')
  await priya.keyboard.type('We do not trade data privacy for speed.')

  await expect(samDoc.locator('h2', { hasText: 'Guardrails' })).toBeVisible()
  await expect(samDoc).toContainText('We do not trade data privacy for speed.')
  // Priya's caret, with her name, in Sam's editor.
  await expect(
    samDoc.locator('.collaboration-carets__label', { hasText: 'Priya Raman' }),
  ).toBeVisible()
  // Bold from the toolbar travels too.
  await priya.keyboard.press('Shift+Home')
  await priya.getByRole('button', { name: 'Bold (Ctrl+B)' }).click()
  await expect(
    samDoc.locator('strong', { hasText: 'We do not trade data privacy for speed.' }),
  ).toBeVisible()
  await shot(sam, 'views-strategy')
  await priya.context().close()
  await sam.context().close()
})

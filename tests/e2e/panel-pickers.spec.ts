// The feature panel's pickers (goals, resources, depends on) behave alike: focus starts
// in the search box, Enter picks the highlighted match, and nothing is added when nothing
// matches (typing "auth" + Enter once added an unrelated feature as a dependency).
import { test, expect, openLive, seededUrl, bar, shot } from './fixtures.js'
import { storedFeature } from './plan-support.js'

test('pickers search first and add only what matches', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(
    browser,
    seededUrl(server, seeded, 'editor'),
    'Pia Picker',
  )
  await bar(page, 'Audit log').dblclick()
  const panel = page.getByTestId('feature-panel')
  const deps = panel.getByRole('group', { name: 'Dependencies' })

  // Depends on: "auth" matches nothing; Enter adds nothing.
  await panel.getByRole('button', { name: 'Add to Dependencies' }).click()
  const search = page.getByRole('combobox', { name: 'Find dependencies' })
  await expect(search).toBeFocused()
  await page.keyboard.type('auth')
  await expect(page.getByText('Nothing matches')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(deps.locator('.chip:not(.chip--add)')).toHaveCount(0)
  // A match: Enter adds the highlighted one; arrows move the highlight.
  await search.fill('')
  await page.keyboard.type('a')
  await page.keyboard.press('ArrowDown')
  const second = page.getByRole('listbox', { name: 'Dependencies' }).getByRole('option').nth(1)
  const secondTitle = (await second.locator('.picker__label').textContent()) ?? ''
  await shot(page, 'panel-picker')
  await page.keyboard.press('Enter')
  await expect(deps.locator('.chip__label')).toHaveText([secondTitle])
  await page.keyboard.type('sso')
  await page.keyboard.press('Enter')
  await expect(deps.locator('.chip__label')).toHaveText([secondTitle, 'SSO / SAML'])
  await page.keyboard.press('Escape')
  await expect(panel.getByRole('button', { name: 'Add to Dependencies' })).toBeFocused()
  const sso = await storedFeature(server, seeded, 'SSO / SAML')
  await expect
    .poll(async () => (await storedFeature(server, seeded, 'Audit log')).dependsOn)
    .toContain(sso.id)

  // Goals and resources: the same.
  await panel.getByRole('button', { name: 'Add to Goals' }).click()
  await expect(page.getByRole('combobox', { name: 'Find goals' })).toBeFocused()
  await page.keyboard.type('hub')
  await page.keyboard.press('Enter')
  await expect(panel.getByRole('group', { name: 'Goals' }).locator('.chip__label')).toContainText([
    'Become the analytics hub of the stack',
  ])
  await page.keyboard.press('Escape')
  await panel.getByRole('button', { name: 'Add to Resources' }).click()
  await expect(page.getByRole('combobox', { name: 'Find resources' })).toBeFocused()
  await page.keyboard.type('zzz')
  await page.keyboard.press('Enter')
  await expect(panel.getByRole('group', { name: 'Resources' }).locator('.chip__label')).toHaveText([
    'Platform squad',
  ])
  await page.keyboard.press('Escape')

  await context.close()
})

// A planning meeting's history, read afterwards: each snapshot says who edited since the one
// before it, and the owner compares two past versions with each other (not only with now),
// picking them by keyboard.
import { test, expect, openAnaAndBen, seededUrl, bar, plus, shot } from './fixtures.js'

test('snapshots name their editors; any two versions compare', async ({
  browser,
  server,
  seeded,
}) => {
  const [ana, ben] = await openAnaAndBen(
    browser,
    seededUrl(server, seeded, 'owner'),
    seededUrl(server, seeded, 'editor'),
  )
  const history = ana.page.getByRole('complementary', { name: 'History' })
  const take = async (name: string) => {
    await ana.page.keyboard.press('Alt+Shift+S')
    await ana.page.getByLabel('Snapshot name').fill(name)
    await ana.page.getByLabel('Snapshot name').press('Enter')
    await expect(history.locator('.history__row', { hasText: name })).toBeVisible()
  }
  const row = (name: string) => history.locator('.history__row', { hasText: name })
  /** The option that names a version (an automatic one reads as its time). */
  const choose = async (select: ReturnType<typeof history.getByLabel>, name: string) => {
    const label = await select.locator('option', { hasText: name }).first().textContent()
    await select.selectOption({ label: label ?? name })
  }

  await take('Kick-off')
  // Imported before the meeting: nobody edited it here yet.
  await expect(row('Kick-off').locator('.history__editors')).toHaveText('—')

  // Ben moves Audit log a week by keyboard; the next snapshot names him.
  const audit = bar(ben.page, 'Audit log')
  const start = await audit.getAttribute('data-start')
  if (!start) throw new Error('bar not rendered')
  await audit.click()
  await ben.page.keyboard.press('Shift+ArrowRight')
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-start', plus(start, 7))
  await take('After Ben')
  await expect(row('After Ben').locator('.history__editors')).toHaveText('Edited by Ben Osei')

  // Then both move it again.
  await ben.page.keyboard.press('Shift+ArrowRight')
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-start', plus(start, 14))
  await bar(ana.page, 'Audit log').click()
  await ana.page.keyboard.press('Shift+ArrowRight')
  await expect(bar(ben.page, 'Audit log')).toHaveAttribute('data-start', plus(start, 21))
  await take('Wrap-up')
  await expect(row('Wrap-up').locator('.history__editors')).toHaveText(
    'Edited by Ben Osei, Ana Lima',
  )
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  await shot(ana.page, 'history-editors-1024')

  // Kick-off → After Ben, chosen by keyboard: only Ben's first week shows.
  const picker = history.getByRole('form', { name: 'Compare two versions' })
  const from = picker.getByLabel('From')
  await from.focus()
  await choose(from, 'Kick-off')
  await ana.page.keyboard.press('Tab')
  await expect(picker.getByLabel('To')).toBeFocused()
  await choose(picker.getByLabel('To'), 'After Ben')
  await ana.page.keyboard.press('Tab')
  await expect(picker.getByRole('button', { name: 'Compare' })).toBeFocused()
  await ana.page.keyboard.press('Enter')
  const compare = ana.page.getByRole('complementary', { name: 'Compare versions' })
  await expect(compare.getByRole('heading', { level: 2 })).toHaveText('Kick-off → After Ben')
  const changes = compare.getByTestId('change-list')
  await expect(changes).toContainText('Audit log slipped 7 days')
  await expect(changes.getByText(/slipped/)).toHaveCount(1)
  // The views show the newer version, read-only: its bar where the change list says.
  const banner = ana.page.getByRole('status').filter({ hasText: 'Viewing version of' })
  await expect(banner).toContainText('After Ben')
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-start', plus(start, 7))
  await shot(ana.page, 'history-compare-two-versions')
  await compare.getByRole('button', { name: 'Close compare' }).click()
  await expect(banner).toHaveCount(0)
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-start', plus(start, 21))

  // Picked the other way round, the older version is still "from".
  await choose(picker.getByLabel('From'), 'Wrap-up')
  await choose(picker.getByLabel('To'), 'After Ben')
  await picker.getByRole('button', { name: 'Compare' }).click()
  await expect(compare.getByRole('heading', { level: 2 })).toHaveText('After Ben → Wrap-up')
  await expect(changes).toContainText('Audit log slipped 14 days')

  await ana.context.close()
  await ben.context.close()
})

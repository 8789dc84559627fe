// The feature panel refuses dates outside the plan's range (2000–2099) or a window longer
// than ten years, says why under the fields, and writes nothing.
import { test, expect, openLive, seededUrl, bar, shot } from './fixtures.js'

test('the feature panel refuses out-of-range dates and says why', async ({
  browser,
  server,
  seeded,
}) => {
  const { page, context } = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ana')
  await bar(page, 'Audit log').dblclick()
  const panel = page.getByTestId('feature-panel')
  const start = panel.getByLabel('Start date')
  const end = panel.getByLabel('End date')
  const before = [await start.inputValue(), await end.inputValue()]

  await start.fill('1999-01-04')
  await expect(panel.getByRole('alert')).toHaveText(
    'Start: Dates run from Jan 1, 2000 to Dec 31, 2099. Not saved.',
  )
  await expect(start).toHaveAttribute('aria-invalid', 'true')
  await shot(page, 'panel-dates-refused')
  // Nothing was written: Escape shows the feature's date again; a valid one is taken.
  await start.press('Escape')
  await expect(start).toHaveValue(before[0]!)
  await start.fill(before[1]!)
  await expect(panel.getByRole('alert')).toHaveCount(0)
  await expect(start).toHaveValue(before[1]!)

  await end.fill('2099-12-31')
  await expect(panel.getByRole('alert')).toHaveText(
    'A feature runs at most 3653 days (10 years). Not saved.',
  )
  await context.close()
})

// Date fields write a date once it is complete and valid (Enter, leaving the field, the
// picker), never a partly typed one: typing a year passes through 0002, 0020 and 0202,
// which must neither be saved, nor broadcast, nor hide the bar as unscheduled.
import { test, expect, openAnaAndBen, openLive, seededUrl, bar, shot } from './fixtures.js'
import { storedFeature, storedMilestone } from './plan-support.js'

/** Month, day, year digits as typed into an en-US date field. */
const typed = (iso: string) => `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(0, 4)}`

test('a typed end date is saved once, when complete', async ({ browser, server, seeded }) => {
  const [ana, ben] = await openAnaAndBen(browser, seededUrl(server, seeded, 'editor'))
  const before = await storedFeature(server, seeded, 'Audit log')
  if (!before.end) throw new Error('no end')
  const year = Number(before.end.slice(0, 4)) + 1
  const end = `${year}-03-15`

  await bar(ana.page, 'Audit log').dblclick()
  const panel = ana.page.getByTestId('feature-panel')
  const field = panel.getByLabel('End date')
  await field.focus()
  await ana.page.keyboard.type(typed(end))
  // All typed, not yet committed: the bar keeps its dates and stays on the timeline.
  await expect(field).toHaveValue(end)
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-end', before.end)
  await expect(panel.getByText(/Unscheduled/)).toHaveCount(0)

  await field.press('Enter')
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-end', end)
  await expect(bar(ben.page, 'Audit log')).toHaveAttribute('data-end', end)
  expect((await storedFeature(server, seeded, 'Audit log')).end).toBe(end)

  // A partly typed date is shown as invalid and not sent.
  await field.focus()
  await ana.page.keyboard.press('Backspace')
  await panel.getByLabel('Status').focus()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.getByRole('alert')).toHaveText('End: Enter a complete date. Not saved.')
  await shot(ana.page, 'date-field-incomplete')
  await expect(bar(ana.page, 'Audit log')).toHaveAttribute('data-end', end)
  expect((await storedFeature(server, seeded, 'Audit log')).end).toBe(end)
  // Escape brings the stored date back.
  await field.focus()
  await field.press('Escape')
  await expect(field).toHaveValue(end)
  await expect(field).not.toHaveAttribute('aria-invalid', 'true')

  await ana.context.close()
  await ben.context.close()
})

test('a quickly typed milestone date is saved as typed', async ({ browser, server, seeded }) => {
  const { page, context } = await openLive(
    browser,
    seededUrl(server, seeded, 'editor'),
    'Mila Stone',
  )
  const before = await storedMilestone(server, seeded, 'Partner summit')
  if (!before?.date) throw new Error('no milestone')
  const date = `${Number(before.date.slice(0, 4)) + 1}-02-26`
  const mark = page.getByRole('button', { name: 'Milestone Partner summit' })
  const at = await mark.getAttribute('style')
  await mark.click()
  const field = page.getByLabel('Date', { exact: true })
  await field.focus()
  await page.keyboard.type(typed(date))
  // Typed but not committed: the milestone has not moved on the timeline.
  await expect(field).toHaveValue(date)
  await expect(mark).toHaveAttribute('style', at ?? '')
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await storedMilestone(server, seeded, 'Partner summit'))?.date)
    .toBe(date)
  await context.close()
})

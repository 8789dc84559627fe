// A product owner saw the recap say "2026-11-16" where the rest of the app says
// "Nov 16, 2026". Every day now reads by one rule (packages/model dateDisplay.ts): the recap
// (dialog, Markdown download, report) says the moved feature's days exactly as its bar and
// its panel do, also for a viewer whose browser is German and fourteen hours ahead of UTC.
import { readFileSync } from 'node:fs'
import { test, expect, openLive, seededUrl, bar, shot, today, waitLive } from './fixtures.js'
import { startSession } from './session-support.js'

const FEATURE = 'Query engine caching'
const ISO_DAY = /\d{4}-\d{2}-\d{2}/

// What a person reads for a day, spelled out here rather than taken from the rule under test.
const reads = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
  return (iso: string) => format.format(Date.parse(`${iso}T00:00:00Z`))
}
const long = reads({ month: 'short', day: 'numeric', year: 'numeric' })
const short = reads({ month: 'short', day: 'numeric' })

test('the recap, the timeline and the feature panel say the same days', async ({
  browser,
  server,
  seeded,
}) => {
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  const moved = bar(ana.page, FEATURE)
  const before = {
    start: await moved.getAttribute('data-start'),
    end: await moved.getAttribute('data-end'),
  }
  expect(before.start).toMatch(ISO_DAY)
  expect(before.end).toMatch(ISO_DAY)

  await startSession(ana.page, 'Q3 planning', [FEATURE])
  await moved.focus()
  await ana.page.keyboard.press('Shift+ArrowRight')
  await expect(moved).not.toHaveAttribute('data-start', before.start ?? '')
  const after = {
    start: await moved.getAttribute('data-start'),
    end: await moved.getAttribute('data-end'),
  }
  const was = `${long(before.start!)} – ${long(before.end!)}`
  const now = `${long(after.start!)} – ${long(after.end!)}`
  await expect(moved).toHaveAttribute(
    'aria-label',
    new RegExp(`, ${short(after.start!)} to ${short(after.end!)}, `),
  )

  await ana.page.getByRole('button', { name: 'End session' }).click()
  const recap = ana.page.getByRole('dialog', { name: 'Recap: Q3 planning' })
  const changes = recap.getByTestId('recap-changes')
  await expect(changes).toContainText(`${FEATURE} slipped`)
  await expect(changes).toContainText(`(${was} → ${now})`)
  await expect(recap.getByTestId('session-recap')).toContainText(
    `${long(today())} · facilitated by Ana Lima`,
  )
  await expect(recap.getByTestId('session-recap')).not.toContainText(ISO_DAY)
  await shot(ana.page, 'session-recap-dates')

  // The Markdown file says it the same way; only its file name keeps the ISO day.
  const [download] = await Promise.all([
    ana.page.waitForEvent('download'),
    recap.getByRole('button', { name: 'Markdown' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`q3-planning-${today()}.md`)
  const markdown = readFileSync(await download.path(), 'utf8')
  expect(markdown).toContain(`${long(today())} · facilitated by Ana Lima`)
  expect(markdown).toContain(`(${was} → ${now})`)
  expect(markdown).not.toMatch(ISO_DAY)

  await recap.getByRole('button', { name: 'Publish to report' }).click()
  await recap.getByRole('button', { name: 'Done' }).click()

  // A viewer in Berlin's language on Kiritimati's clock reads the same text.
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Pacific/Kiritimati' })
  const vic = await context.newPage()
  await vic.goto(seededUrl(server, seeded, 'viewer'))
  await waitLive(vic)
  const vicBar = bar(vic, FEATURE)
  await expect(vicBar).toHaveAttribute(
    'aria-label',
    new RegExp(`, ${short(after.start!)} to ${short(after.end!)}, `),
  )
  await vicBar.dblclick()
  const panel = vic.getByTestId('feature-panel')
  await expect(panel.locator('.prop', { hasText: 'Dates' }).locator('.prop__static')).toHaveText(
    now,
  )

  await vic.getByRole('tab', { name: 'Report', exact: true }).click()
  const section = vic.getByTestId('report-latest-session')
  await expect(section.getByTestId('recap-changes')).toContainText(`(${was} → ${now})`)
  await expect(section).toContainText(`${long(today())} · facilitated by Ana Lima`)
  await section.scrollIntoViewIfNeeded()
  await shot(vic, 'session-recap-dates-viewer-de')

  await context.close()
  await ana.context.close()
})

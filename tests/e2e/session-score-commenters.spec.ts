// A score vote a commenter link may vote in: the owner allows it when starting the session,
// edits the agenda while it runs, applies the mean scores to confidence (one undo step); a
// viewer only watches but is in the recap's attendees; the recap downloads as a PDF.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { test, expect, createLink, openLive, seededUrl, shot } from './fixtures.js'

test('score vote with a commenter voting, agenda edits, RICE apply, recap PDF', async ({
  browser,
  server,
  seeded,
}) => {
  test.slow()
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  const link = await createLink(server.origin, seeded.id, seeded.ownerToken, { role: 'commenter' })
  const cora = await openLive(browser, link.url, 'Cora Commenter', 1)
  const vic = await openLive(browser, seededUrl(server, seeded, 'viewer'), 'Vic Stone', 2)
  const everyone = [ana.page, cora.page, vic.page]

  // The owner starts a session and lets commenter links vote.
  await ana.page.getByRole('button', { name: 'Start session' }).click()
  const start = ana.page.getByRole('dialog', { name: 'Start a planning session' })
  await start.getByLabel('Title').fill('Scoring')
  await start.getByLabel('Topic 1', { exact: true }).selectOption({ label: 'Audit log' })
  await start.getByLabel('Commenter links may vote').check()
  await start.getByRole('button', { name: 'Start session' }).click()

  // The agenda edited while the session runs: a topic added, moved first, another removed.
  await ana.page.getByRole('button', { name: 'Agenda' }).click()
  await ana.page.getByRole('menuitem', { name: 'Edit agenda…' }).click()
  const agenda = ana.page.getByRole('dialog', { name: 'Edit agenda' })
  await agenda.getByLabel('New topic', { exact: true }).selectOption({ label: 'SSO / SAML' })
  await agenda.getByRole('button', { name: 'Add topic' }).click()
  await agenda.getByLabel('New topic kind').selectOption('text')
  await agenda.getByLabel('New topic text').fill('Any other business')
  await agenda.getByRole('button', { name: 'Add topic' }).click()
  await agenda.getByRole('button', { name: 'Move SSO / SAML up' }).click()
  await agenda.getByRole('button', { name: 'Remove Any other business' }).click()
  await expect(agenda.getByTestId('agenda-edit').locator('li')).toHaveCount(2)
  await expect(agenda.getByTestId('agenda-edit').locator('li').first()).toContainText('SSO / SAML')
  await shot(ana.page, 'session-agenda-edit')
  await agenda.getByRole('button', { name: 'Done' }).click()
  for (const page of everyone) await expect(page.getByTestId('session-topic')).toContainText('2/2')

  // A 1–5 score vote; the commenter scores, the viewer watches.
  await ana.page.getByTestId('session-bar').getByRole('button', { name: 'Vote' }).click()
  const open = ana.page.getByRole('dialog', { name: 'Open a vote' })
  await open.getByLabel('Question').fill('How sure are we?')
  await open.getByRole('button', { name: 'Score 1–5' }).click()
  for (const option of ['Audit log', 'SSO / SAML'])
    await open.getByLabel(option, { exact: true }).check()
  await expect(open.getByLabel('Commenter links may vote')).toBeChecked()
  await open.getByRole('button', { name: 'Open vote' }).click()
  const score = (page: typeof ana.page, option: string, n: number) =>
    page
      .getByRole('group', { name: `Score ${option}` })
      .getByRole('button', { name: String(n) })
      .click()
  await score(ana.page, 'Audit log', 5)
  await score(ana.page, 'SSO / SAML', 2)
  await score(cora.page, 'Audit log', 4)
  await score(cora.page, 'SSO / SAML', 3)
  await expect(vic.page.getByTestId('vote-status')).toHaveText(
    'You are watching: this link cannot vote.',
  )
  // The viewer's count comes through the server: it took the commenter's ballot.
  for (const page of everyone) await expect(page.getByTestId('vote-voters')).toHaveText('2 voted')
  await ana.page.getByRole('button', { name: 'Reveal votes' }).click()
  for (const page of everyone) {
    const rows = page.getByTestId('vote-ranking').locator('li')
    await expect(rows.nth(0)).toContainText('Audit log')
    await expect(rows.nth(0)).toContainText('4.5')
    await expect(rows.nth(1)).toContainText('2.5')
  }

  // The result applied to confidence (20 % per score point), undone in one step.
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  await ana.page.getByRole('tab', { name: 'Backlog', exact: true }).click()
  const confidence = ana.page.getByLabel('Confidence of Audit log')
  const before = await confidence.inputValue()
  await ana.page.getByRole('button', { name: 'Set confidence' }).click()
  await expect(confidence).toHaveValue('90')
  await expect(ana.page.getByLabel('Confidence of SSO / SAML')).toHaveValue('50')
  await expect(ana.page.getByTestId('vote-status')).toHaveText(
    'Confidence set on 2 features · undo with Ctrl+Z',
  )
  await shot(ana.page, 'session-vote-apply-1024')
  await ana.page.getByRole('button', { name: 'Undo' }).click()
  await expect(confidence).toHaveValue(before)
  await ana.page.getByRole('button', { name: 'Set impact' }).click()
  await expect(ana.page.getByLabel('Impact of Audit log')).toHaveValue('3')

  // The end: the viewer and the commenter, seen in presence, are among the attendees.
  await ana.page.getByRole('button', { name: 'End session' }).click()
  const recap = ana.page.getByRole('dialog', { name: 'Recap: Scoring' })
  await expect(recap.getByTestId('session-recap')).toContainText(
    'attended by Ana Lima, Cora Commenter, Vic Stone',
  )
  await expect(recap.getByTestId('recap-vote')).toContainText('4.5 mean')
  await shot(ana.page, 'session-recap-score')
  const [download] = await Promise.all([
    ana.page.waitForEvent('download'),
    recap.getByRole('button', { name: 'PDF' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('scoring-recap.pdf')
  const file = await download.path()
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Vote: How sure are we?')
  expect(text).toMatch(/1\.\s+Audit log — 4\.5 mean score/)
  expect(text).toContain('Attended by Ana Lima, Cora Commenter, Vic Stone')
  expect(fs.existsSync(file)).toBe(true)

  for (const person of [ana, cora, vic]) await person.context.close()
})

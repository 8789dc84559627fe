// A planning session from agenda to recap: the owner facilitates, an editor follows and
// votes, a viewer link watches; the recap lands in the viewer's report.
import { test, expect, openLive, seededUrl, bar, shot } from './fixtures.js'
import { giveDot, openVote, sessionBarLayout, startSession } from './session-support.js'

const TOPICS = ['Audit log', 'SSO / SAML', 'Query engine caching']
const VOTED = ['Audit log', 'SSO / SAML', 'Query engine caching', 'Usage-based billing']

test('a planning session: agenda, follow, vote, decision, recap in the report', async ({
  browser,
  server,
  seeded,
}) => {
  // One scenario drives three browsers through a whole meeting: three times the usual budget.
  test.slow()
  const ana = await openLive(browser, seededUrl(server, seeded, 'owner'), 'Ana Lima', 0)
  const ben = await openLive(browser, seededUrl(server, seeded, 'editor'), 'Ben Osei', 1)
  const vic = await openLive(browser, seededUrl(server, seeded, 'viewer'), 'Vic Stone', 2)
  const everyone = [ana.page, ben.page, vic.page]

  await startSession(ana.page, 'Q3 planning', TOPICS)
  // Everyone sees the bar; the editor, following, has each topic's feature focused.
  for (const [i, topic] of TOPICS.entries()) {
    if (i > 0)
      await ana.page.getByTestId('session-bar').getByRole('button', { name: 'Next topic' }).click()
    for (const page of everyone) {
      await expect(page.getByTestId('session-topic')).toContainText(`${i + 1}/3`)
      await expect(page.getByTestId('session-topic')).toContainText(topic)
    }
    await expect(ben.page.getByTestId('feature-panel')).toHaveAttribute(
      'aria-label',
      `Feature details: ${topic}`,
    )
  }
  await expect(ben.page.getByTestId('session-bar')).toContainText('Facilitated by Ana Lima')
  await expect(ben.page.getByTestId('session-time')).toContainText('left')
  await shot(ben.page, 'session-bar')
  // At 1024 px the bar keeps to one row (44 px, its height with nothing wrapped), nothing in
  // it cut off, for the facilitator and for an editor who follows.
  await ana.page.setViewportSize({ width: 1024, height: 768 })
  await ben.page.setViewportSize({ width: 1024, height: 768 })
  for (const page of [ana.page, ben.page])
    await expect
      .poll(() => sessionBarLayout(page))
      .toEqual({ rows: 1, height: 44, outside: [], cut: [] })
  await shot(ben.page, 'session-bar-editor-1024')
  await ben.page.setViewportSize({ width: 1440, height: 900 })
  // The facilitator's bar at 1024 px, with the agenda open.
  await ana.page.getByRole('button', { name: 'Agenda' }).click()
  await expect(ana.page.getByRole('menu', { name: 'Agenda' })).toContainText('SSO / SAML')
  await shot(ana.page, 'session-bar-facilitator-1024')
  await ana.page.keyboard.press('Escape')

  // The facilitator moves the topic's feature a week later (Shift+→ on its bar).
  const moved = bar(ana.page, 'Query engine caching')
  const start = await moved.getAttribute('data-start')
  await moved.focus()
  await ana.page.keyboard.press('Shift+ArrowRight')
  await expect(moved).not.toHaveAttribute('data-start', start ?? '')

  // A 2-dot vote on four features by two people: hidden until revealed.
  await openVote(ana.page, VOTED, 2)
  for (const page of everyone) await expect(page.getByTestId('vote-card')).toBeVisible()
  await giveDot(ana.page, 'SSO / SAML')
  await giveDot(ana.page, 'SSO / SAML')
  await giveDot(ben.page, 'SSO / SAML')
  await giveDot(ben.page, 'Audit log')
  await expect(
    ben.page
      .getByTestId('vote-card')
      .getByRole('button', { name: 'Give a dot to Usage-based billing' }),
  ).toBeDisabled()
  await expect(vic.page.getByTestId('vote-status')).toHaveText(
    'You are watching: this link cannot vote.',
  )
  for (const page of everyone) {
    await expect(page.getByTestId('vote-voters')).toHaveText('2 voted')
    await expect(page.getByTestId('vote-ranking')).toHaveCount(0)
  }
  await shot(ben.page, 'session-vote-open')
  await ana.page.getByRole('button', { name: 'Reveal votes' }).click()
  for (const page of everyone) {
    const rows = page.getByTestId('vote-ranking').locator('li')
    await expect(rows.nth(0)).toContainText('SSO / SAML')
    await expect(rows.nth(0)).toContainText('3 dots')
    await expect(rows.nth(1)).toContainText('Audit log')
    await expect(rows.nth(1)).toContainText('1 dot')
  }
  await shot(vic.page, 'session-vote-result')

  // The result applied to the backlog order in one step, which one undo takes back.
  await ben.page.getByRole('tab', { name: 'Backlog', exact: true }).click()
  const features = ben.page.getByTestId('backlog-feature')
  await expect(features.first()).toBeVisible()
  const order = () =>
    features.evaluateAll((els) => els.slice(0, 4).map((el) => el.getAttribute('aria-label')))
  const before = await order()
  await ana.page.getByRole('button', { name: 'Apply to backlog order' }).click()
  await expect
    .poll(order)
    .toEqual(['SSO / SAML', 'Audit log', 'Query engine caching', 'Usage-based billing'])
  await ana.page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(order).toEqual(before)

  // The editor records a decision on the topic's feature; it shows in the feature's panel.
  const decision = 'Move Query engine caching a week: the platform team is at capacity'
  await ben.page.getByTestId('session-bar').getByRole('button', { name: 'Decision' }).click()
  const noteDialog = ben.page.getByRole('dialog', { name: 'Record a decision' })
  await expect(noteDialog).toContainText('On Feature · Query engine caching')
  await noteDialog.getByLabel('Decision').fill(decision)
  await noteDialog.getByRole('button', { name: 'Record decision' }).click()
  await expect(ana.page.getByTestId('feature-session-notes')).toContainText(decision)

  // The end: the recap, published to the report the viewer reads.
  await ana.page.getByRole('button', { name: 'End session' }).click()
  const recap = ana.page.getByRole('dialog', { name: 'Recap: Q3 planning' })
  await expect(recap.getByTestId('recap-changes')).toContainText('Query engine caching')
  await shot(ana.page, 'session-recap')
  await recap.getByRole('button', { name: 'Publish to report' }).click()
  await recap.getByRole('button', { name: 'Done' }).click()
  for (const page of everyone) await expect(page.getByTestId('session-bar')).toHaveCount(0)

  await vic.page.getByRole('tab', { name: 'Report', exact: true }).click()
  const section = vic.page.getByTestId('report-latest-session')
  await expect(section).toContainText('Latest planning session: Q3 planning')
  await expect(section.getByTestId('recap-changes')).toContainText('Query engine caching')
  await expect(section.getByTestId('recap-decisions')).toContainText(decision)
  await expect(section.getByTestId('recap-vote').locator('li').first()).toContainText('SSO / SAML')
  await expect(section).toContainText('Ana Lima, Ben Osei')
  await section.scrollIntoViewIfNeeded()
  await shot(vic.page, 'session-report-recap')

  for (const person of [ana, ben, vic]) await person.context.close()
})

// Steps of a planning session, as a person does them, shared by the session specs.
import { expect } from './fixtures.js'
import type { Page } from '@playwright/test'

export async function startSession(page: Page, title: string, topics: readonly string[]) {
  await page.getByRole('button', { name: 'Start session' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start a planning session' })
  await dialog.getByLabel('Title').fill(title)
  for (const [i, topic] of topics.entries()) {
    if (i > 0) await dialog.getByRole('button', { name: 'Add topic' }).click()
    await dialog.getByLabel(`Topic ${i + 1}`, { exact: true }).selectOption({ label: topic })
  }
  await dialog.getByRole('button', { name: 'Start session' }).click()
  await expect(page.getByTestId('session-bar')).toBeVisible()
}

export async function openVote(page: Page, options: readonly string[], dots: number) {
  await page.getByTestId('session-bar').getByRole('button', { name: 'Vote' }).click()
  const dialog = page.getByRole('dialog', { name: 'Open a vote' })
  await dialog.getByLabel('Dots per person').fill(String(dots))
  for (const option of options) await dialog.getByLabel(option, { exact: true }).check()
  await dialog.getByRole('button', { name: 'Open vote' }).click()
}

export const giveDot = (page: Page, option: string) =>
  page
    .getByTestId('vote-card')
    .getByRole('button', { name: `Give a dot to ${option}` })
    .click()

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

/**
 * How the session bar lays out: `rows`, the distinct rows its items sit on (by their middle);
 * `outside`, items reaching past the bar; `cut`, text cut short with no tooltip holding the
 * whole of it (a title attribute), or a control whose content does not fit it.
 */
export function sessionBarLayout(page: Page) {
  return page.getByTestId('session-bar').evaluate((bar) => {
    const box = bar.getBoundingClientRect()
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 1 && r.height > 1
    }
    const items = [
      ...Array.from(bar.children).filter((el) => !el.classList.contains('ss-bar__controls')),
      ...Array.from(bar.querySelectorAll('.ss-bar__controls button')),
    ].filter(shown)
    // Items of a row share its middle, give or take rounding: a new row starts 4px lower.
    const middles = items
      .map((el) => {
        const r = el.getBoundingClientRect()
        return (r.top + r.bottom) / 2
      })
      .sort((a, b) => a - b)
    const rows = middles.filter((m, i) => i === 0 || m - middles[i - 1] > 4).length
    const name = (el: Element) => el.getAttribute('aria-label') ?? el.textContent ?? ''
    const outside = items
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom
      })
      .map(name)
    const cut = Array.from(bar.querySelectorAll<HTMLElement>('*'))
      .filter(shown)
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .filter((el) => el.tagName === 'BUTTON' || el.title !== el.textContent)
      .map(name)
    return { rows, height: Math.round(box.height), outside, cut }
  })
}

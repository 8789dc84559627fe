// Helpers for the planning-view specs, on top of the shared fixtures (one real server
// per worker, a demo roadmap seeded per test): open a person on a view, switch views.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { openAs, roadmapUrl } from './fixtures.js'

export { expect, shot, test, today } from './fixtures.js'

export const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../.artifacts/screenshots',
)

let people = 0

/** A page in a fresh context whose presence name is `name`, opened on `view`. */
export async function openView(
  browser: Browser,
  origin: string,
  id: string,
  token: string,
  view: string,
  name: string,
): Promise<Page> {
  const { page } = await openAs(browser, roadmapUrl(origin, id, token, view), name, people++)
  await page.getByTestId(`${view}-view`).waitFor()
  return page
}

export async function switchView(page: Page, label: string, view: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click()
  await page.getByTestId(`${view}-view`).waitFor()
}

// Helpers for the planning-view specs, on top of the shared fixtures (one real server
// per worker, a demo roadmap seeded per test): open a person on a view, switch views.
import type { Browser, Page } from '@playwright/test'
import { openAs, seededUrl } from './fixtures.js'
import type { MeridianServer, SeededRole, Seeded } from './fixtures.js'

export { SCREENSHOTS, expect, shot, test, today } from './fixtures.js'

let people = 0

/** A page in a fresh context on the seeded roadmap's `role` link, named `name`, on `view`. */
export async function openView(
  browser: Browser,
  server: MeridianServer,
  seeded: Seeded,
  role: SeededRole,
  view: string,
  name: string,
): Promise<Page> {
  const { page } = await openAs(browser, seededUrl(server, seeded, role, view), name, people++)
  await page.getByTestId(`${view}-view`).waitFor()
  return page
}

export async function switchView(page: Page, label: string, view: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click()
  await page.getByTestId(`${view}-view`).waitFor()
}

/** The backlog's features, top to bottom, by id. */
export const featureIds = (page: Page): Promise<string[]> =>
  page
    .getByTestId('backlog-feature')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-feature-id') ?? ''))

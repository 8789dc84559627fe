// Shared Playwright fixtures for the editor specs: one real Meridian server per worker
// (`node server/dist/main.js`, port 0, temp DATA_DIR, MERIDIAN_NO_DEMO=1, stopped by
// PID), roadmaps seeded over HTTP, and people: pages in fresh browser contexts with a
// chosen name, opened on a roadmap link.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { demoRoadmap, exportRoadmap } from '@meridian/model'
import type { CreateLinkBody, CreatedLink, CreatedRoadmap, Role } from '@meridian/protocol'
import { test as base, expect } from '@playwright/test'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SCREENSHOTS = path.join(ROOT, 'tests/.artifacts/screenshots')

export interface MeridianServer {
  origin: string
}

/** A roadmap made over HTTP, with its three links' tokens. */
export type Seeded = CreatedRoadmap

export interface Person {
  page: Page
  context: BrowserContext
  name: string
}

/** A server of its own, with extra settings (`env`), for a spec that needs them. */
export async function startServer(
  env: Record<string, string> = {},
): Promise<{ origin: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meridian-e2e-'))
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MERIDIAN_NO_DEMO: '1',
      LOG_LEVEL: 'info',
      // Specs create roadmaps from one address in parallel: the rate limit is tested elsewhere.
      MERIDIAN_CREATES_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const logs: string[] = []
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        logs.push(line)
        try {
          const rec = JSON.parse(line) as { msg?: string; port?: number }
          if (rec.msg === 'listening' && typeof rec.port === 'number') resolve(rec.port)
        } catch {
          // not a JSON log line
        }
      }
    })
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()))
    void exited.then(() => reject(new Error(`server exited before listening:\n${logs.join('\n')}`)))
  })
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid)
        process.kill(child.pid, 'SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const today = (): string => new Date().toISOString().slice(0, 10)

/** The ISO date `days` after `date` (both YYYY-MM-DD, UTC). */
export const plus = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** A new roadmap holding the model's demo ("Atlas"), dated around today. */
export async function seedDemo(origin: string): Promise<Seeded> {
  const doc = new Y.Doc()
  demoRoadmap(doc, { today: today() })
  const res = await fetch(`${origin}/api/roadmaps/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(exportRoadmap(doc)),
  })
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as Seeded
}

const COLORS = ['#e5484d', '#0090ff', '#30a46c', '#8e4ec6']

/** A person in a fresh browser context (own storage, own IndexedDB) on a roadmap link. */
export async function openAs(
  browser: Browser,
  url: string,
  name: string,
  index = 0,
): Promise<Person> {
  const context = await browser.newContext()
  await context.addInitScript(
    (user) => localStorage.setItem('meridian:user', JSON.stringify(user)),
    // `named`: this person gave their name, so the first-edit prompt does not ask for it.
    { name, color: COLORS[index % COLORS.length], named: true },
  )
  const page = await context.newPage()
  await page.goto(url)
  return { page, context, name }
}

/** A new link on the roadmap, made through the API as its owner would (`POST …/links`). */
export async function createLink(
  origin: string,
  id: string,
  ownerToken: string,
  body: CreateLinkBody,
): Promise<CreatedLink> {
  const res = await fetch(`${origin}/api/roadmaps/${id}/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerToken}` },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreatedLink
}

export function roadmapUrl(origin: string, id: string, token: string, view = 'timeline'): string {
  return `${origin}/r/${id}?token=${encodeURIComponent(token)}&view=${view}`
}

export type { Role }
/** The roles a new roadmap has a link for (no commenter link: owners create those). */
export type SeededRole = Exclude<Role, 'commenter'>

/** The seeded roadmap's link for `role`, opened on `view`. */
export function seededUrl(
  server: MeridianServer,
  seeded: Seeded,
  role: SeededRole,
  view = 'timeline',
): string {
  const token = { owner: seeded.ownerToken, editor: seeded.editorToken, viewer: seeded.viewerToken }
  return roadmapUrl(server.origin, seeded.id, token[role], view)
}

/** `openAs`, then wait until the page is synced with the server. */
export async function openLive(
  browser: Browser,
  url: string,
  name: string,
  index = 0,
): Promise<Person> {
  const person = await openAs(browser, url, name, index)
  await waitLive(person.page)
  return person
}

/** Ana Lima and Ben Osei, each in a fresh context, both live on the roadmap (Ben on `benUrl`). */
export async function openAnaAndBen(
  browser: Browser,
  url: string,
  benUrl = url,
): Promise<[Person, Person]> {
  const ana = await openAs(browser, url, 'Ana Lima', 0)
  const ben = await openAs(browser, benUrl, 'Ben Osei', 1)
  await waitLive(ana.page)
  await waitLive(ben.page)
  return [ana, ben]
}

/** A feature's bar on the timeline, by title. */
export function bar(page: Page, title: string): Locator {
  return page.locator('.tl-area .bar[data-feature-id]', {
    has: page.locator('.bar__title', {
      hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    }),
  })
}

export async function waitLive(page: Page): Promise<void> {
  await expect(page.locator('.conn')).toHaveAttribute('data-status', 'online')
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

export const test = base.extend<{ seeded: Seeded }, { server: MeridianServer }>({
  server: [
    // Playwright fixtures name their dependencies by destructuring; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer()
      await use({ origin: server.origin })
      await server.stop()
    },
    { scope: 'worker' },
  ],
  seeded: async ({ server }, use) => {
    await use(await seedDemo(server.origin))
  },
})

export { expect }

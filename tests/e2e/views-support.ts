// Support for the planning-view specs: a real server (node server/dist/main.js, temp
// DATA_DIR, port 0, stopped by PID), a roadmap seeded from the model's demo through
// POST /api/roadmaps/import, and pages opened on a view with a chosen identity.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { demoRoadmap, exportRoadmap } from '@meridian/model'
import type { Browser, Page } from '@playwright/test'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SCREENSHOTS = path.join(ROOT, 'tests/.artifacts/screenshots')
mkdirSync(SCREENSHOTS, { recursive: true })

export interface Server {
  origin: string
  stop(): Promise<void>
}

export async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meridian-views-'))
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MERIDIAN_NO_DEMO: '1',
      LOG_LEVEL: 'info',
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

export interface Seeded {
  id: string
  ownerToken: string
  editorToken: string
  viewerToken: string
}

export const today = (): string => new Date().toISOString().slice(0, 10)

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

/** A page in a fresh context whose presence name is `name`, opened on `view`. */
export async function openView(
  browser: Browser,
  origin: string,
  id: string,
  token: string,
  view: string,
  name: string,
): Promise<Page> {
  const context = await browser.newContext()
  await context.addInitScript(
    (user) => {
      localStorage.setItem('meridian:user', JSON.stringify(user))
    },
    { name, color: '#3e63dd' },
  )
  const page = await context.newPage()
  await page.goto(`${origin}/r/${id}?token=${encodeURIComponent(token)}&view=${view}`)
  await page.getByTestId(`${view}-view`).waitFor()
  return page
}

export async function switchView(page: Page, label: string, view: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click()
  await page.getByTestId(`${view}-view`).waitFor()
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })

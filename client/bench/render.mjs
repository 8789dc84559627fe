// Browser benchmark of the timeline with the 2,000-feature roadmap (largeRoadmap: 2,000
// features in 40 lanes). Starts a real server (server/dist/main.js, temp DATA_DIR, port 0),
// imports the roadmap over HTTP, opens it in Chromium and reports:
//   - open → first timeline paint (ms since navigation start)
//   - timeline mount with the full roadmap (switching back to the tab → bars painted), target ≤ 200 ms
//   - frame time while dragging a bar (p50 / p95 / max), target p95 ≤ 16 ms
// Frame time = main-thread work to handle one pointer move and produce its frame (handlers,
// rAF callbacks, style and layout); compositing a transform happens off the main thread.
// Run after `pnpm build`: `node client/bench/render.mjs` (or `pnpm --filter @meridian/client bench`).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { chromium } = await import('@playwright/test')
const Y = await import('yjs')
const { largeRoadmap, exportRoadmap } = await import('@meridian/model')

const FEATURES = Number(process.env.FEATURES ?? 2000)
const LANES = Number(process.env.LANES ?? 40)
const RUNS = Number(process.env.RUNS ?? 3)

function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meridian-bench-'))
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
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = new Promise((resolve, reject) => {
    let buffer = ''
    child.stdout.on('data', (chunk) => {
      buffer += chunk
      for (const line of buffer.split('\n').slice(0, -1)) {
        try {
          const rec = JSON.parse(line)
          if (rec.msg === 'listening') resolve(rec.port)
        } catch {
          // not JSON
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1)
    })
    child.once('exit', () => reject(new Error('server exited')))
  })
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      }).then(() => rmSync(dataDir, { recursive: true, force: true })),
  }
}

const pct = (list, p) => {
  const s = [...list].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
const fmt = (n) => `${n.toFixed(1)} ms`

const server = startServer()
const origin = `http://127.0.0.1:${await server.port}`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  const doc = new Y.Doc()
  largeRoadmap(doc, {
    features: FEATURES,
    lanes: LANES,
    seed: 7,
    today: new Date().toISOString().slice(0, 10),
  })
  const res = await fetch(`${origin}/api/roadmaps/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(exportRoadmap(doc)),
  })
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`)
  const { id, ownerToken } = await res.json()
  const url = `${origin}/r/${id}?token=${ownerToken}&view=timeline`

  const opens = []
  const mounts = []
  const frames = []
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(
      () => performance.getEntriesByName('meridian:timeline-painted').length > 0,
      null,
      { timeout: 60_000 },
    )
    opens.push(
      await page.evaluate(
        () => performance.getEntriesByName('meridian:timeline-painted')[0].startTime,
      ),
    )
    const rendered = await page.locator('.tl-area .bar[data-feature-id]').count()

    // Mount: leave the timeline, come back, time until bars are painted.
    await page.getByRole('tab', { name: 'Now–Next–Later' }).click()
    await page.getByTestId('now-next-later-view').waitFor()
    const t0 = await page.evaluate(() => {
      performance.clearMarks('meridian:timeline-painted')
      return performance.now()
    })
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await page.waitForFunction(
      () => performance.getEntriesByName('meridian:timeline-painted').length > 0,
    )
    mounts.push(
      (await page.evaluate(
        () => performance.getEntriesByName('meridian:timeline-painted')[0].startTime,
      )) - t0,
    )

    // Drag a visible bar around for ~120 moves. For each move: the main-thread time of
    // handling it (pointer handlers) plus the work of the frame that shows it (rAF
    // callbacks, style and layout, flushed), measured from the frame's start.
    await page.evaluate(() => {
      const w = window
      w.__frames = []
      let handlerStart = 0
      window.addEventListener('pointermove', () => (handlerStart = performance.now()), {
        capture: true,
      })
      window.addEventListener('pointermove', () => {
        const handler = performance.now() - handlerStart
        requestAnimationFrame((frameStart) => {
          void document.body.offsetHeight
          w.__frames.push(handler + (performance.now() - frameStart))
        })
      })
    })
    const scroller = await page.locator('.tl-scroll').boundingBox()
    const bar = page
      .locator('.tl-area .bar[data-feature-id]:not(.bar--narrow)')
      .filter({ visible: true })
      .first()
    const box = await bar.boundingBox()
    if (!box || !scroller) throw new Error('no bar to drag')
    const x = Math.max(box.x + 20, scroller.x + 260)
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 1; i <= 120; i++)
      await page.mouse.move(x + Math.sin(i / 10) * 150 + i, y + Math.sin(i / 7) * 60)
    await page.mouse.up()
    frames.push(...(await page.evaluate(() => window.__frames)))
    console.log(
      `run ${run + 1}: open→paint ${fmt(opens.at(-1))}, mount ${fmt(mounts.at(-1))}, ${rendered} of ${FEATURES} bars in the DOM (virtualized)`,
    )
    await context.close()
  }
  const p95 = pct(frames, 95)
  const mount = pct(mounts, 50)
  console.log(`\nTimeline, ${FEATURES} features in ${LANES} lanes (median of ${RUNS} runs):`)
  console.log(
    `  open → first timeline paint   ${fmt(pct(opens, 50))} (includes network, sync and code loading)`,
  )
  console.log(
    `  first render (mount → paint)  ${fmt(mount)}  target ≤ 200 ms  ${mount <= 200 ? 'OK' : 'OVER'}`,
  )
  console.log(
    `  drag frame time               p50 ${fmt(pct(frames, 50))}, p95 ${fmt(p95)}, max ${fmt(Math.max(...frames))} over ${frames.length} frames  target p95 ≤ 16 ms  ${p95 <= 16 ? 'OK' : 'OVER'}`,
  )
} finally {
  await browser.close()
  await server.stop()
}

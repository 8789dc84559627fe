#!/usr/bin/env node
// Exchange benchmark (figures for a person, not a timed test): exporting a 2,000-feature
// roadmap to PDF and PNG through the server's renderers, and importing a 10,000-row CSV
// (read, plan, one transaction). Targets: export ≤ 2 s, import ≤ 3 s.
//
//   node bench/exchange.mjs [--runs 5] [--out DIR]
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const { largeRoadmap, readRoadmap, appendEntities } = await import('../packages/model/src/index.ts')
const { renderTimeline, planTimeline, readCsv, planCsvImport, suggestMapping } =
  await import('../packages/exchange/src/index.ts')
const { timelineToPdf } = await import('../server/src/http/exchange/pdf.ts')
const { svgToPng } = await import('../server/src/http/exchange/raster.ts')
// The model's own copy of Yjs (two copies of Yjs cannot share a document).
const fromModel = createRequire(new URL('../packages/model/package.json', import.meta.url))
const yjsDir = path.dirname(fromModel.resolve('yjs/package.json'))
const Y = await import(pathToFileURL(path.join(yjsDir, 'dist/yjs.mjs')).href)

const argv = process.argv.slice(2)
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 5
/** `--out DIR` keeps the last PDF and PNG, to look at. */
const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : null
const TARGET = { export: 2000, import: 3000 }

async function time(name, fn) {
  const ms = []
  let last
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    last = await fn()
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  return { name, median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms.at(-1), last }
}

const doc = new Y.Doc()
largeRoadmap(doc, { features: 2000, lanes: 40, seed: 7 })
const data = readRoadmap(doc)
const today = '2026-01-05'

const results = []
results.push(
  await time('PDF, whole roadmap on A4 (fit width)', async () => {
    const plan = planTimeline(data, { size: 'a4', today })
    const pdf = await timelineToPdf(plan)
    if (out) fs.writeFileSync(path.join(out, 'bench-timeline.pdf'), pdf)
    return `${plan.pages.length} pages, ${(pdf.byteLength / 1024).toFixed(0)} KiB`
  }),
)
results.push(
  await time('PNG, first 16:9 slide at 2×', () => {
    const t = renderTimeline(data, { size: 'slide', today }, 0)
    const png = svgToPng(t.pages[0], 2)
    if (out) fs.writeFileSync(path.join(out, 'bench-timeline.png'), png)
    return `page 1 of ${t.pageCount}, ${(png.byteLength / 1024).toFixed(0)} KiB`
  }),
)

// 10,000 rows like a Jira export: 2,000 epics, each with four stories.
const lines = [
  'Summary,Issue key,Issue Type,Status,Start date,Due date,Parent,Assignee,Custom field (Story Points),Component/s',
]
for (let e = 0; e < 2000; e++) {
  const month = String((e % 12) + 1).padStart(2, '0')
  lines.push(
    `Epic ${e},EP-${e},Epic,In Progress,2026-${month}-01,2026-${month}-25,,Person ${e % 50},,Team ${e % 20}`,
  )
  for (let s = 0; s < 4; s++)
    lines.push(
      `"Story ${e}.${s}, with a comma",ST-${e}-${s},Story,To Do,,,EP-${e},Person ${(e + s) % 50},3,Team ${e % 20}`,
    )
}
const csv = lines.join('\r\n')
results.push(
  await time('CSV import, 10,000 rows (read + plan + one transaction)', () => {
    const target = new Y.Doc()
    const read = readCsv(csv)
    if (!read.ok) throw new Error(read.error)
    const plan = planCsvImport(
      read.table,
      { fields: suggestMapping(read.table.headers) },
      readRoadmap(target),
    )
    const r = appendEntities(target, 'bench', {
      ...plan.input,
      acceptance: { by: 'bench', at: new Date().toISOString() },
    })
    return `${r.features} features, ${r.items} items, ${r.lanes} lanes, ${r.resources} people`
  }),
)

console.log(`\nExchange benchmark (${runs} runs each, median [min–max])\n`)
for (const r of results) {
  const target = r.name.startsWith('CSV') ? TARGET.import : TARGET.export
  const ok = r.median <= target ? 'within' : 'OVER'
  console.log(
    `${r.name}\n  ${r.median.toFixed(0)} ms [${r.min.toFixed(0)}–${r.max.toFixed(0)}] — ${ok} the ${target} ms target — ${r.last}`,
  )
}

#!/usr/bin/env node
// The cold-load floor: what the client alone spends on the harness' cold-load document, with no
// server and no network. It builds the harness roadmap (5,000 features, 50 lanes, 2,000 history
// edits; the harness' own generator), then times, in fresh Node processes like the harness'
// load generator, `Y.applyUpdate` of its whole state into an empty document with an `update`
// listener (the provider and the harness' completeness check both listen, so Yjs encodes the
// transaction again for them). Any y-websocket server's cold load includes this.
//
//   node bench/floor/coldapply.mjs [runs=5]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const harness = new URL('../harness/', import.meta.url)
// The harness' own Yjs, as an ES module: the instance its roadmap generator imports.
const Y = await import(new URL('node_modules/yjs/dist/yjs.mjs', harness).href)

if (process.argv[2] === '--apply') {
  const update = fs.readFileSync(process.argv[3])
  const doc = new Y.Doc()
  doc.on('update', () => {})
  const t0 = performance.now()
  Y.applyUpdate(doc, update)
  process.stdout.write(String(performance.now() - t0))
} else {
  const runs = Number(process.argv[2] ?? 5)
  const { buildRoadmap } = await import(new URL('lib/roadmap.mjs', harness).href)
  const doc = new Y.Doc()
  buildRoadmap(doc, {})
  const state = Y.encodeStateAsUpdate(doc)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coldapply-')), 'state.bin')
  fs.writeFileSync(file, state)
  const self = fileURLToPath(import.meta.url)
  const times = []
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [self, '--apply', file], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(r.stderr)
    times.push(Math.round(Number(r.stdout)))
  }
  fs.rmSync(path.dirname(file), { recursive: true })
  times.sort((a, b) => a - b)
  console.log(
    `${(state.byteLength / 1024).toFixed(0)} KiB applied in a fresh process, ${runs} runs (ms): ` +
      `${times.join(', ')}; median ${times[Math.floor(runs / 2)]}`,
  )
}

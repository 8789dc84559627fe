// The import's heavy part, in a worker thread (importer.ts keeps one for imports in turn):
// parse the JSON, check its size in entities, validate and build the document with the model's
// importRoadmap, and send back the encoded state. The server's event loop never runs it.
import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { importRoadmap, readMeta } from '@meridian/model'
import type { ImportJob, ImportOutcome } from './importJob.js'
import { countEntities, movable } from './importJob.js'

function run(job: ImportJob): ImportOutcome {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(job.body).toString('utf8')) as unknown
  } catch (e) {
    return { ok: false, kind: 'json', path: '', message: `malformed JSON: ${(e as Error).message}` }
  }
  const entities = countEntities(json)
  if (entities > job.maxEntities) {
    return {
      ok: false,
      kind: 'tooLarge',
      path: '',
      message: `the import holds ${entities} entities; at most ${job.maxEntities} are accepted`,
    }
  }
  const doc = new Y.Doc({ guid: 'meridian-import' })
  try {
    const r = importRoadmap(json, doc, { origin: job.origin })
    if (!r.ok) return { ok: false, kind: 'invalid', path: r.error.path, message: r.error.message }
    return {
      ok: true,
      title: readMeta(doc).title,
      state: Y.encodeStateAsUpdate(doc),
      stateVector: Y.encodeStateVector(doc),
    }
  } finally {
    doc.destroy()
  }
}

// An import is background work next to people's edits: this thread runs at the lowest CPU
// priority (on Linux a thread's own, so the event loop keeps its), and takes what the edits
// leave of the cores. Where that is not allowed, it runs at the process's.
try {
  os.setPriority(19)
} catch {
  // the process's priority, then
}
// One import per message, in turn; the state moves back to the event loop's thread rather
// than being copied there.
parentPort?.on('message', (job: ImportJob) => {
  const outcome = run(job)
  if (outcome.ok) {
    outcome.state = movable(outcome.state)
    outcome.stateVector = movable(outcome.stateVector)
  }
  parentPort?.postMessage(
    outcome,
    outcome.ok
      ? [outcome.state.buffer as ArrayBuffer, outcome.stateVector.buffer as ArrayBuffer]
      : [],
  )
})

// Runs an import off the request path: each one in a worker thread of its own (importWorker.ts),
// one at a time, so that a large import neither blocks the event loop nor keeps its memory in
// the server's heap afterwards. A worker that runs out of its memory cap fails that import only.
import { Worker } from 'node:worker_threads'
import { movable } from './importJob.js'
import type { ImportJob, ImportOutcome } from './importJob.js'

export type ImportResult =
  ImportOutcome | { ok: false; kind: 'busy' | 'failed'; path: ''; message: string }

/** Imports waiting for the worker beyond the one running; more are refused as busy. */
const MAX_WAITING = 4
/** Heap of one import's worker: well above what the largest accepted import needs. */
const WORKER_HEAP_MB = 1536

// From source (tsx, vitest) the worker is importWorker.ts, through importWorkerSource.mjs; in the build it is
// dist/importWorker.js beside dist/main.js (server/build.mjs).
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER_URL = new URL(
  FROM_SOURCE ? './importWorkerSource.mjs' : './importWorker.js',
  import.meta.url,
)

export class Importer {
  private running: Promise<unknown> = Promise.resolve()
  private waiting = 0

  run(job: ImportJob): Promise<ImportResult> {
    if (this.waiting > MAX_WAITING)
      return Promise.resolve({
        ok: false,
        kind: 'busy',
        path: '',
        message: 'too many imports at once; try again shortly',
      })
    this.waiting++
    const next = this.running.then(() => {
      this.waiting--
      return runWorker(job)
    })
    this.running = next.catch(() => undefined)
    return next
  }
}

function runWorker(job: ImportJob): Promise<ImportResult> {
  return new Promise((resolve) => {
    let answer: ImportResult | null = null
    const body = movable(job.body)
    const worker = new Worker(WORKER_URL, {
      workerData: { ...job, body },
      transferList: [body.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    })
    worker.once('message', (m: ImportOutcome) => {
      answer = m
    })
    worker.once('error', (e: Error) => {
      answer ??= { ok: false, kind: 'failed', path: '', message: `import failed: ${e.message}` }
    })
    worker.once('exit', () => {
      resolve(
        answer ?? { ok: false, kind: 'failed', path: '', message: 'import failed: worker exited' },
      )
    })
  })
}

// Runs an import off the request path, in a worker thread (importWorker.ts), one at a time, so
// that a large import neither blocks the event loop nor keeps its memory in the server's heap
// afterwards. A worker that runs out of its memory cap fails that import only.
//
// The worker stays for the next import: starting one (a V8 isolate, the model and Yjs compiled
// again) costs tens of milliseconds of CPU at the process's priority, before the worker can
// lower its own, and a stream of small imports, even refused ones, would pay it every time
// beside people's edits. It is retired after an import larger than RETIRE_AFTER_BYTES (its heap
// grew with it; the next import starts a fresh one), after IDLE_MS without an import, and
// whenever it fails.
import { Worker } from 'node:worker_threads'
import { movable } from './importJob.js'
import type { ImportJob, ImportOutcome } from './importJob.js'

export type ImportResult =
  ImportOutcome | { ok: false; kind: 'busy' | 'failed'; path: ''; message: string }

/** Imports waiting for the worker beyond the one running; more are refused as busy. */
const MAX_WAITING = 4
/** Heap of one import's worker: well above what the largest accepted import needs. */
const WORKER_HEAP_MB = 1536
/** A worker that ran an import of more bytes than this is retired after it. */
export const RETIRE_AFTER_BYTES = 8 << 20
/** A worker without an import for this long is stopped. */
const IDLE_MS = 60_000

// From source (tsx, vitest) the worker is importWorker.ts, through importWorkerSource.mjs; in the build it is
// dist/importWorker.js beside dist/main.js (server/build.mjs).
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER_URL = new URL(
  FROM_SOURCE ? './importWorkerSource.mjs' : './importWorker.js',
  import.meta.url,
)

const failed = (message: string): ImportResult => ({ ok: false, kind: 'failed', path: '', message })

export class Importer {
  private running: Promise<unknown> = Promise.resolve()
  private waiting = 0
  private worker: Worker | null = null
  private idle: NodeJS.Timeout | null = null
  /** the running worker's last error, the answer when it exits mid-import */
  private lastError: string | null = null
  /** Workers started so far (for tests: is the worker kept between imports?). */
  started = 0

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
      return this.runOne(job)
    })
    this.running = next.catch(() => undefined)
    return next
  }

  /** Stops the worker, if any (the server's shutdown). */
  async close(): Promise<void> {
    await this.running
    this.retire()
  }

  private runOne(job: ImportJob): Promise<ImportResult> {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    const worker = this.worker ?? this.start()
    const size = job.body.byteLength
    return new Promise<ImportResult>((resolve) => {
      const done = (r: ImportResult, keep: boolean): void => {
        worker.off('message', onMessage)
        worker.off('exit', onExit)
        if (!keep) this.retire()
        else {
          this.idle = setTimeout(() => this.retire(), IDLE_MS)
          this.idle.unref()
        }
        resolve(r)
      }
      const onMessage = (m: ImportOutcome): void => done(m, size <= RETIRE_AFTER_BYTES)
      const onExit = (): void =>
        done(failed(this.lastError ?? 'import failed: worker exited'), false)
      worker.on('message', onMessage)
      worker.once('exit', onExit)
      const body = movable(job.body)
      worker.postMessage({ ...job, body }, [body.buffer as ArrayBuffer])
    })
  }

  private start(): Worker {
    this.lastError = null
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    })
    this.started++
    // An idle worker does not keep the process alive.
    worker.unref()
    worker.on('error', (e: Error) => {
      this.lastError = `import failed: ${e.message}`
    })
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null
    })
    this.worker = worker
    return worker
  }

  private retire(): void {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    const worker = this.worker
    this.worker = null
    if (worker) void worker.terminate()
  }
}

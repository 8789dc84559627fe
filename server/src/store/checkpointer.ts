// WAL checkpoints off the event loop. SQLite checkpoints on the connection whose commit takes
// the WAL past 1,000 pages, in that commit: copying ~4 MB into the database file and syncing
// it blocks the event loop 16-26 ms (measured on these machines), every few MB written, and
// the edit or import that happens to cross the line waits for it (it was the p99 of edits
// during an import flood, bench/abuse.mjs). So the server's connection does not checkpoint
// (wal_autocheckpoint = 0), and a worker thread with a connection of its own runs a PASSIVE
// checkpoint every quarter second: it never blocks the writer, and the writer restarts the
// WAL from its start once a checkpoint has copied all of it. Should the worker fail, the
// server's connection checkpoints itself again, as before.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const EVERY_MS = 250

// Plain CommonJS, evaluated: the same code from source and from the build.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, { fileMustExist: true })
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export class Checkpointer {
  private readonly worker: Worker
  private readonly exited: Promise<void>
  /** stopped on purpose, or already reported as failed: nothing more to report */
  private done = false

  /** `onFail`, once: the worker stopped checkpointing (the caller checkpoints itself again). */
  constructor(file: string, onFail: (e: Error) => void) {
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        file,
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        everyMs: EVERY_MS,
      },
    })
    this.worker.unref()
    const fail = (e: Error) => {
      if (this.done) return
      this.done = true
      onFail(e)
    }
    // An error is followed by the exit: the error, with its reason, is what is reported.
    this.worker.once('error', fail)
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    void this.exited.then(() => fail(new Error('checkpoint worker exited')))
  }

  /** Stops the worker and closes its connection. */
  async stop(): Promise<void> {
    this.done = true
    this.worker.postMessage('stop')
    await this.exited
  }
}

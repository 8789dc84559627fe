// A real Meridian server process for cross-process tests: node + tsx from source, its own
// temp DATA_DIR, PORT=0 (the port is read from the "listening" log line). Stopped by PID.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
/**
 * The server from source by default; MERIDIAN_IT_SERVER=<path> runs another entry instead, e.g.
 * the build (`server/dist/main.js`) or an older checkout's `server/src/main.ts`.
 */
const SERVER_ENTRY = path.resolve(REPO_ROOT, process.env.MERIDIAN_IT_SERVER ?? 'server/src/main.ts')
const NODE_ARGS = SERVER_ENTRY.endsWith('.ts') ? ['--import', 'tsx', SERVER_ENTRY] : [SERVER_ENTRY]
const START_TIMEOUT_MS = 30_000
const LOG_LINES_KEPT = 200

export interface StartOptions {
  /** Reuse a data dir (a restart); by default a fresh temp dir owned by the returned handle. */
  dataDir?: string
  /** Bind this port instead of 0 (e.g. to restart on the same port). */
  port?: number
  /** Node's own flags before the entry, e.g. `--cpu-prof` to profile the server. */
  nodeArgs?: string[]
  /** Extra environment; LOG_LEVEL must stay at info or below (readiness is the "listening" line). */
  env?: Record<string, string>
}

export interface ServerProcess {
  readonly pid: number
  readonly port: number
  /** http://127.0.0.1:PORT */
  readonly origin: string
  /** ws://127.0.0.1:PORT */
  readonly wsOrigin: string
  readonly dataDir: string
  /** Last log lines (stdout and stderr), for failure messages. */
  logs(): string[]
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** True once the process has exited. */
  hasExited(): boolean
  /** Send the signal to the server's PID and wait for it to exit (SIGTERM: graceful shutdown). */
  stop(
    signal?: 'SIGTERM' | 'SIGKILL',
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const liveChildren = new Set<ChildProcess>()
process.once('exit', () => {
  for (const c of liveChildren) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

/** A fresh empty data directory under the OS temp dir. */
export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'meridian-it-'))
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export async function startServer(opts: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? makeDataDir()
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...NODE_ARGS], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MERIDIAN_NO_DEMO: '1',
      NODE_ENV: 'test',
      // One address creates many roadmaps in these tests: rate limits are tested on their own.
      MERIDIAN_CREATES_PER_MINUTE: '1000000',
      MERIDIAN_SNAPSHOTS_PER_MINUTE: '1000000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  liveChildren.add(child)
  const lines: string[] = []
  const keep = (line: string): void => {
    lines.push(line)
    if (lines.length > LOG_LINES_KEPT) lines.shift()
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      liveChildren.delete(child)
      resolve({ code, signal })
    })
  })

  const port = await new Promise<number>((resolve, reject) => {
    let settled = false
    const fail = (why: string): void => {
      if (settled) return
      settled = true
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      reject(new Error(`server did not start: ${why}\n${lines.join('\n')}`))
    }
    const timer = setTimeout(
      () => fail(`no "listening" log line after ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    )
    const onLine = (line: string): void => {
      keep(line)
      if (settled || !line.includes('"listening"')) return
      try {
        const rec = JSON.parse(line) as { msg?: unknown; port?: unknown }
        if (rec.msg === 'listening' && typeof rec.port === 'number') {
          settled = true
          clearTimeout(timer)
          resolve(rec.port)
        }
      } catch {
        // not a JSON log line
      }
    }
    lineReader(child.stdout, onLine)
    lineReader(child.stderr, keep)
    child.once('error', (e) => {
      clearTimeout(timer)
      fail(e.message)
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      fail(`exited early (code ${code}, signal ${signal})`)
    })
  })

  const pid = child.pid
  if (pid === undefined) throw new Error('server has no pid')
  const hasExited = (): boolean => child.exitCode !== null || child.signalCode !== null
  return {
    pid,
    port,
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    dataDir,
    logs: () => [...lines],
    exited,
    hasExited,
    async stop(signal = 'SIGTERM') {
      if (!hasExited()) process.kill(pid, signal)
      return await exited
    },
  }
}

function lineReader(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return
  let buf = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    buf += chunk
    let nl = buf.indexOf('\n')
    while (nl !== -1) {
      onLine(buf.slice(0, nl))
      buf = buf.slice(nl + 1)
      nl = buf.indexOf('\n')
    }
  })
}

/**
 * Owns a server across restarts on one data dir; `dispose()` stops whatever runs and removes the
 * data dir. Use one per test file (beforeAll/afterAll).
 */
export class ServerFixture {
  readonly dataDir: string
  private current: ServerProcess | null = null

  constructor(private readonly env: Record<string, string> = {}) {
    this.dataDir = makeDataDir()
  }

  get server(): ServerProcess {
    if (!this.current) throw new Error('server not started')
    return this.current
  }

  async start(): Promise<ServerProcess> {
    if (this.current && !this.current.hasExited()) throw new Error('server already running')
    this.current = await startServer({ dataDir: this.dataDir, env: this.env })
    return this.current
  }

  /** Stop (SIGTERM = graceful, SIGKILL = crash) and start again on the same data dir. */
  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<ServerProcess> {
    await this.server.stop(signal)
    return await this.start()
  }

  async dispose(): Promise<void> {
    if (this.current && !this.current.hasExited()) await this.current.stop('SIGKILL')
    this.current = null
    removeDataDir(this.dataDir)
  }
}

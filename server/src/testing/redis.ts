// A private Redis server for tests, on a free loopback port, keeping nothing on disk. Needs
// `redis-server` (Debian: `apt-get install redis-server`; `.ci/run` installs it). It can be
// stopped and started again on the same port, as a Redis outage.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

export interface TestRedis {
  readonly url: string
  /** Stops the server (an outage); `start` brings it back on the same port. */
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  let proc: ChildProcess | null = null
  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const p = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      proc = p
      let out = ''
      const onData = (d: Buffer): void => {
        out += d.toString()
        if (out.includes('Ready to accept connections')) {
          p.stdout.off('data', onData)
          resolve()
        }
      }
      p.stdout.on('data', onData)
      p.once('error', (e) =>
        reject(
          new Error(
            `redis-server could not start (${e.message}); on Debian: apt-get install redis-server`,
          ),
        ),
      )
      p.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)))
    })
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const p = proc
      proc = null
      if (!p || p.exitCode !== null) return resolve()
      p.once('exit', () => resolve())
      p.kill('SIGKILL')
    })
  await start()
  return { url: `redis://127.0.0.1:${port}`, stop, start }
}

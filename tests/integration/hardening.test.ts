// Hardening against hostile requests, each against a real server process: no request may end
// the process, and what it refuses it refuses with a clear status.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

/** POST `size` bytes sent chunked (no Content-Length); resolves with the status, or 0 if cut. */
function postChunked(server: ServerProcess, path: string, size: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(server.origin + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    })
    let status = 0
    req.on('response', (res) => {
      status = res.statusCode ?? 0
      res.resume()
      res.on('end', () => resolve(status))
      res.on('error', () => resolve(status))
    })
    req.on('error', () => resolve(status))
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    let sent = 0
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length
        if (!req.write(chunk)) {
          req.once('drain', pump)
          return
        }
      }
      req.end()
    }
    pump()
  })
}

describe('hostile requests against a real server process', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('a chunked body over the limit gets 413 and the process keeps serving', async () => {
    expect(await postChunked(server, '/api/roadmaps', 70 * 1024)).toBe(413)
    expect(await postChunked(server, '/api/roadmaps/import', 65 * 1024 * 1024)).toBe(413)
    const health = await fetch(server.origin + '/healthz')
    expect(health.status).toBe(200)
    expect(server.hasExited()).toBe(false)
    expect(server.logs().join('\n')).not.toContain('TypeError')
  })
})

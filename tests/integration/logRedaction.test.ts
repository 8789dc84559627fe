// Tokens travel in URLs (`?token=`): no log line, at any level, may carry one. Against a real
// server process at debug level, failed and aborted requests and refused upgrades are logged
// without the token.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRoadmap } from './helpers/api.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

/** Sends `head` and part of a body, then cuts the connection; resolves once it is closed. */
function abortMidBody(server: ServerProcess, head: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(head + '{"title":', () => socket.destroy())
    })
    socket.on('close', () => resolve())
    socket.on('error', () => resolve())
  })
}

describe('tokens in the logs', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'debug' } })
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('logs failed and aborted requests without the token in their URL', async () => {
    const roadmap = await createRoadmap(server, 'Secret')
    const token = roadmap.ownerToken
    await abortMidBody(
      server,
      `POST /api/roadmaps/${roadmap.id}/snapshots?token=${token} HTTP/1.1\r\n` +
        `Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n`,
    )
    await abortMidBody(
      server,
      `POST /api/roadmaps/import?token=${token} HTTP/1.1\r\n` +
        `Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n`,
    )
    // The server logs what it could not finish; wait for that line, not for time.
    const logged = (): string => server.logs().join('\n')
    const deadline = Date.now() + 20_000
    while (!/\/api\/roadmaps\/import\?token=/.test(logged()) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const probe = fetch(server.origin + '/healthz').then(() => resolve())
        void probe.catch(() => resolve())
      })
    }
    expect(logged()).toContain('?token=[redacted]')
    expect(logged()).not.toContain(token)
  })
})

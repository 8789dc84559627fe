// Slow requests against a real server process: a client that sends a few bytes of its body (or
// of its headers) and then nothing is ended by the server's request (or headers) timeout, set
// small here, and the process keeps serving everyone else meanwhile and afterwards.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

/** Smallest values the settings accept (server/src/config.ts), so the test waits little. */
const TIMEOUTS = {
  MERIDIAN_HEADERS_TIMEOUT_MS: '500',
  MERIDIAN_REQUEST_TIMEOUT_MS: '1000',
}

interface Trickle {
  /** Resolves with every byte the server answered once it closed the socket. */
  closed: Promise<string>
}

/** Opens a socket, writes `head` and then nothing more: the server must end it. */
function trickle(server: ServerProcess, head: string): Promise<Trickle> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1')
    let answer = ''
    const closed = new Promise<string>((done) => {
      socket.on('data', (d: Buffer) => (answer += d.toString('latin1')))
      socket.on('error', () => undefined)
      socket.on('close', () => done(answer))
    })
    socket.once('connect', () => socket.write(head, () => resolve({ closed })))
    socket.once('error', reject)
  })
}

const BODY_HEAD =
  'POST /api/roadmaps HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
  'Content-Length: 4096\r\n\r\n{"title":"sl'

describe('slow request bodies against a real server process', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({ env: TIMEOUTS })
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('a body that stops arriving is ended (408 or closed) and others are served meanwhile', async () => {
    const events: string[] = []
    const slow = await trickle(server, BODY_HEAD)
    const ended = slow.closed.then((answer) => {
      events.push('slow body ended')
      return answer
    })
    // Served while the slow body is still open: the order of events shows it did not wait.
    const health = await fetch(server.origin + '/healthz')
    events.push(`healthz ${health.status}`)
    const created = await fetch(server.origin + '/api/roadmaps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Quick' }),
    })
    events.push(`create ${created.status}`)
    const answer = await ended
    expect(events).toEqual(['healthz 200', 'create 201', 'slow body ended'])
    // A request timeout is answered with 408 and the JSON error (http/sockets.ts) when the
    // socket can still take it; a bare close is also an end.
    if (answer !== '') {
      expect(answer).toMatch(/^HTTP\/1\.1 408 /)
      expect(answer).toContain('"code":"request_timeout"')
    }
    expect((await fetch(server.origin + '/healthz')).status).toBe(200)
    expect(server.hasExited()).toBe(false)
  })

  it('headers that stop arriving are closed after the headers timeout', async () => {
    const slow = await trickle(server, 'GET /healthz HTTP/1.1\r\nHost: 127.')
    const health = await fetch(server.origin + '/healthz')
    expect(health.status).toBe(200)
    const answer = await slow.closed
    if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(server.hasExited()).toBe(false)
  })
})

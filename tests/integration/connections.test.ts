// Idle and slow sockets against a real server process: a socket that never sends a byte is
// closed after the headers timeout, and connections are capped per address (those over the
// cap are held unread for a while, then closed) and in total, so idle sockets cannot exhaust
// the process's file descriptors; an address that keeps drawing refusals (429 here) has its
// next connections held a while before they are served. Caps are set low by env here.
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

const servers: ServerProcess[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) if (!s.hasExited()) await s.stop('SIGKILL')
})

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const s = await startServer({ env })
  servers.push(s)
  return s
}

/** A TCP connection that sends nothing; `closed` resolves when the server closes it. */
async function idleSocket(
  server: ServerProcess,
): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  const socket = net.connect(server.port, '127.0.0.1')
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.on('error', () => undefined)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  return { socket, closed }
}

/** Sends a health check on `socket`; resolves with the response's status line. */
function healthOn(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      text += chunk
      if (text.includes('\r\n')) resolve(text.slice(0, text.indexOf('\r\n')))
    })
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
  })
}

describe('idle and slow sockets', () => {
  it('a socket that never sends a byte is closed after the headers timeout', async () => {
    const server = await serve({ MERIDIAN_HEADERS_TIMEOUT_MS: '300' })
    const idle = await Promise.all([idleSocket(server), idleSocket(server)])
    await Promise.all(idle.map((s) => s.closed))
    expect((await fetch(server.origin + '/healthz')).status).toBe(200)
  })

  it('one address gets a bounded number of connections; the next are held unread, then closed', async () => {
    const server = await serve({
      MERIDIAN_MAX_CONNECTIONS_PER_ADDRESS: '4',
      MERIDIAN_HEADERS_TIMEOUT_MS: '60000',
    })
    const held = await Promise.all([1, 2, 3, 4].map(() => idleSocket(server)))
    // Over the cap, as many again are held open but never read: a client that reopens what
    // is closed would otherwise make the server accept and close in a tight loop.
    const tarpit = await Promise.all([1, 2, 3, 4].map(() => idleSocket(server)))
    const unanswered = healthOn(tarpit[0].socket).then(() => 'answered')
    // Past that, connections are closed at accept.
    const refused = await idleSocket(server)
    await refused.closed
    // The held ones still serve; the tarpit's are open, and a request on one is not read.
    expect(await healthOn(held[0].socket)).toBe('HTTP/1.1 200 OK')
    expect(tarpit.every((t) => !t.socket.destroyed)).toBe(true)
    expect(await Promise.race([unanswered, healthOn(held[1].socket)])).toBe('HTTP/1.1 200 OK')
    expect(server.hasExited()).toBe(false)
  })

  it('a held connection over the cap is closed after the headers timeout', async () => {
    const server = await serve({
      MERIDIAN_MAX_CONNECTIONS_PER_ADDRESS: '1',
      MERIDIAN_HEADERS_TIMEOUT_MS: '500',
    })
    const first = await idleSocket(server)
    const over = await idleSocket(server)
    await Promise.all([first.closed, over.closed])
    // The address's count is back to zero: a new connection is served.
    expect((await fetch(server.origin + '/healthz')).status).toBe(200)
  })

  it('the total number of connections is capped', async () => {
    const server = await serve({ MERIDIAN_MAX_CONNECTIONS: '3' })
    await Promise.all([1, 2, 3].map(() => idleSocket(server)))
    const refused = await idleSocket(server)
    await refused.closed
    expect(server.hasExited()).toBe(false)
  })
})

/** POST /api/roadmaps from `localAddress` on a connection of its own; resolves with the status and the connection header. */
function createFrom(
  server: ServerProcess,
  localAddress: string,
): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ title: 'Refused' })
    const socket = net.connect({ port: server.port, host: '127.0.0.1', localAddress })
    let text = ''
    socket.setEncoding('utf8')
    socket.on('error', reject)
    socket.on('data', (chunk: string) => {
      text += chunk
      const end = text.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = text.slice(0, end).split('\r\n')
      const connection = head
        .find((l) => l.toLowerCase().startsWith('connection:'))
        ?.slice('connection:'.length)
        .trim()
      resolve({ status: Number(head[0].split(' ')[1]), connection })
      socket.destroy()
    })
    socket.write(
      'POST /api/roadmaps HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  })
}

// Past 20 refusals (429 here: creations over the rate) an address's new connections wait.
const REFUSALS_BEFORE_SLOWED = 20

/**
 * `n` creations from 127.0.0.1 at once, all refused (the minute's one creation already made):
 * each on a connection of its own, all accepted before the first is answered.
 */
async function refuse(server: ServerProcess, n: number): Promise<void> {
  const answers = await Promise.all(
    Array.from({ length: n }, () => createFrom(server, '127.0.0.1')),
  )
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 429))
}

describe('an address that keeps drawing refusals', () => {
  it('has its next connections held before they are served, while other addresses are served at once', async () => {
    const server = await serve({
      MERIDIAN_CREATES_PER_MINUTE: '1',
      // long beside a request from elsewhere; connections held while the refusals pile up
      // below are answered after it
      MERIDIAN_REFUSED_DELAY_MS: '4000',
    })
    expect((await createFrom(server, '127.0.0.1')).status).toBe(201)
    // Some refusals do not slow an address: its next connection is answered as ever.
    await refuse(server, REFUSALS_BEFORE_SLOWED / 2)
    expect((await createFrom(server, '127.0.0.1')).status).toBe(429)
    // Past them, its next connection is not read for a while; another address is served.
    await refuse(server, 2 * REFUSALS_BEFORE_SLOWED)
    const held = createFrom(server, '127.0.0.1').then(() => 'held one answered')
    const other = createFrom(server, '127.0.0.2').then((r) => `other address: ${r.status}`)
    expect(await Promise.race([held, other])).toBe('other address: 201')
    expect(server.hasExited()).toBe(false)
  })

  it('has a held connection served after the delay, not dropped', async () => {
    const server = await serve({
      MERIDIAN_CREATES_PER_MINUTE: '1',
      MERIDIAN_REFUSED_DELAY_MS: '300',
    })
    expect((await createFrom(server, '127.0.0.1')).status).toBe(201)
    await refuse(server, 2 * REFUSALS_BEFORE_SLOWED)
    // Still over the rate when it is read: answered 429, as any other request would be.
    expect((await createFrom(server, '127.0.0.1')).status).toBe(429)
  })

  it('is never slowed with MERIDIAN_REFUSED_DELAY_MS=0', async () => {
    const server = await serve({
      MERIDIAN_CREATES_PER_MINUTE: '1',
      MERIDIAN_REFUSED_DELAY_MS: '0',
    })
    expect((await createFrom(server, '127.0.0.1')).status).toBe(201)
    await refuse(server, 2 * REFUSALS_BEFORE_SLOWED)
    expect((await createFrom(server, '127.0.0.1')).status).toBe(429)
  })
})

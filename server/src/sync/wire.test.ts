import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { Outgoing, writeAll } from './wire.js'

describe('pre-built frames', () => {
  let server: http.Server
  let wss: WebSocketServer
  let serverSide: Promise<WebSocket>
  let client: WebSocket
  beforeAll(async () => {
    server = http.createServer()
    wss = new WebSocketServer({ server, perMessageDeflate: false })
    serverSide = new Promise((resolve) => wss.once('connection', resolve))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
    await new Promise((resolve) => client.once('open', resolve))
  })
  afterAll(async () => {
    client.terminate()
    wss.close()
    await new Promise((resolve) => server.close(resolve))
  })

  it('arrive as the same messages, for every length encoding, in order', async () => {
    const ws = await serverSide
    const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 300_000]
    const payloads = sizes.map((n) => {
      const b = Buffer.alloc(n)
      for (let i = 0; i < n; i++) b[i] = (i * 31 + n) & 255
      return b
    })
    const received: Buffer[] = []
    const all = new Promise<void>((resolve) => {
      client.on('message', (d: Buffer) => {
        received.push(d)
        if (received.length === payloads.length) resolve()
      })
    })
    const shared = payloads.map((p) => Outgoing.of(p))
    writeAll(ws, Outgoing.join(Outgoing.join(shared[0], shared[1]), shared[2]))
    for (const m of shared.slice(3)) writeAll(ws, m)
    await all
    expect(received.map((b) => b.byteLength)).toEqual(sizes)
    received.forEach((b, i) => expect(b.equals(payloads[i])).toBe(true))
  })
})

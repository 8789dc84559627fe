#!/usr/bin/env node
// The floor: the cheapest y-websocket fan-out Node can do on this machine, for reference only.
// No store, no Yjs, no roles, no checks: sync step 1 gets an empty step 2 (so a client counts
// itself synced), every update or awareness frame is framed once and written raw to every other
// socket of its room (one write per delivery, as every relaying server does without batching),
// anything else (a client's step 2, an awareness query) gets nothing. The harness runs it as the
// target `floor-relay` (bench/harness/lib/targets.mjs; env PORT, HOST):
//
//   cd bench/harness && node run.mjs --target floor-relay --scenario sessions --rooms 150
//   pnpm bench -- --compare           (measured beside the anchors in the sessions sizes)
//
// What it costs (p99 latency, server CPU) is what relaying one message at a time costs here,
// whatever the server does besides: bench/floor/README.md says how to read it.
import http from 'node:http'
import { createRequire } from 'node:module'

const require = createRequire(new URL('../harness/package.json', import.meta.url))
const { WebSocketServer, WebSocket } = require('ws')
const OPEN = WebSocket.OPEN

const rooms = new Map()
const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0])

function frameOf(payload) {
  const n = payload.length
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10
  const out = Buffer.allocUnsafe(head + n)
  out[0] = 0x82
  if (n < 126) out[1] = n
  else if (n < 65536) {
    out[1] = 126
    out.writeUInt16BE(n, 2)
  } else {
    out[1] = 127
    out.writeUInt32BE(0, 2)
    out.writeUInt32BE(n, 6)
  }
  out.set(payload, head)
  return out
}

// The scenarios' frames are a few hundred bytes; anything near this bound is not a client of theirs.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1 << 20 })
const server = http.createServer((_req, res) => res.end('ok'))
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => {
    const name = (req.url ?? '/').split('?')[0]
    let room = rooms.get(name)
    if (!room) rooms.set(name, (room = new Set()))
    room.add(ws)
    ws.on('error', () => ws.terminate())
    ws.on('close', () => {
      room.delete(ws)
      if (room.size === 0 && rooms.get(name) === room) rooms.delete(name)
    })
    ws.on('message', (data) => {
      if (data[0] === 0 && data[1] === 0) return void ws.send(EMPTY_STEP2)
      if ((data[0] === 0 && data[1] === 2) || data[0] === 1) {
        const frame = frameOf(data)
        for (const other of room)
          if (other !== ws && other.readyState === OPEN) other._socket.write(frame)
      }
    })
  }),
)
server.listen(Number(process.env.PORT ?? 8090), process.env.HOST ?? '127.0.0.1')

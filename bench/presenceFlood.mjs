// The presence abuser of the abuse bench (bench/abuse.mjs): awareness frames built by hand
// (y-protocols' awareness message, so no Yjs is needed to flood), sent past every presence limit
// of server/src/sync/awareness.ts and at the most those limits allow.
import http from 'node:http'
import { createRequire } from 'node:module'

function varUint(n) {
  const out = []
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return Buffer.from(out)
}

/** An awareness message announcing `states` ([clientId, clock, state]) in one frame. */
function presenceFrame(states) {
  const parts = [varUint(states.length)]
  for (const [clientId, clock, state] of states) {
    const json = Buffer.from(JSON.stringify(state))
    parts.push(varUint(clientId), varUint(clock), varUint(json.length), json)
  }
  const body = Buffer.concat(parts)
  return Buffer.concat([varUint(1), varUint(body.length), body])
}

/**
 * Three presence abusers on `roadmapId`, each reopening its socket as the server closes it: a
 * flood of the most a connection may announce (4 client ids, ~8 KB states, a new clock every
 * message, as fast as its socket drains), one message naming 1,000 client ids, one 16 KB state.
 * `from`: the local address the abuser connects from.
 */
export async function presenceFlood(port, roadmapId, token, from) {
  const WebSocket = createRequire(new URL('../tests/package.json', import.meta.url))('ws')
  const url = `ws://127.0.0.1:${port}/ws/${roadmapId}?token=${encodeURIComponent(token)}`
  const open = () =>
    new Promise((resolve) => {
      const ws = new WebSocket(url, { localAddress: from })
      ws.on('error', () => undefined)
      ws.once('open', () => resolve(ws))
      ws.once('close', () => resolve(null))
    })
  const closed = (ws) => new Promise((resolve) => ws.once('close', (code) => resolve(code)))
  const send = (ws, frame) => new Promise((resolve) => ws.send(frame, () => resolve()))
  const base = 900_000_000
  const pad = 'x'.repeat(16 * 1024)
  // The cursor moves with every message: no state repeats one already seen.
  const user = (bytes, cursor = 0) => ({
    user: { name: 'Flood', color: '#ff0000', note: pad.slice(0, bytes) },
    cursor,
  })
  // What it managed, told when the bench ends it (SIGTERM): the flood's rate is the server's.
  const sent = { messages: 0, bytes: 0, closes: {} }
  const started = performance.now()
  process.once('SIGTERM', () => {
    const s = (performance.now() - started) / 1000
    console.error(
      `[abuse] presence: ${Math.round(sent.messages / s)} flood messages/s ` +
        `(${(sent.bytes / s / 1e6).toFixed(1)} MB/s), closed by the server: ${JSON.stringify(sent.closes)}`,
    )
    process.exit(0)
  })
  const close = (code) => (sent.closes[code] = (sent.closes[code] ?? 0) + 1)
  const flood = async () => {
    for (let clock = 1; ;) {
      const ws = await open()
      if (!ws) continue
      ws.once('close', close)
      while (ws.readyState === WebSocket.OPEN) {
        clock++
        const frame = presenceFrame([0, 1, 2, 3].map((i) => [base + i, clock, user(7_900, clock)]))
        await send(ws, frame)
        sent.messages++
        sent.bytes += frame.length
      }
    }
  }
  const refusedOnce = (frame) => async () => {
    for (;;) {
      const ws = await open()
      if (!ws) continue
      await send(ws, frame)
      close(await closed(ws))
    }
  }
  const manyIds = presenceFrame(
    Array.from({ length: 1_000 }, (_, i) => [base + 10 + i, 1, user(8)]),
  )
  const oversize = presenceFrame([[base + 5_000, 1, user(16 * 1024)]])
  return Promise.all([flood(), refusedOnce(manyIds)(), refusedOnce(oversize)()])
}

/** POST /api/roadmaps from `from`; the created roadmap (id and tokens). */
export function createAs(port, from, title) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        localAddress: from,
        port,
        path: '/api/roadmaps',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (text += c))
        res.on('end', () => {
          if (res.statusCode === 201) resolve(JSON.parse(text))
          else reject(new Error(`creating a roadmap: HTTP ${res.statusCode} ${text}`))
        })
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify({ title }))
  })
}

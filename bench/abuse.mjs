#!/usr/bin/env node
// Abuse: how much one abusive client slows everyone else. A well-behaved editor edits a
// roadmap (one edit every 25 ms) and a second client receives the edits; the p99 of
// edit-to-receipt latency is measured alone, then during a flood from one abusive client of
// each kind (idle sockets, oversize bodies, slow bodies, a date bomb, big imports, a presence
// flood in the editor's roadmap and in another), each in a process of its own against one
// server process (from source, default limits). Target: each flood's p99 within 2x of the run
// alone. Each abuser runs at the lowest CPU priority (nice 19; ABUSE_NICE=0 to not): on a
// real deployment its own work (building 36 MB/s of frames) is on its own machine, and here
// it would compete for the shared cores with the editor it is measured against. What the
// server has to take from it is unchanged: the presence abuser reports its rate.
//
//   node bench/abuse.mjs [edits=300] [--rounds 3] [--kinds idle,presence]   (from source; set
//     MERIDIAN_IT_SERVER=server/dist/main.js for the build, which `pnpm bench` runs)
//   pnpm bench -- --scenarios abuse [--edits 300] [--rounds 3]
import { spawn } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'
import { createAs, presenceFlood } from './presenceFlood.mjs'

register()
const SELF = fileURLToPath(import.meta.url)
const KINDS = ['idle', 'oversize', 'slow', 'datebomb', 'import', 'presence', 'presence-room']
// The abuser comes from an address of its own (another loopback address), as it would.
const ABUSER = '127.0.0.2'
const NICE = process.env.ABUSE_NICE !== '0'

// ---- the abusers (run as `node bench/abuse.mjs --abuser <kind> <port> <roadmapId> <token>`) ----

function post(port, path, body, headers = {}) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        localAddress: ABUSER,
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode))
        res.on('error', () => resolve(0))
      },
    )
    req.on('error', () => resolve(0))
    req.end(body)
  })
}

async function abuse(kind, port, roadmapId, token) {
  const forever = async (n, work) =>
    Promise.all(
      Array.from({ length: n }, async () => {
        for (;;) await work()
      }),
    )
  switch (kind) {
    case 'idle': {
      // as many idle sockets as the server lets one address hold, reopened as they close
      const open = () =>
        new Promise((resolve) => {
          const s = net.connect({ port, host: '127.0.0.1', localAddress: ABUSER })
          s.on('error', () => undefined)
          s.on('close', () => resolve())
        })
      return forever(400, open)
    }
    case 'oversize': {
      const big = Buffer.alloc(70 * 1024, 0x20)
      const huge = Buffer.alloc(17 * 1024 * 1024, 0x20)
      return Promise.all([
        forever(4, () => post(port, '/api/roadmaps', big)),
        forever(1, () =>
          post(port, '/api/roadmaps/import', huge, { 'transfer-encoding': 'chunked' }),
        ),
      ])
    }
    case 'slow': {
      const trickle = () =>
        new Promise((resolve) => {
          const s = net.connect({ port, host: '127.0.0.1', localAddress: ABUSER }, () => {
            s.write(
              `POST /api/roadmaps/import HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n`,
            )
            const t = setInterval(() => s.write(' '), 200)
            s.on('close', () => clearInterval(t))
          })
          s.on('error', () => undefined)
          s.on('close', () => resolve())
        })
      return forever(100, trickle)
    }
    case 'datebomb': {
      const bomb = JSON.stringify({
        format: 'meridian-roadmap',
        version: 1,
        meta: { title: 'Bomb', horizonStart: '0001-01-01', horizonEnd: '9999-12-31' },
      })
      const report = () =>
        new Promise((resolve) => {
          http
            .get(
              {
                host: '127.0.0.1',
                localAddress: ABUSER,
                port,
                path: `/api/roadmaps/${roadmapId}/report?today=9999-12-31`,
                agent: false,
                headers: { authorization: `Bearer ${token}` },
              },
              (res) => {
                res.resume()
                res.on('end', resolve)
              },
            )
            .on('error', resolve)
        })
      return Promise.all([
        forever(2, () => post(port, '/api/roadmaps/import', bomb)),
        forever(2, report),
      ])
    }
    case 'import': {
      const model = await import('../packages/model/src/index.ts')
      const Y = await import(
        new URL('../packages/model/node_modules/yjs/dist/yjs.mjs', import.meta.url).href
      )
      const doc = new Y.Doc()
      model.largeRoadmap(doc, { features: 2000, lanes: 40, seed: 3 })
      const body = JSON.stringify(model.exportRoadmap(doc))
      return forever(2, () => post(port, '/api/roadmaps/import', body))
    }
    case 'presence':
      return presenceFlood(port, roadmapId, token, ABUSER)
    case 'presence-room': {
      // the same flood in a roadmap of its own on the same server
      const created = await createAs(port, ABUSER, 'Flood')
      return presenceFlood(port, created.id, created.viewerToken, ABUSER)
    }
    default:
      throw new Error(`unknown abuser ${kind}`)
  }
}

// ---- the measurement -------------------------------------------------------------------------

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

async function measure(h, server, roadmap, edits) {
  const a = await h.connectedProvider(server, roadmap.id, roadmap.editorToken)
  const b = await h.connectedProvider(server, roadmap.id, roadmap.viewerToken)
  const latencies = []
  // The measuring client's own stalls (scheduling on the shared cores, its GC) are in every
  // latency it measures: the table shows them beside the figures, as the floor of the tail.
  const stalls = monitorEventLoopDelay({ resolution: 1 })
  stalls.enable()
  const run = `r${Math.random().toString(36).slice(2)}`
  const done = new Promise((resolve) => {
    b.doc.getMap('bench').observe((e) => {
      const now = performance.now()
      for (const key of e.keysChanged) {
        if (!key.startsWith(run)) continue
        latencies.push(now - b.doc.getMap('bench').get(key))
        if (latencies.length === edits) resolve()
      }
    })
  })
  const bound = setTimeout(() => {
    console.error(`[abuse] only ${latencies.length} of ${edits} edits arrived within 60 s`)
    process.exit(1)
  }, 60_000)
  for (let i = 0; i < edits; i++) {
    a.doc.getMap('bench').set(`${run}-${i}`, performance.now())
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  await done
  clearTimeout(bound)
  h.destroyAll(a, b)
  stalls.disable()
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), stall: stalls.max / 1e6 }
}

async function main() {
  const argv = process.argv.slice(2)
  if (argv[0] === '--abuser') return abuse(argv[1], Number(argv[2]), argv[3], argv[4])
  const ei = argv.indexOf('--edits')
  // a bare number is the edit count; a flag's value is not
  const bare = argv.find((x, i) => /^\d+$/.test(x) && !argv[i - 1]?.startsWith('--'))
  const edits = Number(ei >= 0 ? argv[ei + 1] : (bare ?? 300))
  const servers = await import('../tests/integration/helpers/server.ts')
  const h = await import('../tests/integration/helpers/provider.ts')
  const { createRoadmap } = await import('../tests/integration/helpers/api.ts')
  // The server's default limits, as a deployment has them.
  // ABUSE_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
  const server = await servers.startServer({
    env: { MERIDIAN_CREATES_PER_MINUTE: '30', MERIDIAN_SNAPSHOTS_PER_MINUTE: '6' },
    nodeArgs: (process.env.ABUSE_NODE_ARGS ?? '').split(' ').filter(Boolean),
  })
  // The measuring client (this process: the editor and the receiver) runs above the server's
  // priority once the server is started: on a deployment the editor is on a machine of its own,
  // as the abuser is, and here its own waits for the shared cores (the client stall column)
  // would otherwise be most of the tail it measures. The server's delays are all still in it.
  let raised = false
  try {
    os.setPriority(-10)
    raised = true
  } catch {
    // not allowed here: the client shares the cores at the server's priority
  }
  try {
    // Each measurement has a roadmap of its own: the edits of earlier ones would otherwise
    // grow the document (and its log) through the run, and later rows would measure a larger
    // roadmap than the first.
    const fresh = () => createRoadmap(server, 'Abuse bench')
    const ki = argv.indexOf('--kinds')
    const kinds = ki >= 0 ? argv[ki + 1].split(',') : KINDS
    const ri = argv.indexOf('--rounds')
    const rounds = Number(ri >= 0 ? argv[ri + 1] : 3)
    // Rounds of alone, then each abuser in turn: the figures are each one's median over the
    // rounds, so that one scheduling hiccup on the shared cores does not decide a row.
    const runs = new Map([['alone', []], ...kinds.map((k) => [k, []])])
    const alive = new Map()
    for (let round = 0; round < rounds; round++) {
      runs.get('alone').push(await measure(h, server, await fresh(), edits))
      for (const kind of kinds) {
        const roadmap = await fresh()
        const child = spawn(
          NICE ? 'nice' : process.execPath,
          [
            // -n is added to this process's niceness (raised above): past the range it is 19.
            ...(NICE ? ['-n', '39', process.execPath] : []),
            SELF,
            '--abuser',
            kind,
            String(server.port),
            roadmap.id,
            roadmap.viewerToken,
          ],
          { stdio: 'inherit' },
        )
        // Give the flood time to build up before measuring under it.
        await new Promise((resolve) => setTimeout(resolve, 1_000))
        runs.get(kind).push(await measure(h, server, roadmap, edits))
        // SIGTERM: the presence abuser reports what it managed before it exits.
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
        alive.set(kind, !server.hasExited())
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const row = (kind) => ({
      p50: median(runs.get(kind).map((r) => r.p50)),
      p99: median(runs.get(kind).map((r) => r.p99)),
      each: runs
        .get(kind)
        .map((r) => r.p99.toFixed(1))
        .join(' / '),
      stall: median(runs.get(kind).map((r) => r.stall)),
    })
    const alone = row('alone')
    console.log(
      `\nAbuse: edit-to-receipt latency of a well-behaved editor (${edits} edits, median of ${rounds} rounds, ms; measuring client at ${raised ? 'nice -10' : "the server's priority"})\n`,
    )
    console.log(
      '| abuser | p50 | p99 | p99 of each round | p99 vs alone | within 2x | client stall |',
    )
    console.log('| --- | ---: | ---: | ---: | ---: | :---: | ---: |')
    for (const kind of ['alone', ...kinds]) {
      const r = row(kind)
      const ratio = r.p99 / alone.p99
      const verdict =
        kind === 'alone' ? '' : !alive.get(kind) ? 'server died' : ratio <= 2 ? 'yes' : 'no'
      console.log(
        `| ${kind} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.each} | ${ratio.toFixed(2)}x | ${verdict} | ${r.stall.toFixed(1)} |`,
      )
    }
    console.log(
      "\nclient stall: the longest the measuring client's own event loop was late in a round (median of the rounds), ms. It is in every latency that client measures, abuser or not: the tail cannot be read finer than that.",
    )
  } finally {
    // a profiled server writes its profile on a clean exit
    await server.stop(process.env.ABUSE_NODE_ARGS ? 'SIGTERM' : 'SIGKILL')
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

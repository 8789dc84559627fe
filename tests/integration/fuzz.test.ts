// Seeded fuzzing of the WebSocket protocol against a live server process: thousands of hostile
// frames over many sockets. The server must stay up and keep serving well-behaved clients; a
// malformed frame may only cost the socket that sent it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRoadmap, healthz } from './helpers/api.js'
import type { CreatedRoadmap } from './helpers/api.js'
import { FrameFuzzer } from './helpers/fuzzFrames.js'
import type { FuzzFrame } from './helpers/fuzzFrames.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import { ServerFixture } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'
import { waitForDoc, within } from './helpers/wait.js'

const MAX_PAYLOAD = 64 * 1024
const SEED = Number(process.env.FUZZ_SEED ?? 0x6d65726964)
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
const BATCH = 250
const SOCKETS = 8
/** Close codes a hostile frame may cause: 4400 (malformed, DESIGN) and 1009 (over MAX_PAYLOAD). */
const ALLOWED_CLOSE_CODES = new Set([4400, 1009])

/** Failing seeds found so far, replayed as named tests (seed, frames up to the failing batch). */
const REGRESSIONS: { name: string; seed: number; frames: number }[] = []

interface Stats {
  sent: number
  processed: number
  reconnects: number
  closeCodes: Map<number, number>
  kinds: Map<string, number>
}

const inc = (m: Map<string | number, number>, k: string | number): void => {
  m.set(k, (m.get(k) ?? 0) + 1)
}

/**
 * One fuzz socket: each frame is followed by a sync-step-1 barrier; the server's step-2 answer
 * (or the socket's close) proves the frame was processed. A closed socket is replaced.
 */
async function fuzzSocket(
  server: ServerProcess,
  roadmap: CreatedRoadmap,
  token: string,
  queue: FuzzFrame[],
  barrierSv: Uint8Array,
  stats: Stats,
): Promise<void> {
  let client: RawClient | null = null
  let step2Seen = 0
  const open = async (): Promise<RawClient> => {
    const c = await RawClient.open(wsUrl(server, roadmap.id, token))
    step2Seen = 0
    c.on('frame', (d: { kind: string }) => {
      if (d.kind === 'sync-step2') step2Seen++
    })
    void c.closed.then(({ code }) => inc(stats.closeCodes, code))
    return c
  }
  for (const f of queue) {
    if (!client || !client.isOpen) {
      if (client) stats.reconnects++
      client = await open()
    }
    const c = client
    const want = step2Seen + 1
    const answered = new Promise<void>((resolve) => {
      const onFrame = (): void => {
        if (step2Seen >= want) {
          c.off('frame', onFrame)
          resolve()
        }
      }
      c.on('frame', onFrame)
      void c.closed.then(() => {
        c.off('frame', onFrame)
        resolve()
      })
    })
    stats.sent++
    inc(stats.kinds, f.kind)
    if (f.text) c.ws.send(Buffer.from(f.data).toString('latin1'))
    else c.ws.send(f.data)
    if (c.isOpen) c.ws.send(frames.syncStep1(barrierSv))
    await within(answered, `server answer to a ${f.kind} frame`)
    stats.processed++
  }
  if (client && client.isOpen) await client.close()
}

async function runFuzz(fx: ServerFixture, seed: number, totalFrames: number): Promise<Stats> {
  const server = fx.server
  const roadmap = await createRoadmap(server, `Fuzz ${seed}`)
  const a = await connectedProvider(server, roadmap.id, roadmap.editorToken)
  const b = await connectedProvider(server, roadmap.id, roadmap.editorToken)
  const fuzzer = new FrameFuzzer(seed, MAX_PAYLOAD)
  const stats: Stats = {
    sent: 0,
    processed: 0,
    reconnects: 0,
    closeCodes: new Map(),
    kinds: new Map(),
  }
  let batch = 0
  try {
    for (let done = 0; done < totalFrames; done += BATCH, batch++) {
      const batchFrames = Array.from({ length: Math.min(BATCH, totalFrames - done) }, () =>
        fuzzer.next(),
      )
      // A state vector claiming everything the known clients wrote keeps the barrier answers small.
      const sv = new Map<number, number>([
        [a.doc.clientID, 2 ** 31],
        [b.doc.clientID, 2 ** 31],
        [fuzzer.doc.clientID, 2 ** 31],
      ])
      const barrierSv = Y.encodeStateVector(sv)
      await Promise.all(
        Array.from({ length: SOCKETS }, (_, s) =>
          fuzzSocket(
            server,
            roadmap,
            // Every fourth socket is a viewer: its updates must be dropped, not crash anything.
            s % 4 === 3 ? roadmap.viewerToken : roadmap.editorToken,
            batchFrames.filter((_, i) => i % SOCKETS === s),
            barrierSv,
            stats,
          ),
        ),
      )
      expect(server.hasExited(), 'server process exited').toBe(false)
      expect(await healthz(server)).toBe(200)
      // The well-behaved editor's edit reaches the other well-behaved client after every batch.
      a.doc.getMap('probe').set('batch', batch)
      await waitForDoc(
        b.doc,
        (d) => d.getMap('probe').get('batch') === batch,
        `probe ${batch} at b`,
      )
    }
    // Both well-behaved clients agree on everything they hold.
    const key = (d: Y.Doc): string =>
      JSON.stringify([d.getMap('features').toJSON(), d.getText('fuzz').toString()])
    await waitForDoc(b.doc, () => key(a.doc) === key(b.doc), 'a and b converge')
  } catch (e) {
    const msg = `fuzz failed: seed ${seed} (FUZZ_SEED=${seed} FUZZ_FRAMES=${(batch + 1) * BATCH}) at batch ${batch}: ${String(e)}`
    console.error(msg + '\nserver log tail:\n' + server.logs().slice(-20).join('\n'))
    throw new Error(msg, { cause: e })
  } finally {
    destroyAll(a, b)
  }
  return stats
}

describe('protocol fuzzing against a live server', () => {
  const fx = new ServerFixture({ MAX_PAYLOAD: String(MAX_PAYLOAD), LOG_LEVEL: 'warn' })
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    await fx.dispose()
  })

  it(`survives ${FRAMES} seeded hostile frames (seed ${SEED})`, { timeout: 180_000 }, async () => {
    const stats = await runFuzz(fx, SEED, FRAMES)
    console.info(
      `fuzz seed ${SEED}: ${stats.processed}/${stats.sent} frames processed, ${stats.reconnects} reconnects, close codes ${JSON.stringify([...stats.closeCodes])}`,
    )
    expect(stats.processed).toBe(FRAMES)
    const unexpected = [...stats.closeCodes.keys()].filter(
      (c) => !ALLOWED_CLOSE_CODES.has(c) && c !== 1000 && c !== 1005,
    )
    expect(unexpected, 'close codes other than 4400/1009').toEqual([])
  })

  for (const r of REGRESSIONS) {
    it(`regression: ${r.name} (seed ${r.seed})`, { timeout: 120_000 }, async () => {
      const stats = await runFuzz(fx, r.seed, r.frames)
      expect(stats.processed).toBe(r.frames)
    })
  }
})

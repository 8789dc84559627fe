// Seeded fuzzing of the WebSocket protocol against a live server process: thousands of hostile
// frames over many sockets. The server must stay up and keep serving well-behaved clients; a
// malformed frame may only cost the socket that sent it.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { CLOSE, WS_CLOSE } from '@meridian/protocol'
import { createRoadmap, healthz } from './helpers/api.js'
import type { CreatedRoadmap } from './helpers/api.js'
import { FrameFuzzer } from './helpers/fuzzFrames.js'
import type { FuzzFrame } from './helpers/fuzzFrames.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import { ServerFixture } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'
import { waitForDoc, waitForDocs, within, stableJson } from './helpers/wait.js'

const MAX_PAYLOAD = 64 * 1024
const SEED = Number(process.env.FUZZ_SEED ?? 0x6d65726964)
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
/** A failure bound, not a wait: scales with the frames, so FUZZ_FRAMES=100000 runs in one go. */
const FUZZ_TIMEOUT_MS = 180_000 * Math.max(1, FRAMES / 10_000)
const BATCH = 250
const SOCKETS = 8
/**
 * Close codes a hostile frame may cause: malformed (4400), over MAX_PAYLOAD (1009), and
 * presence over the limits (4413: a state too large, or a flood of client ids).
 */
const ALLOWED_CLOSE_CODES = new Set<number>([
  CLOSE.protocolError.code,
  WS_CLOSE.messageTooBig,
  CLOSE.presenceTooLarge.code,
])

/**
 * Failing frames found so far, replayed alone on a fresh roadmap as named tests. Each is kept as
 * bytes in fixtures/ (named after the seed and the frame's index in that seed's sequence, see
 * `frameAt`), so a later change to the generator cannot lose it.
 */
const REGRESSIONS: { name: string; fixture: string }[] = [
  // Mutated sync steps 2 that Y.decodeUpdate accepts but that throw inside Item.integrate;
  // relayed and stored, they broke the connected clients' documents and every newcomer's load.
  {
    name: 'sync step 2 that decodes but does not integrate',
    fixture: 'fuzz-469853432164-4199.bin',
  },
  {
    name: 'sync step 2 that decodes but does not integrate (2)',
    fixture: 'fuzz-469853432164-5753.bin',
  },
]

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

async function runFuzz(
  fx: ServerFixture,
  seed: number,
  totalFrames: number,
  only?: FuzzFrame[],
): Promise<Stats> {
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
  // y-protocols catches an update that fails to integrate and only logs it: collect those.
  const clientErrors: string[] = []
  const consoleError = console.error.bind(console)
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).startsWith('Caught error while handling a Yjs update'))
      clientErrors.push(String(args[1]))
    else consoleError(...args)
  })
  let batch = 0
  try {
    for (let done = 0; done < totalFrames; done += BATCH, batch++) {
      const batchFrames =
        only ?? Array.from({ length: Math.min(BATCH, totalFrames - done) }, () => fuzzer.next())
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
      // What the server relayed applied cleanly at the well-behaved clients...
      expect(clientErrors, 'updates relayed by the server failed to apply at a client').toEqual([])
      // ...and what it serves a newcomer (its whole state) loads into a fresh document.
      const auditor = await RawClient.open(wsUrl(server, roadmap.id, roadmap.editorToken))
      try {
        Y.applyUpdate(new Y.Doc(), await auditor.handshake())
      } finally {
        await auditor.close()
      }
    }
    // Both well-behaved clients agree on everything they hold.
    const key = (d: Y.Doc): string =>
      stableJson([d.getMap('features').toJSON(), d.getText('fuzz').toString()])
    await waitForDocs([a.doc, b.doc], () => key(a.doc) === key(b.doc), 'a and b converge')
  } catch (e) {
    const msg = only
      ? `fuzz regression failed: ${String(e)}`
      : `fuzz failed: seed ${seed} (FUZZ_SEED=${seed} FUZZ_FRAMES=${(batch + 1) * BATCH}) at batch ${batch}, frames ${batch * BATCH}..${(batch + 1) * BATCH - 1}: ${String(e)}`
    console.error(msg + '\nserver log tail:\n' + server.logs().slice(-20).join('\n'))
    throw new Error(msg, { cause: e })
  } finally {
    spy.mockRestore()
    destroyAll(a, b)
  }
  return stats
}

describe('protocol fuzzing against a live server', () => {
  // Without the reconnect penalty (server/src/sync/penaltyBox.ts): the fuzzer reopens at once
  // after every hostile frame the server closes it for, by design.
  const fx = new ServerFixture({ MAX_PAYLOAD: String(MAX_PAYLOAD), MERIDIAN_WS_PENALTY_MS: '0' })
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    await fx.dispose()
  })

  it(
    `survives ${FRAMES} seeded hostile frames (seed ${SEED})`,
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const stats = await runFuzz(fx, SEED, FRAMES)
      console.info(
        `fuzz seed ${SEED}: ${stats.processed}/${stats.sent} frames processed, ${stats.reconnects} reconnects, close codes ${JSON.stringify([...stats.closeCodes])}`,
      )
      expect(stats.processed).toBe(FRAMES)
      const unexpected = [...stats.closeCodes.keys()].filter(
        (c) => !ALLOWED_CLOSE_CODES.has(c) && c !== 1000 && c !== 1005,
      )
      expect(unexpected, 'close codes other than 4400/1009/4413').toEqual([])
    },
  )

  for (const r of REGRESSIONS) {
    it(`regression: ${r.name} (${r.fixture})`, async () => {
      const data = new Uint8Array(readFileSync(new URL(`./fixtures/${r.fixture}`, import.meta.url)))
      const stats = await runFuzz(fx, SEED, 1, [{ kind: 'regression', data }])
      expect(stats.processed).toBe(1)
    })
  }
})

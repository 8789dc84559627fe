// Crash safety: 20 clients edit concurrently, the server gets SIGKILL mid-editing, restarts on the
// same data dir, and a fresh provider has every edit the server had already broadcast ("a crash
// loses nothing that was broadcast", docs/ARCHITECTURE.md → "Persistence guarantees").
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import * as prng from 'lib0/prng'
import { createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll, openProvider } from './helpers/provider.js'
import { ServerFixture } from './helpers/server.js'
import { waitForEvent, within } from './helpers/wait.js'

const CLIENTS = 20
const SEED = 20261127
/** Edits per client per second while the load runs (the workload's pace, not a wait). */
const RATE_PER_CLIENT = 25
/** SIGKILL once this many edits have been acknowledged, while every client keeps editing. */
const KILL_AFTER_ACKED = 600
// Each y-websocket provider in Node adds a process 'exit' listener.
process.setMaxListeners(CLIENTS + 10)

describe('SIGKILL mid-editing', () => {
  const fx = new ServerFixture()
  const providers: WebsocketProvider[] = []
  const timers: NodeJS.Timeout[] = []
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    for (const t of timers) clearInterval(t)
    destroyAll(...providers)
    await fx.dispose()
  })

  it('keeps every acknowledged edit', async () => {
    const roadmap = await createRoadmap(fx.server, 'Crash')
    const editors = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        connectedProvider(fx.server, roadmap.id, roadmap.editorToken),
      ),
    )
    providers.push(...editors)

    // Acknowledged = another client received it: the server has broadcast it.
    const acked = new Set<string>()
    let sent = 0
    let reachedKillPoint: () => void = () => {}
    const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve))
    editors.forEach((p, i) => {
      p.doc.getMap('features').observe((event) => {
        if (event.transaction.local) return
        for (const key of event.keysChanged) {
          if (!key.startsWith(`c${i}-`)) acked.add(key)
        }
        if (acked.size >= KILL_AFTER_ACKED) reachedKillPoint()
      })
    })

    const gen = prng.create(SEED)
    editors.forEach((p, i) => {
      let seq = 0
      const features = p.doc.getMap('features')
      const edit = (): void => {
        const id = `c${i}-${seq++}`
        p.doc.transact(() => {
          const f = new Y.Map<unknown>()
          features.set(id, f)
          f.set('id', id)
          f.set('title', prng.word(gen, 3, 20))
          f.set('rank', `a${prng.uint32(gen, 0, 1e6)}`)
        }, 'editor')
        sent++
      }
      // Staggered starts so the clients do not edit in lockstep.
      const start = setTimeout(
        () => timers.push(setInterval(edit, 1000 / RATE_PER_CLIENT)),
        prng.uint32(gen, 0, 40),
      )
      timers.push(start)
    })

    await within(killPoint, `${KILL_AFTER_ACKED} acknowledged edits`, 60_000)
    const server = fx.server
    process.kill(server.pid, 'SIGKILL')
    const exit = await server.exited
    expect(exit.signal).toBe('SIGKILL')
    // The editing clients are discarded: they must not heal the restarted server.
    for (const t of timers) clearInterval(t)
    destroyAll(...editors)
    providers.length = 0
    const ackedAtKill = [...acked]
    expect(ackedAtKill.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKED)
    expect(sent).toBeGreaterThanOrEqual(ackedAtKill.length)

    const restarted = await fx.start()
    const fresh = openProvider(restarted, roadmap.id, roadmap.editorToken, { connect: false })
    providers.push(fresh)
    const atSynced: { keys?: Set<string> } = {}
    fresh.on('sync', (s: boolean) => {
      if (s && !atSynced.keys) atSynced.keys = new Set(fresh.doc.getMap('features').keys())
    })
    fresh.connect()
    await waitForEvent<[boolean]>(fresh, 'sync', (s) => s, 'fresh provider synced')
    const present = atSynced.keys ?? new Set<string>()
    const lost = ackedAtKill.filter((k) => !present.has(k))
    console.info(
      `kill -9: ${sent} edits sent, ${ackedAtKill.length} acknowledged, ${present.size} present after restart, ${lost.length} acknowledged lost`,
    )
    expect(lost, `${lost.length} of ${ackedAtKill.length} acknowledged edits lost`).toEqual([])
    expect(present.size).toBeGreaterThanOrEqual(ackedAtKill.length)
  })
})

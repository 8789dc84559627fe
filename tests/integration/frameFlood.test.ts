// One connection sending tiny frames as fast as its socket takes them (here sync requests,
// each of which the server answers) against a real server process: the server reads that
// socket at its frame budget (server/src/sync/readPacer.ts, set small here), so while the
// flood goes on every edit of another client still reaches a third, /healthz answers, and
// the flooder itself is neither closed nor answered more than its budget allows. Without the
// pacer the server works through every frame it is sent, answering each one.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createRoadmap, healthz } from './helpers/api.js'
import { connectedProvider } from './helpers/provider.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import type { Decoded } from './helpers/raw.js'
import { waitForDoc } from './helpers/wait.js'
import { liveServer } from './helpers/liveServer.js'

const FLOOD = 100_000
const EDITS = 20
const FRAMES_PER_SECOND = 200

describe('a frame flood against a real server process', () => {
  const { fx, providers, raws } = liveServer({
    MERIDIAN_WS_FRAMES_PER_SECOND: String(FRAMES_PER_SECOND),
  })

  it('reads the flooder at its budget while everyone else is served', async () => {
    const roadmap = await createRoadmap(fx.server, 'Flooded')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    const watcher = await connectedProvider(fx.server, roadmap.id, roadmap.viewerToken)
    providers.push(editor, watcher)

    const flooder = await RawClient.open(wsUrl(fx.server, roadmap.id, roadmap.viewerToken))
    raws.push(flooder)
    await flooder.handshake()
    let answers = 0
    flooder.on('frame', (d: Decoded) => {
      if (d.kind === 'sync-step2') answers++
    })
    // All of it handed to the socket at once: it waits in the flooder's buffers and the
    // kernel's, as much as the server does not read.
    const request = frames.syncStep1()
    const sent = Promise.allSettled(Array.from({ length: FLOOD }, () => flooder.send(request)))

    const features = editor.doc.getMap('features')
    for (let i = 0; i < EDITS; i++) {
      features.set(`f${i}`, new Y.Map([['title', `Feature ${i}`]]))
      await waitForDoc(watcher.doc, (d) => d.getMap('features').has(`f${i}`), `edit ${i}`)
    }
    expect(await healthz(fx.server)).toBe(200)
    // The flood is far from worked through: what was answered is what the budget let in.
    expect(answers).toBeLessThan(FLOOD / 10)
    expect(flooder.isOpen).toBe(true)
    expect(watcher.doc.getMap('features').size).toBe(EDITS)
    flooder.terminate()
    await sent
    expect(fx.server.hasExited()).toBe(false)
  })
})

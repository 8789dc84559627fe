// The presence budget against a real server process (server/src/sync/presenceGate.ts): a raw
// ws client floods awareness messages for its own client id as fast as its socket drains,
// while an editor edits and a watcher receives. Every edit reaches the watcher during the
// flood, the watcher hears far fewer flood states than were sent, and the flooder is closed
// with 4413. A small budget (20/s; a flood is over 5× it for 2 s) so that even a slow,
// shared machine floods past it.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CLOSE } from '@meridian/protocol'
import { createRoadmap } from './helpers/api.js'
import { connectedProvider } from './helpers/provider.js'
import { RawClient, awarenessUpdateFor, frames, wsUrl } from './helpers/raw.js'
import type { Decoded } from './helpers/raw.js'
import { waitForDoc, waitForEvent } from './helpers/wait.js'
import { liveServer } from './helpers/liveServer.js'

const FLOOD_ID = 424_242
const EDITS = 20
/** flood messages sent before each round trip to the server */
const BATCH = 50

describe('a presence flood against a real server process', () => {
  const { fx, providers, raws } = liveServer({
    MERIDIAN_PRESENCE_RATE: '20',
    MERIDIAN_PRESENCE_BURST: '20',
    MERIDIAN_PRESENCE_FLOOD_FACTOR: '5',
    MERIDIAN_PRESENCE_FLOOD_SECONDS: '2',
  })

  it('relays every edit during the flood, holds the flood to the budget, and closes it', async () => {
    const roadmap = await createRoadmap(fx.server, 'Flooded')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    const watcher = await connectedProvider(fx.server, roadmap.id, roadmap.viewerToken)
    providers.push(editor, watcher)
    let heard = 0
    watcher.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(FLOOD_ID) || updated.includes(FLOOD_ID)) heard++
    })
    const reached = waitForEvent(
      watcher.awareness,
      'change',
      () => watcher.awareness.getStates().has(FLOOD_ID),
      'the flood at the watcher',
    )

    const flooder = await RawClient.open(wsUrl(fx.server, roadmap.id, roadmap.editorToken))
    raws.push(flooder)
    await flooder.handshake()
    let sent = 0
    let answers = 0
    flooder.on('frame', (d: Decoded) => {
      if (d.kind === 'sync-step2') answers++
    })
    // Each batch is followed by a sync request, and the next waits for its answer: the flood
    // goes as fast as the server takes it, without piling up in either process's buffers.
    const flooding = (async () => {
      while (flooder.isOpen) {
        const batch: Promise<void>[] = []
        for (let i = 0; i < BATCH; i++) {
          sent++
          const state = { user: { name: 'Flood', color: '#ff0000' }, pointer: sent }
          batch.push(flooder.send(frames.awareness(awarenessUpdateFor(FLOOD_ID, state, sent))))
        }
        const asked = answers
        batch.push(flooder.send(frames.syncStep1()))
        // A send to a socket the server just closed rejects: that ends the flood.
        const ok = await Promise.all(batch).then(
          () => true,
          () => false,
        )
        if (!ok) break
        await Promise.race([
          flooder.closed,
          waitForEvent(flooder, 'frame', () => answers > asked, 'the sync answer'),
        ])
      }
    })()
    await reached

    const features = editor.doc.getMap('features')
    for (let i = 0; i < EDITS; i++) {
      features.set(`f${i}`, new Y.Map([['title', `Feature ${i}`]]))
      await waitForDoc(watcher.doc, (d) => d.getMap('features').has(`f${i}`), `edit ${i}`)
    }

    expect(await flooder.closed).toMatchObject({ code: CLOSE.presenceTooLarge.code })
    await flooding
    expect(heard).toBeGreaterThan(0)
    expect(heard).toBeLessThan(sent / 2)
    expect(watcher.doc.getMap('features').size).toBe(EDITS)
    expect(fx.server.hasExited()).toBe(false)
  })
})

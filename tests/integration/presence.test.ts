// Presence flooding against a real server process: raw ws clients announcing thousands of
// awareness client ids are closed with 4413, the server keeps no more presence than the real
// people's, and an editor's real presence still reaches the others.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { CLOSE } from '@meridian/protocol'
import { createRoadmap } from './helpers/api.js'
import { connectedProvider } from './helpers/provider.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import { waitForEvent } from './helpers/wait.js'
import { liveServer } from './helpers/liveServer.js'

const FLOODERS = 10
const IDS_PER_FLOODER = 5_000

/** One awareness update announcing `count` client ids from `first` on. */
function flood(first: number, count: number): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, count)
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(enc, first + i)
    encoding.writeVarUint(enc, 1)
    encoding.writeVarString(enc, JSON.stringify({ user: { name: `ghost ${i}`, color: '#000' } }))
  }
  return encoding.toUint8Array(enc)
}

/** The client ids of an awareness update. */
function clientIds(update: Uint8Array): number[] {
  const d = decoding.createDecoder(update)
  const n = decoding.readVarUint(d)
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(d))
    decoding.readVarUint(d)
    decoding.readVarString(d)
  }
  return ids
}

describe('presence flooding against a real server process', () => {
  const { fx, providers, raws } = liveServer()

  it('closes clients announcing thousands of ids, keeps only real presence, and relays it', async () => {
    const roadmap = await createRoadmap(fx.server, 'Flood')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    const watcher = await connectedProvider(fx.server, roadmap.id, roadmap.viewerToken)
    providers.push(editor, watcher)

    const flooders = await Promise.all(
      Array.from({ length: FLOODERS }, () =>
        RawClient.open(wsUrl(fx.server, roadmap.id, roadmap.viewerToken)),
      ),
    )
    raws.push(...flooders)
    await Promise.all(flooders.map((f) => f.handshake()))
    await Promise.all(
      flooders.map((f, i) =>
        f.send(frames.awareness(flood(1_000_000 + i * IDS_PER_FLOODER, IDS_PER_FLOODER))),
      ),
    )
    const closes = await Promise.all(flooders.map((f) => f.closed))
    expect(closes).toEqual(flooders.map(() => CLOSE.presenceTooLarge))

    // The real presence still goes through, and is all the presence there is.
    const moved = waitForEvent(
      watcher.awareness,
      'change',
      () =>
        (watcher.awareness.getStates().get(editor.doc.clientID) as { pointer?: number } | undefined)
          ?.pointer === 42,
      'the editor’s pointer at the watcher',
    )
    editor.awareness.setLocalState({ user: { name: 'Ed', color: '#336699' }, pointer: 42 })
    await moved
    expect([...watcher.awareness.getStates().keys()].sort()).toEqual(
      [editor.doc.clientID, watcher.doc.clientID].sort(),
    )
    // (with another link: the flooders' link is refused from this address for a while,
    // abusePenalty.test.ts)
    const late = await RawClient.open(wsUrl(fx.server, roadmap.id, roadmap.editorToken))
    raws.push(late)
    await late.send(frames.queryAwareness())
    const greeting = await late.waitForFrame('awareness')
    // (what the server holds: the editor's state, and the watcher's if it sent one)
    const held = clientIds(greeting.update)
    expect(held).toContain(editor.doc.clientID)
    expect(held.filter((id) => id !== editor.doc.clientID && id !== watcher.doc.clientID)).toEqual(
      [],
    )
    expect(fx.server.hasExited()).toBe(false)
  })
})

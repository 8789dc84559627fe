// Reconnecting after being closed for abuse (server/src/sync/penaltyBox.ts), against a real
// server process: the link that was closed for breaking a limit is refused from that address
// (429, Retry-After) before any work is done for it, while other links from the address, the
// same link from another address, and everyone already connected go on as before.
import { describe, expect, it } from 'vitest'
import { CLOSE, ERROR_CODE } from '@meridian/protocol'
import { createRoadmap } from './helpers/api.js'
import { connectedProvider } from './helpers/provider.js'
import { RawClient, awarenessUpdateFor, frames, wsUrl } from './helpers/raw.js'
import { waitForEvent } from './helpers/wait.js'
import { liveServer } from './helpers/liveServer.js'

// A first penalty longer than the test, so that no step races its end.
const PENALTY_MS = 60_000
const MAX_PAYLOAD = 64 * 1024

describe('a client closed for abuse, reconnecting', () => {
  const { fx, providers, raws } = liveServer({
    MERIDIAN_WS_PENALTY_MS: String(PENALTY_MS),
    MAX_PAYLOAD: String(MAX_PAYLOAD),
  })

  it('is refused with 429 on that link from that address; nothing else is', async () => {
    const roadmap = await createRoadmap(fx.server, 'Penalty')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    providers.push(editor)
    const viewerUrl = wsUrl(fx.server, roadmap.id, roadmap.viewerToken)

    // A presence state over its limit (8 KB) closes the socket with 4413.
    const abuser = await RawClient.open(viewerUrl)
    raws.push(abuser)
    await abuser.handshake()
    await abuser.send(frames.awareness(awarenessUpdateFor(7, { note: 'x'.repeat(20_000) })))
    expect(await abuser.closed).toEqual(CLOSE.presenceTooLarge)

    // Its reconnect is refused, with the error envelope and when to come back.
    const again = await RawClient.connect(viewerUrl)
    expect(again.ok).toBe(false)
    if (again.ok) return
    expect(again.status).toBe(429)
    expect(JSON.parse(again.body).error.code).toBe(ERROR_CODE.rateLimited)
    expect(Number(again.retryAfter)).toBe(PENALTY_MS / 1000)

    // The same link from another address, and another link from this one, connect.
    const elsewhere = await RawClient.connect(viewerUrl, undefined, '127.0.0.2')
    expect(elsewhere.ok).toBe(true)
    if (elsewhere.ok) raws.push(elsewhere.client)
    const watcher = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    providers.push(watcher)

    // And the room goes on: an edit reaches the others.
    const seen = waitForEvent(
      watcher.doc,
      'update',
      () => watcher.doc.getMap('t').get('k') === 1,
      'the edit at the watcher',
    )
    editor.doc.getMap('t').set('k', 1)
    await seen
  })

  it('a frame over the size limit strikes too', async () => {
    const roadmap = await createRoadmap(fx.server, 'Penalty, big frame')
    const url = wsUrl(fx.server, roadmap.id, roadmap.editorToken)
    const abuser = await RawClient.open(url)
    raws.push(abuser)
    await abuser.send(new Uint8Array(2 * MAX_PAYLOAD))
    expect((await abuser.closed).code).toBe(1009)
    const again = await RawClient.connect(url)
    expect(again.ok ? 200 : again.status).toBe(429)
  })
})

// The server runs out of storage space (its SQLite file capped by MERIDIAN_SQLITE_MAX_MB, as in
// tests/integration/storageFull.test.ts) while Ana writes a long description: the badge says
// the server is full, her text stays in the editor, the client waits before trying again (the
// page's clock is Playwright's, so the attempts are counted, not timed), and once an owner
// frees space her text reaches the server.
import * as Y from 'yjs'
import { createPrng } from '@meridian/model'
import { CLOSE } from '@meridian/protocol'
import { RawClient, frames } from '../integration/helpers/raw.js'
import { test, expect, bar, openAs, roadmapUrl, seedDemo, shot, startServer } from './fixtures.js'

const CHUNK = 128 * 1024
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const prng = createPrng(4507)

/** One key set to `bytes` of seeded random text, so a deflated snapshot does not shrink it. */
function chunkUpdate(key: string, bytes: number): Uint8Array {
  let text = ''
  for (let i = 0; i < bytes; i++) text += ALPHABET[prng.int(0, 63)]
  const doc = new Y.Doc()
  doc.getMap('m').set(key, text)
  return Y.encodeStateAsUpdate(doc)
}

/** Sends `update` as an editor; true once stored (a viewer got it), false if refused (4507). */
async function stored(wsOrigin: string, id: string, tokens: Tokens, update: Uint8Array) {
  const viewer = await RawClient.open(`${wsOrigin}/ws/${id}?token=${tokens.viewerToken}`)
  const editor = await RawClient.open(`${wsOrigin}/ws/${id}?token=${tokens.editorToken}`)
  try {
    await editor.waitForFrame('sync-step1')
    await viewer.waitForFrame('sync-step1')
    await editor.send(frames.update(update))
    const relayed = viewer
      .waitForFrame('sync-update', (f) => Y.decodeUpdate(f.update).structs.length > 0)
      .then(() => true)
    const refused = editor.closed.then((c) => c.code !== CLOSE.storageFull.code && false)
    return await Promise.race([relayed, refused])
  } finally {
    editor.ws.terminate()
    viewer.ws.terminate()
  }
}

interface Tokens {
  ownerToken: string
  editorToken: string
  viewerToken: string
}

test('out of space: the badge says so, the text is kept, retries wait', async ({ browser }) => {
  const server = await startServer({
    MERIDIAN_SQLITE_MAX_MB: '2',
    MERIDIAN_IDLE_COMPACT_MS: '3600000',
  })
  try {
    const wsOrigin = server.origin.replace('http', 'ws')
    const seeded = await seedDemo(server.origin)
    const res = await fetch(`${server.origin}/api/roadmaps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Archive' }),
    })
    const archive = (await res.json()) as Tokens & { id: string }

    const ana = await openAs(
      browser,
      roadmapUrl(server.origin, seeded.id, seeded.editorToken),
      'Ana',
    )
    // The page's clock is Playwright's from the start: installed on a page already running,
    // timers it set before are undefined behaviour (the timeline's axis was once drawn in
    // 1970), so the page loads again under it.
    await ana.page.clock.install({ time: Date.now() })
    await ana.page.reload()
    await expect(ana.page.locator('.conn')).toHaveAttribute('data-status', 'online')
    await bar(ana.page, 'Audit log').dblclick()
    const editor = ana.page.getByTestId('feature-panel').locator('.ProseMirror')
    await editor.click()

    // The archive fills the database; on the way its owner keeps a snapshot to delete later.
    let n = 0
    for (; n < 4; n++)
      expect(await stored(wsOrigin, archive.id, archive, chunkUpdate(`c${n}`, CHUNK))).toBe(true)
    const snap = await fetch(`${server.origin}/api/roadmaps/${archive.id}/snapshots`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${archive.ownerToken}`,
      },
      body: JSON.stringify({ name: 'Archive' }),
    })
    const kept = (await snap.json()) as { id: string }
    while (await stored(wsOrigin, archive.id, archive, chunkUpdate(`c${n}`, CHUNK))) n++

    let sockets = 0
    ana.page.on('websocket', () => sockets++)
    // A long paste: more than the pages left can take.
    const marker = 'Kept while the server is full. '
    await ana.page.keyboard.insertText(marker + 'y'.repeat(2 * CHUNK))
    const badge = ana.page.locator('.conn')
    await expect(badge).toHaveAttribute('data-status', 'storage-full')
    await expect(badge).toHaveText('Server full')
    await expect(badge).toHaveAttribute('title', /out of storage space.*kept in this browser/)
    await expect(editor).toContainText(marker)
    await shot(ana.page, 'storage-full-badge')

    // No attempt before the first wait (5 s) is over; then one, refused again.
    const before = sockets
    await ana.page.clock.fastForward(4_000)
    expect(sockets).toBe(before)
    await ana.page.clock.fastForward(1_500)
    await expect.poll(() => sockets).toBe(before + 1)
    await expect(badge).toHaveAttribute('data-status', 'storage-full')
    // The next wait is longer (10 s): nothing at 5 s more.
    await ana.page.clock.fastForward(5_000)
    expect(sockets).toBe(before + 1)

    // Space returns; the next attempt gets through and the text reaches the server.
    const del = await fetch(`${server.origin}/api/roadmaps/${archive.id}/snapshots/${kept.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${archive.ownerToken}` },
    })
    expect(del.status).toBe(200)
    await ana.page.clock.fastForward(6_000)
    await expect(badge).toHaveAttribute('data-status', 'online')
    const ben = await openAs(
      browser,
      roadmapUrl(server.origin, seeded.id, seeded.viewerToken),
      'Ben',
      1,
    )
    await bar(ben.page, 'Audit log').dblclick()
    await expect(ben.page.getByTestId('feature-panel').locator('.ProseMirror')).toContainText(
      marker,
    )
    await ana.context.close()
    await ben.context.close()
  } finally {
    await server.stop()
  }
})

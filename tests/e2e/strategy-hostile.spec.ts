// The Strategy view against what a hostile peer can send through a real server: a raw
// y-websocket client (Node, no browser) announces malformed carets as a viewer, or writes
// strategy text nested 1,500 levels deep as an editor. Nobody's editor breaks.
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { openView, shot, expect, test } from './views-support.js'
import type { MeridianServer, Seeded } from './fixtures.js'

/** A raw client on the roadmap, synced; destroyed by the caller. */
async function rawClient(server: MeridianServer, seeded: Seeded, token: string) {
  const provider = new WebsocketProvider(
    server.origin.replace(/^http/, 'ws') + '/ws',
    seeded.id,
    new Y.Doc(),
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    },
  )
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', () => resolve())
  })
  return provider
}

const MALFORMED_CURSORS: unknown[] = [
  5,
  {},
  { anchor: 5, head: 'x' },
  { anchor: { type: { client: -1, clock: -1 } }, head: { item: { client: 'a', clock: null } } },
  { anchor: { item: { client: 1, clock: 1e300 } }, head: { item: { client: 1, clock: 1e300 } } },
]

test('malformed carets announced by a viewer leave the strategy editor working', async ({
  browser,
  server,
  seeded,
}) => {
  const errors: string[] = []
  const sam = await openView(browser, server, seeded, 'editor', 'strategy', 'Sam Okafor')
  sam.on('pageerror', (e) => errors.push(e.message))
  const doc = sam.getByTestId('strategy-editor')
  await expect(doc).toContainText('Strategy for the next three quarters')
  const mallory = await rawClient(server, seeded, seeded.viewerToken)
  try {
    for (const [i, cursor] of MALFORMED_CURSORS.entries()) {
      const name = `Mallory ${i}`
      mallory.awareness.setLocalState({
        user: { name, color: 'red; background: url(x)', role: 'viewer' },
        view: 'strategy',
        cursor,
      })
      // The page has this state once her avatar shows with this name.
      await expect(sam.getByTestId('view-presence')).toHaveAttribute('title', new RegExp(name))
    }
    mallory.awareness.setLocalState({ user: 5, view: 'strategy', cursor: { anchor: {} } })

    await doc.click()
    await sam.keyboard.press('Control+End')
    await sam.keyboard.press('Enter')
    await sam.keyboard.type('Carets cannot break this.')
    await expect(doc).toContainText('Carets cannot break this.')
    await shot(sam, 'strategy-malformed-carets')
    expect(errors).toEqual([])
  } finally {
    mallory.destroy()
    await sam.context().close()
  }
})

test('strategy text nested 1,500 levels deep shows with a notice and can be repaired', async ({
  browser,
  server,
  seeded,
}) => {
  const writer = await rawClient(server, seeded, seeded.editorToken)
  const strategy = writer.doc.getXmlFragment('strategy')
  writer.doc.transact(() => {
    let parent: Y.XmlFragment = strategy
    for (let i = 0; i < 1500; i++) {
      const element = new Y.XmlElement('blockquote')
      parent.insert(0, [element])
      parent = element
    }
    const paragraph = new Y.XmlElement('paragraph')
    parent.insert(0, [paragraph])
    paragraph.insert(0, [new Y.XmlText('Nested far too deep')])
  })
  // The server has the update once a fresh client reads it back.
  const reader = await rawClient(server, seeded, seeded.viewerToken)
  const read = reader.doc.getXmlFragment('strategy')
  await new Promise<void>((resolve) => {
    const check = () => {
      if (read.length !== strategy.length) return
      reader.doc.off('update', check)
      resolve()
    }
    reader.doc.on('update', check)
    check()
  })
  reader.destroy()
  writer.destroy()

  const viewer = await openView(browser, server, seeded, 'viewer', 'strategy', 'Vera Viewer')
  const sam = await openView(browser, server, seeded, 'editor', 'strategy', 'Sam Okafor')
  try {
    for (const page of [viewer, sam]) {
      const notice = page.getByTestId('rich-text-too-deep')
      await expect(notice).toContainText('nested more than 100 levels deep')
      await expect(notice).toContainText('Nested far too deep')
      await expect(notice).toContainText('Strategy for the next three quarters')
    }
    await expect(viewer.getByRole('button', { name: 'Repair and edit' })).toHaveCount(0)
    await shot(sam, 'strategy-too-deep')

    await sam.getByRole('button', { name: 'Repair and edit' }).click()
    for (const page of [viewer, sam]) {
      await expect(page.getByTestId('strategy-editor')).toContainText('Nested far too deep')
      await expect(page.getByTestId('rich-text-too-deep')).toHaveCount(0)
    }
  } finally {
    await viewer.context().close()
    await sam.context().close()
  }
})

// The commenter role across processes: a commenter link reads everything, and the server takes
// from it only that person's own comments (packages/model `checkCommenterUpdate`). A crafted
// edit or a comment under someone else's name changes nothing, stored or live, and the client
// is told; real comments reach editors live and survive a restart.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Comments, readComments } from '@meridian/model'
import { createLink, createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll, openProvider } from './helpers/provider.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import { waitForDoc, waitForEvent } from './helpers/wait.js'
import { liveServer } from './helpers/liveServer.js'

function addFeature(doc: Y.Doc, id: string, title: string): void {
  doc.transact(() => {
    const f = new Y.Map<unknown>()
    doc.getMap('features').set(id, f)
    f.set('id', id)
    f.set('title', title)
    f.set('status', 'planned')
  }, 'test')
}

const titleOf = (doc: Y.Doc, id: string): unknown =>
  (doc.getMap('features').get(id) as Y.Map<unknown> | undefined)?.get('title')

const texts = (doc: Y.Doc): string[] =>
  readComments(doc).threads.flatMap((t) => t.comments.map((c) => c.text))

/** A raw socket that speaks for `name`, with the server's state applied to a doc of its own. */
async function rawCommenter(url: string): Promise<{ client: RawClient; doc: Y.Doc }> {
  const client = await RawClient.open(url)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await client.handshake())
  return { client, doc }
}

describe('commenter links', () => {
  const { fx, providers, raws } = liveServer()

  it('refuses a commenter’s edits and impersonation, and keeps its own comments', async () => {
    const roadmap = await createRoadmap(fx.server, 'Commenters')
    const link = await createLink(fx.server, roadmap, 'commenter')
    expect(link.role).toBe('commenter')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    providers.push(editor)
    addFeature(editor.doc, 'f-1', 'Real')
    await waitForDoc(editor.doc, (d) => titleOf(d, 'f-1') === 'Real', 'editor has f-1')

    // A crafted update renaming the feature: refused, and the client is told.
    const url = `${wsUrl(fx.server, roadmap.id, link.token)}&name=Cora`
    const evil = await rawCommenter(url)
    raws.push(evil.client)
    await waitForDoc(evil.doc, (d) => titleOf(d, 'f-1') === 'Real', 'commenter reads f-1')
    const sv = Y.encodeStateVector(evil.doc)
    ;(evil.doc.getMap('features').get('f-1') as Y.Map<unknown>).set('title', 'Hacked')
    await evil.client.send(frames.update(Y.encodeStateAsUpdate(evil.doc, sv)))
    const denied = await evil.client.waitForFrame('auth-denied')
    expect(denied.reason).toMatch(/comments-only/)
    expect(evil.client.isOpen).toBe(true)

    // A comment under another person's name (same link, the name it did not join with).
    const forger = await rawCommenter(url)
    raws.push(forger.client)
    const forgedSv = Y.encodeStateVector(forger.doc)
    new Comments(forger.doc, {
      origin: 'test',
      author: { linkId: link.linkId, name: 'Ed the editor' },
    }).startThread({ kind: 'features', id: 'f-1' }, { text: 'Forged approval' })
    await forger.client.send(frames.update(Y.encodeStateAsUpdate(forger.doc, forgedSv)))
    expect((await forger.client.waitForFrame('auth-denied')).reason).toMatch(/comments-only/)

    // The real commenter, through a provider as the client uses it.
    const commenter = await connectedProvider(fx.server, roadmap.id, link.token, { name: 'Cora' })
    providers.push(commenter)
    const started = new Comments(commenter.doc, {
      origin: 'test',
      author: { linkId: link.linkId, name: 'Cora' },
    }).startThread({ kind: 'features', id: 'f-1' }, { text: 'Can we ship this in May?' })
    expect(started).not.toBeNull()
    await waitForDoc(
      editor.doc,
      (d) => texts(d).includes('Can we ship this in May?'),
      'the comment at the editor',
    )
    // Nothing of the refused frames reached the editor.
    expect(titleOf(editor.doc, 'f-1')).toBe('Real')
    expect(texts(editor.doc)).toEqual(['Can we ship this in May?'])
    const thread = readComments(editor.doc).threads[0]
    expect(thread.comments[0]).toMatchObject({ authorLinkId: link.linkId, authorName: 'Cora' })

    // The editor replies; the commenter sees it live.
    new Comments(editor.doc, {
      origin: 'test',
      author: { linkId: 'editor-link', name: 'Ed' },
    }).reply(thread.id, { text: 'Yes, if QA signs off.' })
    await waitForDoc(
      commenter.doc,
      (d) => texts(d).includes('Yes, if QA signs off.'),
      'the reply at the commenter',
    )

    // Stored: after a restart, the comments are there and the refused edits are not.
    destroyAll(editor, commenter)
    providers.length = 0
    for (const r of raws) r.terminate()
    raws.length = 0
    const server = await fx.restart('SIGTERM')
    const fresh = openProvider(server, roadmap.id, roadmap.editorToken)
    providers.push(fresh)
    await waitForEvent<[boolean]>(fresh, 'sync', (s) => s, 'fresh provider synced')
    expect(titleOf(fresh.doc, 'f-1')).toBe('Real')
    expect(texts(fresh.doc)).toEqual(['Can we ship this in May?', 'Yes, if QA signs off.'])
    expect(readComments(fresh.doc).threads[0].authorName).toBe('Cora')
  })
})

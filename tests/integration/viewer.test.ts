// Roles and tokens on the WebSocket: a viewer receives everything but its document updates are
// dropped (never broadcast, never stored); bad tokens are refused before the upgrade; revoking a
// link closes its live sockets (4401).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLink, createRoadmap, revokeLink } from './helpers/api.js'
import { connectedProvider, destroyAll, openProvider } from './helpers/provider.js'
import { RawClient, awarenessUpdateFor, frames, wsUrl } from './helpers/raw.js'
import { waitForDoc, waitForEvent } from './helpers/wait.js'
import { liveServer } from './helpers/liveServer.js'

interface AwarenessUser {
  user?: { name?: string; role?: string }
}

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

/** Ask the server for its whole state over the raw socket and return it as a doc. */
async function serverState(client: RawClient): Promise<Y.Doc> {
  const before = client.received.filter((d) => d.kind === 'sync-step2').length
  await client.send(frames.syncStep1())
  let n = 0
  const step2 = await client.waitForFrame('sync-step2', () => ++n > before)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, step2.update)
  return doc
}

describe('viewers, tokens and revocation', () => {
  const { fx, providers, raws } = liveServer()

  it('drops a viewer’s crafted updates (live and stored), tells it it is read-only, and shows it as a viewer', async () => {
    const roadmap = await createRoadmap(fx.server, 'Viewer')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    const other = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    providers.push(editor, other)
    addFeature(editor.doc, 'f-1', 'Real')
    await waitForDoc(other.doc, (d) => titleOf(d, 'f-1') === 'Real', 'other sees f-1')

    const viewer = await RawClient.open(wsUrl(fx.server, roadmap.id, roadmap.viewerToken))
    raws.push(viewer)
    // The viewer receives everything.
    const initial = new Y.Doc()
    Y.applyUpdate(initial, await viewer.handshake())
    expect(titleOf(initial, 'f-1')).toBe('Real')

    // Its awareness, claiming to be an editor, shows as a viewer to the others.
    const viewerClientId = 424242
    await viewer.send(
      frames.awareness(
        awarenessUpdateFor(viewerClientId, {
          user: { name: 'Mallory', color: '#ff0000', role: 'editor' },
        }),
      ),
    )
    await waitForEvent(
      editor.awareness,
      'change',
      () => editor.awareness.getStates().has(viewerClientId),
      'viewer awareness at the editor',
    )
    const seen = editor.awareness.getStates().get(viewerClientId) as AwarenessUser
    expect(seen.user?.role).toBe('viewer')
    expect(seen.user?.name).toBe('Mallory')

    // Crafted edits: an update that renames f-1 and adds a feature, and a sync step 2 carrying
    // the attacker's whole state (including a deletion of f-1).
    const evil = new Y.Doc()
    Y.applyUpdate(evil, Y.encodeStateAsUpdate(initial))
    const sv0 = Y.encodeStateVector(evil)
    ;(evil.getMap('features').get('f-1') as Y.Map<unknown>).set('title', 'Hacked')
    addFeature(evil, 'evil-1', 'Injected')
    await viewer.send(frames.update(Y.encodeStateAsUpdate(evil, sv0)))
    addFeature(evil, 'evil-2', 'Injected by step 2')
    evil.getMap('features').delete('f-1')
    await viewer.send(frames.syncStep2(Y.encodeStateAsUpdate(evil)))

    // Told it is read-only (y-protocols auth message: permission denied).
    const denied = await viewer.waitForFrame('auth-denied')
    expect(denied.reason).toMatch(/read.?only|viewer/i)

    // Processed in order on the viewer's socket: the server's state after them is unchanged.
    const after = await serverState(viewer)
    expect(after.getMap('features').has('evil-1')).toBe(false)
    expect(after.getMap('features').has('evil-2')).toBe(false)
    expect(titleOf(after, 'f-1')).toBe('Real')
    expect(viewer.isOpen).toBe(true)

    // Live: a probe sent after the crafted frames reaches the editor; nothing of them did.
    other.doc.getMap('probe').set('after-viewer', true)
    await waitForDoc(
      editor.doc,
      (d) => d.getMap('probe').get('after-viewer') === true,
      'probe at editor',
    )
    expect(editor.doc.getMap('features').has('evil-1')).toBe(false)
    expect(editor.doc.getMap('features').has('evil-2')).toBe(false)
    expect(titleOf(editor.doc, 'f-1')).toBe('Real')

    // Live edits still reach the viewer.
    ;(editor.doc.getMap('features').get('f-1') as Y.Map<unknown>).set('status', 'in-progress')
    await viewer.waitForFrame('sync-update', (d) => {
      const probe = new Y.Doc()
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(after))
      Y.applyUpdate(probe, d.update)
      return (
        (probe.getMap('features').get('f-1') as Y.Map<unknown> | undefined)?.get('status') ===
        'in-progress'
      )
    })

    // Stored: nothing of it survives a restart.
    destroyAll(editor, other)
    providers.length = 0
    viewer.terminate()
    const server = await fx.restart('SIGTERM')
    const fresh = openProvider(server, roadmap.id, roadmap.editorToken, { connect: false })
    providers.push(fresh)
    const atSynced: { features?: Record<string, unknown> } = {}
    fresh.on('sync', (s: boolean) => {
      if (s && !atSynced.features) atSynced.features = fresh.doc.getMap('features').toJSON()
    })
    fresh.connect()
    await waitForEvent<[boolean]>(fresh, 'sync', (s) => s, 'fresh provider synced')
    expect(Object.keys(atSynced.features ?? {}).sort()).toEqual(['f-1'])
    expect(titleOf(fresh.doc, 'f-1')).toBe('Real')
    expect((fresh.doc.getMap('features').get('f-1') as Y.Map<unknown>).get('status')).toBe(
      'in-progress',
    )
  })

  it('refuses bad tokens with HTTP 401 before the upgrade', async () => {
    const server = fx.server
    const roadmap = await createRoadmap(server, 'Tokens')
    const elsewhere = await createRoadmap(server, 'Another')
    const revoked = await createLink(server, roadmap, 'editor')
    await revokeLink(server, roadmap, revoked.linkId)
    // A link that expires soon: its live socket is closed at expiry (4403), then it is refused.
    const expiring = await createLink(
      server,
      roadmap,
      'viewer',
      new Date(Date.now() + 1_000).toISOString(),
    )
    const doomed = await RawClient.open(wsUrl(server, roadmap.id, expiring.token))
    raws.push(doomed)
    expect((await doomed.closed).code).toBe(4403)

    const refused: [string, string | undefined][] = [
      ['garbage', 'not-a-token'],
      ['empty', ''],
      ['missing', undefined],
      ['another roadmap’s editor token', elsewhere.editorToken],
      ['another roadmap’s owner token', elsewhere.ownerToken],
      ['revoked link', revoked.token],
      ['expired link', expiring.token],
    ]
    for (const [what, token] of refused) {
      const r = await RawClient.connect(wsUrl(server, roadmap.id, token))
      if (r.ok) r.client.terminate()
      expect(r.ok ? 101 : r.status, what).toBe(401)
    }
    // The good ones still work, including a live link.
    const live = await createLink(server, roadmap, 'viewer')
    for (const token of [
      roadmap.ownerToken,
      roadmap.editorToken,
      roadmap.viewerToken,
      live.token,
    ]) {
      const c = await RawClient.open(wsUrl(server, roadmap.id, token))
      await c.handshake()
      await c.close()
    }
  })

  it('closes a revoked link’s live sockets with 4401 and leaves the others open', async () => {
    const server = fx.server
    const roadmap = await createRoadmap(server, 'Revoke')
    const link = await createLink(server, roadmap, 'editor')
    const linked = await RawClient.open(wsUrl(server, roadmap.id, link.token))
    const linkedProvider = await connectedProvider(server, roadmap.id, link.token)
    const owner = await RawClient.open(wsUrl(server, roadmap.id, roadmap.ownerToken))
    raws.push(linked, owner)
    providers.push(linkedProvider)
    await linked.handshake()
    await owner.handshake()
    const providerClosed = waitForEvent<[{ code: number }]>(
      linkedProvider,
      'closed',
      () => true,
      'provider closed',
    )

    await revokeLink(server, roadmap, link.linkId)
    expect((await linked.closed).code).toBe(4401)
    const [closeEvent] = await providerClosed
    expect(closeEvent.code).toBe(4401)
    // The owner's socket is untouched and still answers.
    const state = await serverState(owner)
    expect(state).toBeInstanceOf(Y.Doc)
    expect(owner.isOpen).toBe(true)
  })
})

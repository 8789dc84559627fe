// Strategy text nested 1,500 levels deep, written by an editor through a real provider (Yjs
// accepts any nesting): export, snapshots and the owner's restore of a clean snapshot still
// answer, against a real server process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api, createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'
import { waitForDoc } from './helpers/wait.js'

const DEPTH = 1500
const CLEAN = '<paragraph>Win the mid-market</paragraph>'

function writeDeep(strategy: Y.XmlFragment): void {
  strategy.doc!.transact(() => {
    let parent: Y.XmlFragment = strategy
    for (let i = 0; i < DEPTH; i++) {
      const element = new Y.XmlElement('blockquote')
      parent.insert(0, [element])
      parent = element
    }
    parent.insert(0, [new Y.XmlText('deep')])
  }, 'deep')
}

describe('strategy text nested 1,500 levels deep', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('exports, snapshots and restores a clean snapshot over it', async () => {
    const created = await createRoadmap(server, 'Deep')
    const path = `/api/roadmaps/${created.id}`
    const editor = await connectedProvider(server, created.id, created.editorToken)
    const viewer = await connectedProvider(server, created.id, created.viewerToken)
    try {
      const clean = new Y.XmlElement('paragraph')
      editor.doc.getXmlFragment('strategy').insert(0, [clean])
      clean.insert(0, [new Y.XmlText('Win the mid-market')])
      // The paragraph and its text are two updates: the viewer holding the text means the
      // server stored it (store, then relay), so the snapshot taken now holds it too.
      await waitForDoc(
        viewer.doc,
        (d) => d.getXmlFragment('strategy').toString() === CLEAN,
        'clean text',
      )
      const cleanSnapshot = await api<{ id: string }>(server, 'POST', `${path}/snapshots`, {
        token: created.ownerToken,
        body: { name: 'Clean' },
      })
      expect(cleanSnapshot.status).toBe(201)
      const cleanShown = await api<{ roadmap: { strategy: unknown[] } }>(
        server,
        'GET',
        `${path}/snapshots/${cleanSnapshot.body.id}`,
        { token: created.viewerToken },
      )
      expect(JSON.stringify(cleanShown.body.roadmap.strategy)).toContain('Win the mid-market')

      writeDeep(editor.doc.getXmlFragment('strategy'))
      await waitForDoc(viewer.doc, (d) => d.getXmlFragment('strategy').length === 2, 'deep text')

      const exported = await api<{ strategy: unknown[] }>(server, 'GET', `${path}/export`, {
        token: created.viewerToken,
      })
      expect(exported.status).toBe(200)
      expect(JSON.stringify(exported.body.strategy)).toContain('deep')
      const deepSnapshot = await api<{ id: string }>(server, 'POST', `${path}/snapshots`, {
        token: created.ownerToken,
        body: { name: 'Deep' },
      })
      expect(deepSnapshot.status).toBe(201)
      const shown = await api(server, 'GET', `${path}/snapshots/${deepSnapshot.body.id}`, {
        token: created.viewerToken,
      })
      expect(shown.status).toBe(200)

      const restored = await api(
        server,
        'POST',
        `${path}/snapshots/${cleanSnapshot.body.id}/restore`,
        { token: created.ownerToken },
      )
      expect(restored.status).toBe(200)
      // What anyone opening the roadmap now gets, and what a viewer connected all along holds
      // (its Yjs deletes the 1,500 levels recursively, well within Node's stack).
      await waitForDoc(viewer.doc, (d) => d.getXmlFragment('strategy').length === 1, 'restored')
      expect(viewer.doc.getXmlFragment('strategy').toString()).toBe(CLEAN)
      const after = await connectedProvider(server, created.id, created.viewerToken)
      try {
        await waitForDoc(
          after.doc,
          (d) => d.getXmlFragment('strategy').length === 1,
          'a new viewer sees the clean strategy',
        )
        expect(after.doc.getXmlFragment('strategy').toString()).toBe(CLEAN)
      } finally {
        destroyAll(after)
      }
    } finally {
      destroyAll(editor, viewer)
    }
  })
})

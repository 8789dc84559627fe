// Two providers converge through a real server; a provider that joins after a graceful restart
// has the whole document at its first `synced` event (the server loads it before answering).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll, openProvider } from './helpers/provider.js'
import { ServerFixture } from './helpers/server.js'
import { waitForDoc, waitForDocs, waitForEvent, stableJson } from './helpers/wait.js'

const sameState = (a: Y.Doc, b: Y.Doc): boolean =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
  stableJson(a.getMap('features').toJSON()) === stableJson(b.getMap('features').toJSON())

function addFeature(doc: Y.Doc, id: string, title: string, laneId: string): void {
  doc.transact(() => {
    const f = new Y.Map<unknown>()
    doc.getMap('features').set(id, f)
    f.set('id', id)
    f.set('title', title)
    f.set('laneId', laneId)
    f.set('start', '2027-01-04')
    f.set('end', '2027-02-26')
    f.set('status', 'planned')
    const description = new Y.XmlFragment()
    f.set('description', description)
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(`Why ${title} matters`)])
    description.insert(0, [p])
  }, 'test')
}

describe('sync through a real server process', () => {
  const fx = new ServerFixture()
  const open: WebsocketProvider[] = []
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    destroyAll(...open)
    await fx.dispose()
  })

  it('two providers converge, and a provider joining after a restart is complete at its first synced event', async () => {
    const roadmap = await createRoadmap(fx.server, 'Sync')
    const a = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    const b = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    open.push(a, b)

    // Concurrent edits on both sides, no waiting in between.
    a.doc.transact(() => {
      a.doc.getMap('roadmap').set('title', 'Q1 plan')
      a.doc.getMap('lanes').set(
        'lane-a',
        new Y.Map<unknown>([
          ['name', 'Platform'],
          ['rank', 'a0'],
        ]),
      )
    }, 'test')
    addFeature(b.doc, 'f-b1', 'Offline mode', 'lane-a')
    addFeature(a.doc, 'f-a1', 'SSO', 'lane-a')
    for (let i = 0; i < 50; i++)
      addFeature(i % 2 === 0 ? a.doc : b.doc, `f-${i}`, `Feature ${i}`, 'lane-a')
    // Both sides edit the same feature's title concurrently: one value must win everywhere.
    const shared = b.doc.getMap('features').get('f-b1') as Y.Map<unknown>
    shared.set('title', 'Offline mode (b)')
    await waitForDoc(a.doc, (d) => d.getMap('features').has('f-b1'), 'a sees f-b1')
    ;(a.doc.getMap('features').get('f-b1') as Y.Map<unknown>).set('title', 'Offline mode (a)')
    shared.set('title', 'Offline mode (b2)')

    await waitForDocs([a.doc, b.doc], () => sameState(a.doc, b.doc), 'a and b converge')
    expect(a.doc.getMap('features').size).toBe(52)
    expect(a.doc.getMap('roadmap').get('title')).toBe('Q1 plan')
    const expected = {
      features: a.doc.getMap('features').toJSON(),
      roadmap: a.doc.getMap('roadmap').toJSON(),
      lanes: a.doc.getMap('lanes').toJSON(),
      stateVector: Y.encodeStateVector(a.doc),
    }

    // Graceful restart; the old providers are gone so nothing can heal the server's copy.
    destroyAll(a, b)
    open.length = 0
    const server = await fx.restart('SIGTERM')

    const c = openProvider(server, roadmap.id, roadmap.editorToken, { connect: false })
    open.push(c)
    const firstSynced: {
      state?: { features: unknown; roadmap: unknown; lanes: unknown; covers: boolean }
    } = {}
    c.on('sync', (synced: boolean) => {
      if (!synced || firstSynced.state) return
      // Checked synchronously in the handler: nothing may arrive later as an update.
      const have = Y.decodeStateVector(Y.encodeStateVector(c.doc))
      let covers = true
      for (const [client, clock] of Y.decodeStateVector(expected.stateVector)) {
        if ((have.get(client) ?? 0) < clock) covers = false
      }
      firstSynced.state = {
        features: c.doc.getMap('features').toJSON(),
        roadmap: c.doc.getMap('roadmap').toJSON(),
        lanes: c.doc.getMap('lanes').toJSON(),
        covers,
      }
    })
    c.connect()
    await waitForEvent<[boolean]>(c, 'sync', (s) => s, 'late joiner synced')
    const state = firstSynced.state
    if (!state) throw new Error('no synced event recorded')
    expect(state.covers).toBe(true)
    expect(state.features).toEqual(expected.features)
    expect(state.roadmap).toEqual(expected.roadmap)
    expect(state.lanes).toEqual(expected.lanes)
  })
})

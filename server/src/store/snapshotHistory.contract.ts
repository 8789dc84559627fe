// Contract of the snapshot history every Store keeps (part of `storeContract`): a long
// history of a live, garbage-collected document reads back exactly as it was stored, through
// the delta chains, and takes far less room than its full states.
import { exportRoadmap, readRoadmap, Roadmap } from '@meridian/model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FULL_STATE_EVERY } from './snapshotChain.js'
import type { Store } from './store.js'

/** A gc'd document with a history: each step adds, edits, moves and deletes features. */
function* history(steps: number): Generator<Uint8Array> {
  const doc = new Y.Doc({ gc: true })
  doc.clientID = 7
  let next = 0
  const roadmap = new Roadmap(doc, {
    origin: 'test',
    createId: () => `e${next++}`,
    now: () => '2026-01-01T00:00:00.000Z',
  })
  roadmap.init({ title: 'History' })
  const lane = roadmap.lanes.create({ name: 'Lane' })
  const features = Array.from({ length: 40 }, (_, i) =>
    roadmap.features.create({
      laneId: lane,
      title: `F${i}`,
      start: '2026-02-02',
      end: '2026-02-27',
    }),
  )
  for (let step = 0; step < steps; step++) {
    const id = features[step % features.length]!
    roadmap.features.move(id, {
      start: '2026-02-02',
      end: `2026-03-${String((step % 27) + 1).padStart(2, '0')}`,
    })
    roadmap.features.update(id, {
      title: `F${step} renamed`,
      status: step % 2 ? 'in-progress' : 'planned',
    })
    if (step % 5 === 0) roadmap.features.delete(features.splice(step % features.length, 1)[0]!)
    features.push(roadmap.features.create({ laneId: lane, title: `new ${step}` }))
    yield Y.encodeStateAsUpdate(doc)
  }
}

const exported = (state: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return JSON.stringify({ data: readRoadmap(doc), json: exportRoadmap(doc) })
}

export function snapshotHistoryContract(
  name: string,
  open: () => Promise<{ store: Store; reopen?: () => Promise<Store> }>,
): void {
  describe(`Store contract: ${name}: snapshot history`, () => {
    let store: Store
    let reopen: (() => Promise<Store>) | undefined

    beforeEach(async () => {
      const o = await open()
      store = o.store
      reopen = o.reopen
      await store.createRoadmap({
        roadmap: { id: 'r1', title: 'T', createdAt: 1, updatedAt: 1 },
        links: [],
        state: null,
        stateVector: null,
      })
    })
    afterEach(async () => {
      await store.close()
    })

    it('reads every snapshot of a long history exactly as stored, in a fraction of its size', async () => {
      const states: Uint8Array[] = []
      const steps = FULL_STATE_EVERY * 2 + 5
      expect(await store.historyBytes('r1')).toBe(0)
      for (const state of history(steps)) {
        const i = states.push(state)
        await store.createSnapshot({
          id: `s${i}`,
          roadmapId: 'r1',
          name: `#${i}`,
          kind: 'auto',
          createdAt: i,
          size: state.byteLength,
          state,
        })
      }
      const list = await store.listSnapshots('r1')
      expect(list.map((s) => s.size)).toEqual(states.map((s) => s.byteLength))
      for (const [i, state] of states.entries()) {
        const read = await store.getSnapshot('r1', `s${i + 1}`)
        // Compared as buffers: a deep equal of 30 kB byte by byte takes seconds.
        expect(Buffer.from(read!.state).equals(state), `snapshot ${i + 1}`).toBe(true)
        // What a client sees of it: the same roadmap as the state stored the old way.
        expect(exported(read!.state)).toBe(exported(state))
      }
      const full = states.reduce((sum, s) => sum + s.byteLength, 0)
      expect(await store.historyBytes('r1')).toBeLessThan(full / 5)
      expect(await store.historyBytes('r2')).toBe(0)
      if (!reopen) return
      // A fresh store has decoded nothing yet; newest first, each read walks its own chain.
      await store.close()
      store = await reopen()
      for (let i = states.length - 1; i >= 0; i--) {
        const read = await store.getSnapshot('r1', `s${i + 1}`)
        expect(Buffer.from(read!.state).equals(states[i]!), `reopened ${i + 1}`).toBe(true)
      }
    })

    it('keeps each snapshot’s export, as its state exports, also after deleting its base', async () => {
      const states = [...history(12)]
      for (const [i, state] of states.entries()) {
        const snapshot = { id: `s${i}`, roadmapId: 'r1', name: `#${i}`, createdAt: i }
        await store.createSnapshot({ ...snapshot, kind: 'auto', size: state.byteLength, state })
      }
      const json = (state: Uint8Array) => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, state)
        return JSON.stringify(exportRoadmap(doc))
      }
      expect(await store.deleteSnapshot('r1', 's5')).toBe(true)
      const check = async (s: Store) => {
        for (const [i, state] of states.entries()) {
          const kept = await s.getSnapshotExport('r1', `s${i}`)
          if (i === 5) expect(kept).toBeUndefined()
          else {
            expect(kept?.snapshot).toMatchObject({
              id: `s${i}`,
              name: `#${i}`,
              size: state.byteLength,
            })
            expect(kept?.exported, `s${i}`).toBe(json(state))
          }
        }
      }
      await check(store)
      expect(await store.getSnapshotExport('r2', 's1')).toBeUndefined()
      // A state that is no Yjs document keeps no export: it opens from its state (and fails there).
      const junk = new Uint8Array([1, 2, 3])
      await store.createSnapshot({
        id: 'junk',
        roadmapId: 'r1',
        name: 'junk',
        kind: 'named',
        createdAt: 99,
        size: 3,
        state: junk,
      })
      expect(await store.getSnapshotExport('r1', 'junk')).toBeUndefined()
      if (!reopen) return
      await store.close()
      store = await reopen()
      await check(store)
    })
  })
}

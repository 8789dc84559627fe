import { compareRoadmaps, exportRoadmap, readRoadmap, Roadmap } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryStore } from './memory.js'
import { SnapshotReader } from './snapshotReader.js'

async function storeWithHistory() {
  const store = new MemoryStore()
  await store.createRoadmap({
    roadmap: { id: 'r', title: 'T', createdAt: 1, updatedAt: 1 },
    links: [],
    state: null,
    stateVector: null,
  })
  const doc = new Y.Doc()
  const roadmap = new Roadmap(doc, { origin: 'test' })
  roadmap.init({ title: 'Plan' })
  const lane = roadmap.lanes.create({ name: 'L' })
  const feature = roadmap.features.create({ laneId: lane, title: 'F', end: '2026-04-01' })
  const snap = async (id: string) => {
    const state = Y.encodeStateAsUpdate(doc)
    await store.createSnapshot({
      id,
      roadmapId: 'r',
      name: id,
      kind: 'named',
      createdAt: 1,
      size: state.byteLength,
      state,
    })
  }
  await snap('a')
  roadmap.features.update(feature, { end: '2026-04-11' })
  await snap('b')
  return { store, doc }
}

describe('SnapshotReader', () => {
  it('reads snapshots as roadmaps to compare, and reads each from the store once', async () => {
    const { store, doc } = await storeWithHistory()
    let reads = 0
    const getSnapshot = store.getSnapshot.bind(store)
    store.getSnapshot = (roadmapId, id) => {
      reads++
      return getSnapshot(roadmapId, id)
    }
    const reader = new SnapshotReader(store, 1)
    const a = await reader.read('r', 'a')
    const b = await reader.read('r', 'b')
    expect(b!.data).toEqual(readRoadmap(doc))
    const dates = { fromDate: '2026-03-01', toDate: '2026-03-08' }
    expect(compareRoadmaps(a!.data, b!.data, dates).summary).toMatchObject({
      featuresSlipped: 1,
      slipDays: 10,
    })
    expect(b!.snapshot).toMatchObject({ id: 'b', roadmapId: 'r', name: 'b' })

    await reader.read('r', 'b')
    expect(reads).toBe(2)
    // Capacity 1: `a` was dropped when `b` was read.
    await reader.read('r', 'a')
    expect(reads).toBe(3)
    expect(await reader.read('r', 'missing')).toBeUndefined()
    expect(await reader.read('other', 'a')).toBeUndefined()
  })

  it('keeps a snapshot’s export once opened, and its roadmap for a compare after it', async () => {
    const { store, doc } = await storeWithHistory()
    let reads = 0
    const getSnapshot = store.getSnapshot.bind(store)
    store.getSnapshot = (roadmapId, id) => {
      reads++
      return getSnapshot(roadmapId, id)
    }
    const reader = new SnapshotReader(store)
    const opened = await reader.readExported('r', 'b')
    expect(JSON.parse(opened!.exported)).toEqual(JSON.parse(JSON.stringify(exportRoadmap(doc))))
    expect((await reader.read('r', 'b'))!.data).toEqual(readRoadmap(doc))
    expect((await reader.readExported('r', 'b'))!.exported).toBe(opened!.exported)
    expect(reads).toBe(1)
    // Read for a compare first, the export is still the one kept when it was taken: no decode.
    await reader.read('r', 'a')
    await reader.readExported('r', 'a')
    await reader.readExported('r', 'a')
    expect(reads).toBe(2)
    expect(await reader.readExported('r', 'missing')).toBeUndefined()
  })
})

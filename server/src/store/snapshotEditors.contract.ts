// Contract of who edited between snapshots (part of `storeContract`): the editors appended
// with updates belong to the next snapshot taken, survive a reopen, stay within the cap, and
// move to the following snapshot when theirs is deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_EDITORS_PER_SNAPSHOT } from './store.js'
import type { Editor, Store } from './store.js'

const ana: Editor = { linkId: 'l-ed', name: 'Ana' }
const ben: Editor = { linkId: 'l-ed', name: 'Ben' }
const anon: Editor = { linkId: 'l-own', name: null }

export function snapshotEditorsContract(
  name: string,
  open: () => Promise<{ store: Store; reopen?: () => Promise<Store> }>,
): void {
  describe(`Store contract: ${name}: snapshot editors`, () => {
    let store: Store
    let reopen: (() => Promise<Store>) | undefined
    let n = 0

    const snap = (roadmapId = 'r1') =>
      store.createSnapshot({
        id: `${roadmapId}-s${++n}`,
        roadmapId,
        name: `#${n}`,
        kind: 'auto',
        createdAt: n,
        size: 1,
        state: Uint8Array.of(n),
      })
    const editorsById = async (roadmapId = 'r1') =>
      Object.fromEntries(
        (await store.listSnapshots(roadmapId)).map((s) => [s.id, s.editors.map((e) => e.name)]),
      )

    beforeEach(async () => {
      const o = await open()
      store = o.store
      reopen = o.reopen
      n = 0
      for (const id of ['r1', 'r2'])
        await store.createRoadmap({
          roadmap: { id, title: 'T', createdAt: 1, updatedAt: 1 },
          links: [],
          state: null,
          stateVector: null,
        })
    })
    afterEach(async () => {
      await store.close()
    })

    it('gives each snapshot the distinct editors since the previous one, in order', async () => {
      await snap() // nothing stored before it
      await store.appendUpdates('r1', [Uint8Array.of(1)], 2, [ben])
      await store.appendUpdates('r1', [Uint8Array.of(2)], 3, [ana, ben, anon])
      await store.appendUpdates('r1', [Uint8Array.of(3)], 4) // a server edit: nobody
      await store.appendUpdates('r2', [Uint8Array.of(4)], 4, [ana])
      await snap()
      await store.appendUpdates('r1', [Uint8Array.of(5)], 5, [anon])
      await snap()
      await snap()
      expect(await editorsById()).toEqual({
        'r1-s1': [],
        'r1-s2': ['Ben', 'Ana', null],
        'r1-s3': [null],
        'r1-s4': [],
      })
      const listed = await store.listSnapshots('r1')
      expect(listed[1]!.editors).toEqual([ben, ana, anon])
      await snap('r2')
      expect(await editorsById('r2')).toEqual({ 'r2-s5': ['Ana'] })
      if (!reopen) return
      await store.close()
      store = await reopen()
      expect((await store.listSnapshots('r1'))[1]!.editors).toEqual([ben, ana, anon])
    })

    it('keeps at most MAX_EDITORS_PER_SNAPSHOT editors per snapshot', async () => {
      const many = Array.from({ length: MAX_EDITORS_PER_SNAPSHOT + 5 }, (_, i) => ({
        linkId: 'l',
        name: `P${i}`,
      }))
      for (const e of many.slice(0, 10)) await store.appendUpdates('r1', [Uint8Array.of(1)], 2, [e])
      await store.appendUpdates('r1', [Uint8Array.of(2)], 3, many)
      await snap()
      const [s] = await store.listSnapshots('r1')
      expect(s!.editors.map((e) => e.name)).toEqual(
        many.slice(0, MAX_EDITORS_PER_SNAPSHOT).map((e) => e.name),
      )
    })

    it('moves a deleted snapshot’s editors to the one after it', async () => {
      await store.appendUpdates('r1', [Uint8Array.of(1)], 2, [ana])
      await snap()
      await store.appendUpdates('r1', [Uint8Array.of(2)], 3, [ben, ana])
      await snap()
      await store.appendUpdates('r1', [Uint8Array.of(3)], 4, [anon])
      await snap()
      expect(await store.deleteSnapshot('r1', 'r1-s2')).toBe(true)
      expect(await editorsById()).toEqual({ 'r1-s1': ['Ana'], 'r1-s3': [null, 'Ben', 'Ana'] })
      // The newest one's editors wait for the next snapshot.
      await store.appendUpdates('r1', [Uint8Array.of(4)], 5, [ben])
      expect(await store.deleteSnapshot('r1', 'r1-s3')).toBe(true)
      await snap()
      expect(await editorsById()).toEqual({ 'r1-s1': ['Ana'], 'r1-s4': ['Ben', null, 'Ana'] })
    })
  })
}

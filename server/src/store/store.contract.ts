// Over 300 lines: one suite, a test per Store method, shared by every implementation.
// One contract suite for every Store implementation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { snapshotEditorsContract } from './snapshotEditors.contract.js'
import { snapshotHistoryContract } from './snapshotHistory.contract.js'
import type { LinkRecord, NewRoadmap, Store } from './store.js'

const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs)
const hex = (n: number): string => n.toString(16).padStart(64, '0')

function newRoadmap(id: string, at = 1000): NewRoadmap {
  const link = (n: number, role: LinkRecord['role']): LinkRecord => ({
    id: `${id}-l${n}`,
    roadmapId: id,
    role,
    tokenHash: hex(n) + id,
    label: null,
    personName: null,
    expiresAt: null,
    revokedAt: null,
    createdAt: at + n,
  })
  return {
    roadmap: { id, title: `T ${id}`, createdAt: at, updatedAt: at },
    links: [link(1, 'owner'), link(2, 'editor'), link(3, 'viewer')],
    state: null,
    stateVector: null,
  }
}

export function storeContract(
  name: string,
  open: () => Promise<{ store: Store; reopen?: () => Promise<Store> }>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    let reopen: (() => Promise<Store>) | undefined

    beforeEach(async () => {
      const o = await open()
      store = o.store
      reopen = o.reopen
    })
    afterEach(async () => {
      await store.close()
    })

    it('creates and reads a roadmap with its links', async () => {
      expect(await store.countRoadmaps()).toBe(0)
      await store.createRoadmap(newRoadmap('r1'))
      expect(await store.getRoadmap('r1')).toEqual({
        id: 'r1',
        title: 'T r1',
        createdAt: 1000,
        updatedAt: 1000,
      })
      expect(await store.getRoadmap('nope')).toBeUndefined()
      expect(await store.countRoadmaps()).toBe(1)
      const links = await store.listLinks('r1')
      expect(links.map((l) => l.role)).toEqual(['owner', 'editor', 'viewer'])
      expect(await store.findLinkByTokenHash(hex(2) + 'r1')).toMatchObject({
        id: 'r1-l2',
        role: 'editor',
      })
      expect(await store.findLinkByTokenHash('x')).toBeUndefined()
    })

    it('rejects a duplicate roadmap id without partial writes', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      const dup = newRoadmap('r1')
      dup.links = [{ ...dup.links[0], id: 'other', tokenHash: 'fresh' }]
      await expect(store.createRoadmap(dup)).rejects.toThrow()
      expect(await store.findLinkByTokenHash('fresh')).toBeUndefined()
    })

    it('stores the initial state of a created roadmap', async () => {
      const input = newRoadmap('r1')
      input.state = bytes(1, 2, 3)
      input.stateVector = bytes(0)
      await store.createRoadmap(input)
      const d = await store.loadDoc('r1')
      expect(d.state).toEqual(bytes(1, 2, 3))
      expect(d.stateVector).toEqual(bytes(0))
      expect(d.updates).toEqual([])
    })

    it('stores a large initial state whole (an import of megabytes)', async () => {
      const input = newRoadmap('r1')
      const state = new Uint8Array(2_700_001)
      for (let i = 0; i < state.length; i++) state[i] = (i * 7919) >>> 5
      input.state = state
      input.stateVector = bytes(0)
      await store.createRoadmap(input)
      const d = await store.loadDoc('r1')
      expect(d.state).toEqual(state)
      expect(d.stateVector).toEqual(bytes(0))
      expect(await store.listLinks('r1')).toHaveLength(3)
    })

    it('appends updates in order and loads them back', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      await store.createRoadmap(newRoadmap('r2'))
      const a = await store.appendUpdates('r1', [bytes(1), bytes(2, 2)], 2000)
      await store.appendUpdates('r2', [bytes(9)], 2001)
      const b = await store.appendUpdates('r1', [bytes(3)], 2002)
      expect(b.lastSeq).toBeGreaterThan(a.lastSeq)
      const d = await store.loadDoc('r1')
      expect(d.state).toBeNull()
      expect(d.updates).toEqual([bytes(1), bytes(2, 2), bytes(3)])
      expect(d.lastSeq).toBe(b.lastSeq)
      expect(d.logBytes).toBe(4)
      expect((await store.getRoadmap('r1'))?.updatedAt).toBe(2002)
      expect((await store.loadDoc('r2')).updates).toEqual([bytes(9)])
    })

    it('compacts through a seq and keeps later updates', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      const a = await store.appendUpdates('r1', [bytes(1), bytes(2)], 2000)
      await store.appendUpdates('r1', [bytes(3)], 2001)
      await store.compact('r1', bytes(7, 7), bytes(5), a.lastSeq)
      const d = await store.loadDoc('r1')
      expect(d.state).toEqual(bytes(7, 7))
      expect(d.stateVector).toEqual(bytes(5))
      expect(d.updates).toEqual([bytes(3)])
      await store.compact('r1', bytes(8), bytes(6), d.lastSeq)
      const e = await store.loadDoc('r1')
      expect(e.state).toEqual(bytes(8))
      expect(e.updates).toEqual([])
      expect(e.logBytes).toBe(0)
    })

    it('loading does not change what is stored', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      await store.appendUpdates('r1', [bytes(1)], 2000)
      const before = await store.bytesStored()
      await store.loadDoc('r1')
      await store.loadDoc('r1')
      expect(await store.bytesStored()).toBe(before)
      expect((await store.loadDoc('r1')).updates).toEqual([bytes(1)])
    })

    it('deletes roadmaps never used, and keeps opened or edited ones', async () => {
      for (const id of ['unused', 'opened', 'edited', 'recent'])
        await store.createRoadmap(newRoadmap(id, id === 'recent' ? 50 : 10))
      await store.createSnapshot({
        id: 'su',
        roadmapId: 'unused',
        name: 's',
        kind: 'auto',
        createdAt: 10,
        size: 1,
        state: bytes(1),
      })
      await store.touchRoadmap('opened', 20)
      await store.appendUpdates('edited', [bytes(1)], 10)
      expect(await store.deleteUnusedRoadmaps(40, 100)).toEqual(['unused'])
      expect(await store.getRoadmap('unused')).toBeUndefined()
      expect(await store.listSnapshots('unused')).toEqual([])
      expect(await store.listLinks('unused')).toEqual([])
      for (const id of ['opened', 'edited', 'recent'])
        expect((await store.getRoadmap(id))?.id).toBe(id)
      expect(await store.deleteUnusedRoadmaps(40, 100)).toEqual([])
    })

    it('keeps snapshots with their kind and state', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      await store.createSnapshot({
        id: 's1',
        roadmapId: 'r1',
        name: 'one',
        kind: 'named',
        createdAt: 5,
        size: 2,
        state: bytes(4, 5),
      })
      await store.createSnapshot({
        id: 's2',
        roadmapId: 'r1',
        name: 'auto',
        kind: 'auto',
        createdAt: 6,
        size: 1,
        state: bytes(6),
      })
      const list = await store.listSnapshots('r1')
      expect(list).toEqual([
        {
          id: 's1',
          roadmapId: 'r1',
          name: 'one',
          kind: 'named',
          createdAt: 5,
          size: 2,
          editors: [],
        },
        {
          id: 's2',
          roadmapId: 'r1',
          name: 'auto',
          kind: 'auto',
          createdAt: 6,
          size: 1,
          editors: [],
        },
      ])
      expect((await store.getSnapshot('r1', 's1'))?.state).toEqual(bytes(4, 5))
      expect(await store.getSnapshot('r2', 's1')).toBeUndefined()
      expect(await store.listSnapshots('r2')).toEqual([])
      expect(await store.deleteSnapshot('r2', 's1')).toBe(false)
      expect(await store.deleteSnapshot('r1', 's1')).toBe(true)
      expect(await store.deleteSnapshot('r1', 's1')).toBe(false)
      expect((await store.listSnapshots('r1')).map((s) => s.id)).toEqual(['s2'])
      expect(await store.getSnapshot('r1', 's1')).toBeUndefined()
      // A snapshot stored after the deleted one still reads whole (it may have been a delta).
      expect((await store.getSnapshot('r1', 's2'))?.state).toEqual(bytes(6))
    })

    it('deletes a snapshot in the middle of a history and keeps every other one whole', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      const state = (i: number): Uint8Array =>
        new Uint8Array(2000).map((_, j) => (j < 1990 ? (j * 7) % 251 : i))
      for (let i = 0; i < 6; i++)
        await store.createSnapshot({
          id: `s${i}`,
          roadmapId: 'r1',
          name: `day ${i}`,
          kind: 'auto',
          createdAt: 10 + i,
          size: 2000,
          state: state(i),
        })
      expect(await store.deleteSnapshot('r1', 's2')).toBe(true)
      expect(await store.deleteSnapshot('r1', 's0')).toBe(true)
      for (const i of [1, 3, 4, 5])
        expect((await store.getSnapshot('r1', `s${i}`))?.state).toEqual(state(i))
      await store.createSnapshot({
        id: 's6',
        roadmapId: 'r1',
        name: 'day 6',
        kind: 'auto',
        createdAt: 16,
        size: 2000,
        state: state(6),
      })
      expect(await store.deleteSnapshot('r1', 's5')).toBe(true)
      expect((await store.getSnapshot('r1', 's6'))?.state).toEqual(state(6))
      expect((await store.listSnapshots('r1')).map((s) => s.id)).toEqual(['s1', 's3', 's4', 's6'])
    })

    it('creates, lists and revokes links', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      await store.createLink({
        id: 'extra',
        roadmapId: 'r1',
        role: 'viewer',
        tokenHash: 'h-extra',
        label: 'board',
        personName: 'Dana Reyes',
        expiresAt: 99_999,
        revokedAt: null,
        createdAt: 5000,
      })
      await expect(
        store.createLink({
          id: 'dup',
          roadmapId: 'r1',
          role: 'viewer',
          tokenHash: 'h-extra',
          label: null,
          personName: null,
          expiresAt: null,
          revokedAt: null,
          createdAt: 1,
        }),
      ).rejects.toThrow()
      expect((await store.listLinks('r1')).map((l) => l.id)).toEqual([
        'r1-l1',
        'r1-l2',
        'r1-l3',
        'extra',
      ])
      expect(await store.revokeLink('r2', 'extra', 6000)).toBe(false)
      expect(await store.revokeLink('r1', 'extra', 6000)).toBe(true)
      expect(await store.revokeLink('r1', 'extra', 7000)).toBe(false)
      expect(await store.findLinkByTokenHash('h-extra')).toMatchObject({
        label: 'board',
        expiresAt: 99_999,
        revokedAt: 6000,
      })
    })

    it('keeps a personal link’s name, and gives a link a new token on demand', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      await store.createLink({
        id: 'dana',
        roadmapId: 'r1',
        role: 'editor',
        tokenHash: 'h-dana',
        label: null,
        personName: 'Dana Reyes',
        expiresAt: null,
        revokedAt: null,
        createdAt: 5000,
      })
      expect(await store.findLinkByTokenHash('h-dana')).toMatchObject({ personName: 'Dana Reyes' })
      expect(await store.reissueLink('r2', 'dana', 'h-new')).toBe(false)
      expect(await store.reissueLink('r1', 'dana', 'h-new')).toBe(true)
      expect(await store.findLinkByTokenHash('h-dana')).toBeUndefined()
      expect(await store.findLinkByTokenHash('h-new')).toMatchObject({
        id: 'dana',
        personName: 'Dana Reyes',
      })
      await store.revokeLink('r1', 'dana', 6000)
      expect(await store.reissueLink('r1', 'dana', 'h-newer')).toBe(false)
    })

    it('checkpoints without changing what is stored', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      await store.appendUpdates('r1', [bytes(1)], 2000)
      await store.checkpoint()
      expect((await store.loadDoc('r1')).updates).toEqual([bytes(1)])
    })

    it('counts stored bytes', async () => {
      await store.createRoadmap(newRoadmap('r1'))
      const before = await store.bytesStored()
      await store.appendUpdates('r1', [new Uint8Array(50_000).fill(3)], 1)
      expect(await store.bytesStored()).toBeGreaterThan(before)
    })

    it('persists across reopen when durable', async () => {
      if (!reopen) return
      await store.createRoadmap(newRoadmap('r1'))
      await store.appendUpdates('r1', [bytes(1), bytes(2)], 2000)
      await store.close()
      store = await reopen()
      expect((await store.loadDoc('r1')).updates).toEqual([bytes(1), bytes(2)])
      expect(await store.getRoadmap('r1')).toMatchObject({ title: 'T r1' })
    })
  })
  snapshotHistoryContract(name, open)
  snapshotEditorsContract(name, open)
}

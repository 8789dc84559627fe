// Seeded random convergence: several peers edit one roadmap through the `Roadmap` API while
// their updates are delivered late, out of order, or lost to a disconnect and recovered by
// a state-vector sync on reconnect. Afterwards every peer must read, export and derive
// (backlog, report, schedule) exactly the same roadmap, and concurrent reorders must
// neither lose nor duplicate entries.
//
// MERIDIAN_FUZZ_SESSIONS=20000 runs more sessions; MERIDIAN_FUZZ_SEED=n starts at seed n.
// A failing seed is printed in the error: add it to REGRESSION_SEEDS.

import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog } from './backlog.js'
import { deriveReport } from './report.js'
import { checkSchedule } from './schedule.js'
import { collectionOf } from './collections.js'
import { exportRoadmap } from './export.js'
import { problems } from './problems.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import { RANKED_KINDS } from './order.js'
import type { RankedKind } from './order.js'
import type { RoadmapData } from './schema.js'
import { idSource, randomEdit, randomRoadmap } from './testing/random-edits.js'

const REMOTE = Symbol('remote')
const TODAY = '2026-06-01'

/** Seeds that once failed, kept as named regressions. */
const REGRESSION_SEEDS: Array<{ seed: number; why: string }> = []

interface Peer {
  name: string
  doc: Y.Doc
  roadmap: Roadmap
  inbox: Uint8Array[]
  online: boolean
}

function env(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
  return process?.env?.[name]
}

class Network {
  readonly peers: Peer[] = []

  constructor(
    readonly gen: prng.PRNG,
    count: number,
  ) {
    for (let i = 0; i < count; i++) {
      // A fixed guid: the default one costs 32 calls into the system RNG.
      const doc = new Y.Doc({ guid: `peer-${i}` })
      doc.clientID = i + 1
      const peer: Peer = {
        name: `p${i}`,
        doc,
        roadmap: new Roadmap(doc, { origin: `peer-${i}`, createId: idSource(`p${i}.`) }),
        inbox: [],
        online: true,
      }
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE || !peer.online) return
        for (const other of this.peers) if (other !== peer && other.online) other.inbox.push(update)
      })
      this.peers.push(peer)
    }
  }

  /** Delivers one buffered update, chosen at random, to a random peer. */
  deliverOne(): boolean {
    const waiting = this.peers.filter((peer) => peer.inbox.length > 0)
    if (waiting.length === 0) return false
    const peer = prng.oneOf(this.gen, waiting)
    const [update] = peer.inbox.splice(prng.uint32(this.gen, 0, peer.inbox.length - 1), 1)
    Y.applyUpdate(peer.doc, update!, REMOTE)
    return true
  }

  disconnect(peer: Peer): void {
    peer.online = false
    peer.inbox = [] // in flight: lost with the connection
  }

  /** Reconnecting exchanges state vectors and the missing diffs with every online peer. */
  reconnect(peer: Peer): void {
    for (const other of this.peers) {
      if (other === peer || !other.online) continue
      Y.applyUpdate(
        peer.doc,
        Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc)),
        REMOTE,
      )
      Y.applyUpdate(
        other.doc,
        Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)),
        REMOTE,
      )
    }
    peer.online = true
  }

  settle(): void {
    for (const peer of this.peers) if (!peer.online) this.reconnect(peer)
    while (this.deliverOne()) {
      // shuffled delivery until every inbox is empty
    }
  }
}

function assertSame(label: string, values: unknown[]): void {
  const first = JSON.stringify(values[0])
  for (let i = 1; i < values.length; i++) {
    if (JSON.stringify(values[i]) !== first)
      expect(values[i], `${label}: peer ${i} differs from peer 0`).toEqual(values[0])
  }
}

function assertConverged(network: Network, fromScratch = true): RoadmapData {
  const docs = network.peers.map((peer) => peer.doc)
  const data = docs.map((doc) => readRoadmap(doc))
  assertSame('readRoadmap', data)
  // The incrementally cached read equals a read from scratch.
  if (fromScratch) {
    const scratch = new Y.Doc({ guid: 'scratch' })
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(docs[0]!))
    expect(readRoadmap(scratch), 'cached read ≠ read from scratch').toEqual(data[0])
  }
  assertSame(
    'exportRoadmap',
    docs.map((doc) => exportRoadmap(doc)),
  )
  assertSame(
    'deriveBacklog',
    docs.map((doc) => deriveBacklog(doc, TODAY)),
  )
  assertSame(
    'deriveReport',
    docs.map((doc) => deriveReport(doc, TODAY)),
  )
  assertSame(
    'checkSchedule',
    docs.map((doc) => checkSchedule(doc, TODAY)),
  )
  assertSame(
    'strategy',
    docs.map((doc) => doc.getXmlFragment('strategy').toString()),
  )

  const roadmap = data[0]!
  for (const kind of RANKED_KINDS) {
    const listed = roadmap[kind].map((entity) => entity.id)
    expect(new Set(listed).size, `${kind}: an id listed twice`).toBe(listed.length)
    expect([...listed].sort(), `${kind}: listed ≠ stored`).toEqual(
      [...collectionOf(docs[0]!, kind).keys()].sort(),
    )
  }
  // Every dangling reference the concurrent deletes left is reported.
  const features = new Set(roadmap.features.map((f) => f.id))
  const reported = new Set(problems(roadmap).map((p) => `${p.kind}/${p.id}/${p.field}`))
  for (const item of roadmap.items) {
    if (!features.has(item.featureId)) expect(reported.has(`items/${item.id}/featureId`)).toBe(true)
  }
  return roadmap
}

/** Siblings of an entity in display order: items are ordered within their feature. */
function siblingIds(data: RoadmapData, kind: RankedKind, id: string): string[] {
  if (kind !== 'items') return data[kind].map((entity) => entity.id)
  const featureId = data.items.find((item) => item.id === id)?.featureId
  return data.items.filter((item) => item.featureId === featureId).map((item) => item.id)
}

/** After convergence, one reorder lands exactly where asked, on every peer, ties or not. */
function settlingReorder(network: Network, data: RoadmapData): void {
  const { gen } = network
  const kind = prng.oneOf(gen, [...RANKED_KINDS])
  if (data[kind].length < 2) return
  const id = prng.oneOf(
    gen,
    data[kind].map((entity) => entity.id),
  )
  const others = siblingIds(data, kind, id).filter((other) => other !== id)
  const index = prng.uint32(gen, 0, others.length)
  const peer = prng.oneOf(gen, network.peers)
  const collection = peer.roadmap[kind] as {
    reorder(id: string, p: { before: string | null; after: string | null }): boolean
  }
  expect(
    collection.reorder(id, { before: others[index - 1] ?? null, after: others[index] ?? null }),
  ).toBe(true)
  network.settle()
  const expected = [...others.slice(0, index), id, ...others.slice(index)]
  for (const other of network.peers)
    expect(siblingIds(readRoadmap(other.doc), kind, id)).toEqual(expected)
}

function runSession(seed: number): void {
  const gen = prng.create(seed)
  const network = new Network(gen, 3 + prng.uint32(gen, 0, 2))
  // A shared starting roadmap, built by one peer and loaded by the others.
  const [first, ...others] = network.peers
  for (const peer of others) network.disconnect(peer)
  randomRoadmap(gen, first!.roadmap, prng.int32(gen, 2, 6))
  const initial = Y.encodeStateAsUpdate(first!.doc)
  for (const peer of others) {
    Y.applyUpdate(peer.doc, initial, REMOTE)
    peer.online = true
  }

  const steps = prng.int32(gen, 4, 16)
  for (let step = 0; step < steps; step++) {
    const roll = prng.int32(gen, 0, 99)
    const peer = prng.oneOf(gen, network.peers)
    if (roll < 60) randomEdit(gen, peer.roadmap)
    else if (roll < 68)
      readRoadmap(peer.doc) // warms the incremental cache mid-session
    else if (roll < 92) network.deliverOne()
    else if (peer.online) network.disconnect(peer)
    else network.reconnect(peer)
  }
  network.settle()
  const data = assertConverged(network, seed % 4 === 0)
  settlingReorder(network, data)
}

function checkSeed(seed: number): void {
  try {
    runSession(seed)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(
      `Convergence failed for seed ${seed} (add it to REGRESSION_SEEDS):\n${message}`,
      { cause: error },
    )
  }
}

describe('convergence', () => {
  const sessions = Number(env('MERIDIAN_FUZZ_SESSIONS') ?? 1000)
  const start = Number(env('MERIDIAN_FUZZ_SEED') ?? 0)

  // Long runs are split into tests of 1,000 sessions, each with its own time budget.
  for (let from = start; from < start + sessions; from += 1000) {
    const to = Math.min(from + 1000, start + sessions)
    test(`random sessions, seeds ${from}–${to - 1}, converge`, { timeout: 300_000 }, () => {
      for (let seed = from; seed < to; seed++) checkSeed(seed)
    })
  }

  for (const { seed, why } of REGRESSION_SEEDS)
    test(`regression: seed ${seed} (${why})`, () => checkSeed(seed))

  test('concurrent reorders of the same entity neither lose nor duplicate it', () => {
    const network = new Network(prng.create(1), 3)
    const [a, b, c] = network.peers as [Peer, Peer, Peer]
    const lane = a.roadmap.lanes.create({ name: 'L' })
    const ids = ['one', 'two', 'three', 'four'].map((title) =>
      a.roadmap.features.create({ laneId: lane, title }),
    )
    network.settle()
    a.roadmap.features.reorder(ids[3]!, { before: null })
    b.roadmap.features.reorder(ids[3]!, { before: ids[1]!, after: ids[2]! })
    c.roadmap.features.reorder(ids[0]!, { after: null })
    network.settle()
    const data = assertConverged(network)
    expect(data.features).toHaveLength(4)
    expect(new Set(data.features.map((f) => f.id))).toEqual(new Set(ids))
  })

  test('concurrent inserts at the same spot tie, are ordered by id, and a reorder between them is exact', () => {
    const network = new Network(prng.create(2), 3)
    const [a, b, c] = network.peers as [Peer, Peer, Peer]
    const lane = a.roadmap.lanes.create({ name: 'L' })
    const left = a.roadmap.features.create({ laneId: lane, title: 'left' })
    const right = a.roadmap.features.create({ laneId: lane, title: 'right' })
    network.settle()
    const fromA = a.roadmap.features.create({
      laneId: lane,
      title: 'a',
      before: left,
      after: right,
    })
    const fromB = b.roadmap.features.create({
      laneId: lane,
      title: 'b',
      before: left,
      after: right,
    })
    network.settle()
    let data = assertConverged(network)
    const [rankA, rankB] = [fromA, fromB].map((id) => data.features.find((f) => f.id === id)!.rank)
    expect(rankA).toBe(rankB)
    expect(data.features.map((f) => f.id)).toEqual([left, ...[fromA, fromB].sort(), right])

    c.roadmap.features.reorder(right, {
      before: [fromA, fromB].sort()[0]!,
      after: [fromA, fromB].sort()[1]!,
    })
    network.settle()
    data = assertConverged(network)
    expect(data.features.map((f) => f.id)).toEqual([
      left,
      [fromA, fromB].sort()[0],
      right,
      [fromA, fromB].sort()[1],
    ])
    const ranks = data.features.map((f) => f.rank)
    expect(new Set(ranks).size).toBe(ranks.length)
  })

  test('a feature deleted while another peer adds an item: the item dangles and is reported', () => {
    const network = new Network(prng.create(3), 3)
    const [a, b] = network.peers as [Peer, Peer, Peer]
    const lane = a.roadmap.lanes.create({ name: 'L' })
    const feature = a.roadmap.features.create({ laneId: lane, title: 'F' })
    const kept = a.roadmap.items.create({ featureId: feature, title: 'existing' })
    network.settle()
    network.disconnect(b)
    a.roadmap.features.delete(feature)
    const orphan = b.roadmap.items.create({ featureId: feature, title: 'added offline' })
    b.roadmap.features.update(feature, { title: 'edited offline' })
    network.settle()
    const data = assertConverged(network)
    expect(data.features).toEqual([])
    expect(data.items.map((item) => item.id)).toEqual([orphan])
    expect(data.items.some((item) => item.id === kept)).toBe(false)
    expect(problems(data)).toContainEqual({
      kind: 'items',
      id: orphan,
      field: 'featureId',
      missingId: feature,
    })
  })
})

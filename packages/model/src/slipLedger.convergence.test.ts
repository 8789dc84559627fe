// Seeded multi-peer sessions of date edits, delivered late, out of order or after an
// offline spell: every peer must end with the same slip ledger, holding every change any
// peer made to an entity that still exists (below the cap), and the cap must bound it.

import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addDays } from './dates.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import type { FeatureId, LaneId, MilestoneId } from './schema.js'
import { readSlipLedger, SLIP_LEDGER_CAP } from './slipLedger.js'
import { idSource } from './testing/random-edits.js'

const REMOTE = Symbol('remote')

interface Peer {
  doc: Y.Doc
  roadmap: Roadmap
  inbox: Uint8Array[]
  online: boolean
}

class Network {
  readonly peers: Peer[] = []
  /** A clock shared by every peer's ledger, one tick per read, so entries are ordered. */
  private tick = 0

  constructor(
    readonly gen: prng.PRNG,
    count: number,
  ) {
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc({ guid: `peer-${i}` })
      doc.clientID = i + 1
      const peer: Peer = {
        doc,
        roadmap: new Roadmap(doc, {
          origin: `peer-${i}`,
          createId: idSource(`p${i}.`),
          author: `user ${i}`,
          now: () => new Date(Date.UTC(2026, 0, 1) + this.tick++ * 1000).toISOString(),
        }),
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
    peer.inbox = []
  }

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

function startNetwork(seed: number, count: number) {
  const gen = prng.create(seed)
  const network = new Network(gen, count)
  const [first] = network.peers as [Peer]
  const lane = first.roadmap.lanes.create({ name: 'L' })
  const features = Array.from({ length: 6 }, (_, i) =>
    first.roadmap.features.create({
      laneId: lane,
      title: `F${i}`,
      start: '2026-03-02',
      end: '2026-03-27',
    }),
  )
  const milestones = Array.from({ length: 3 }, (_, i) =>
    first.roadmap.milestones.create({ title: `M${i}`, date: '2026-04-01', laneId: lane as LaneId }),
  )
  network.settle()
  return { gen, network, features, milestones }
}

function ledgerKeys(doc: Y.Doc): Set<string> {
  return new Set(readSlipLedger(doc).map((entry) => entry.key))
}

function runSession(seed: number): void {
  const { gen, network, features, milestones } = startNetwork(
    seed,
    3 + prng.uint32(prng.create(seed), 0, 2),
  )
  const recorded: Array<{ key: string; id: string }> = []
  const deleted = new Set<string>()
  const steps = prng.int32(gen, 20, 60)
  for (let step = 0; step < steps; step++) {
    const roll = prng.int32(gen, 0, 99)
    const peer = prng.oneOf(gen, network.peers)
    if (roll < 55) {
      const before = ledgerKeys(peer.doc)
      const shift = prng.int32(gen, -10, 20)
      let id: string
      if (prng.int32(gen, 0, 3) === 0) {
        id = prng.oneOf(gen, milestones)
        peer.roadmap.milestones.update(id as MilestoneId, { date: addDays('2026-04-01', shift) })
      } else {
        id = prng.oneOf(gen, features)
        const end = addDays('2026-03-27', shift)
        if (prng.bool(gen))
          peer.roadmap.features.move(id as FeatureId, { start: addDays(end, -25), end })
        else peer.roadmap.features.update(id as FeatureId, { end })
      }
      for (const key of ledgerKeys(peer.doc)) if (!before.has(key)) recorded.push({ key, id })
    } else if (roll < 58) {
      const id = prng.oneOf(gen, features)
      peer.roadmap.features.delete(id as FeatureId)
      deleted.add(id)
    } else if (roll < 85) network.deliverOne()
    else if (peer.online) network.disconnect(peer)
    else network.reconnect(peer)
  }
  network.settle()

  const ledgers = network.peers.map((peer) => JSON.stringify(readSlipLedger(peer.doc)))
  for (const ledger of ledgers) expect(ledger).toBe(ledgers[0])
  const data = network.peers.map((peer) => JSON.stringify(readRoadmap(peer.doc)))
  for (const one of data) expect(one).toBe(data[0])

  const final = readSlipLedger(network.peers[0]!.doc)
  const kept = new Set(final.map((entry) => entry.key))
  for (const { key, id } of recorded) {
    const count = final.filter((entry) => entry.id === id).length
    if (!deleted.has(id) && count < SLIP_LEDGER_CAP)
      expect(kept.has(key), `${id}: ${key} lost`).toBe(true)
  }
  for (const id of deleted) {
    // What remains of a deleted feature are only changes made concurrently with the delete.
    expect(final.filter((entry) => entry.id === id).length).toBeLessThanOrEqual(steps)
  }
}

describe('slip ledger convergence', () => {
  test('seeded sessions with concurrent and offline date edits end with one ledger', () => {
    for (let seed = 0; seed < 200; seed++) {
      try {
        runSession(seed)
      } catch (error) {
        throw new Error(`slip ledger convergence failed for seed ${seed}`, { cause: error })
      }
    }
  })

  test('offline peers may together pass the cap; the next change trims it on every peer', () => {
    const { network, features } = startNetwork(7, 2)
    const [a, b] = network.peers as [Peer, Peer]
    const id = features[0]! as FeatureId
    network.disconnect(b)
    for (let i = 1; i <= 40; i++) a.roadmap.features.update(id, { end: addDays('2026-03-27', i) })
    for (let i = 1; i <= 40; i++) b.roadmap.features.update(id, { end: addDays('2026-03-27', -i) })
    network.settle()
    expect(readSlipLedger(a.doc)).toHaveLength(80)
    b.roadmap.features.update(id, { end: '2026-06-01' })
    network.settle()
    for (const peer of network.peers) {
      const ledger = readSlipLedger(peer.doc)
      expect(ledger).toHaveLength(SLIP_LEDGER_CAP)
      expect(ledger.at(-1)!.to.end).toBe('2026-06-01')
    }
  })
})

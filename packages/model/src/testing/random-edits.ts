// Seeded random edits through the `Roadmap` API, for property and convergence tests.
// Every choice comes from the PRNG, so a seed replays exactly.

import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { collectionOf } from '../collections.js'
import { addDays } from '../dates.js'
import { problems } from '../problems.js'
import { readRoadmap } from '../read.js'
import type { Roadmap } from '../roadmap.js'
import {
  DIRECTION,
  FEATURE_STATUS,
  GOAL_STATUS,
  HEALTH,
  ITEM_STATUS,
  MILESTONE_STATUS,
  RESOURCE_KIND,
  RISK_STATUS,
} from '../schema.js'
import type {
  EntityKind,
  FeatureId,
  GoalId,
  IndicatorId,
  ItemId,
  LaneId,
  MilestoneId,
  ResourceId,
  RiskId,
} from '../schema.js'

type Gen = prng.PRNG

/** Deterministic ids for a peer: unique across peers, replayable. */
export function idSource(prefix: string): () => string {
  let next = 0
  return () => `${prefix}${(next++).toString(36)}`
}

function ids<T extends string>(roadmap: Roadmap, kind: EntityKind): T[] {
  return [...collectionOf(roadmap.doc, kind).keys()].sort() as T[]
}

function pick<T>(gen: Gen, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[prng.uint32(gen, 0, list.length - 1)]
}

function some<T>(gen: Gen, list: readonly T[]): T[] {
  return list.filter(() => prng.int32(gen, 0, 3) === 0)
}

function values<T>(vocabulary: Record<string, T>): T[] {
  return Object.values(vocabulary)
}

function date(gen: Gen): string {
  return addDays('2026-01-01', prng.int32(gen, 0, 400))
}

function maybe<T>(gen: Gen, value: () => T): T | null {
  return prng.bool(gen) ? value() : null
}

function word(gen: Gen): string {
  return prng.word(gen, 1, 8)
}

/** A placement among existing siblings: first, last, after one, before one, or both. */
function placement<T extends string>(gen: Gen, siblings: readonly T[]) {
  switch (prng.int32(gen, 0, 4)) {
    case 0:
      return { before: null }
    case 1:
      return { after: null }
    case 2:
      return { before: pick(gen, siblings) }
    case 3:
      return { after: pick(gen, siblings) }
    default:
      return { before: pick(gen, siblings), after: pick(gen, siblings) }
  }
}

/** Edits rich text: inserts blocks, types formatted text, deletes, reformats. */
export function editRichText(gen: Gen, fragment: Y.XmlFragment): void {
  const blocks = fragment.toArray()
  const op = blocks.length === 0 ? 0 : prng.int32(gen, 0, 5)
  if (op === 0) {
    const kind = prng.int32(gen, 0, 2)
    const at = prng.uint32(gen, 0, blocks.length)
    if (kind === 0) {
      const heading = new Y.XmlElement('heading')
      fragment.insert(at, [heading])
      heading.setAttribute('level', String(prng.int32(gen, 1, 3)))
      heading.insert(0, [new Y.XmlText(word(gen))])
    } else if (kind === 1) {
      const list = new Y.XmlElement('bulletList')
      const item = new Y.XmlElement('listItem')
      const paragraph = new Y.XmlElement('paragraph')
      fragment.insert(at, [list])
      list.insert(0, [item])
      item.insert(0, [paragraph])
      paragraph.insert(0, [new Y.XmlText(word(gen))])
    } else {
      const paragraph = new Y.XmlElement('paragraph')
      fragment.insert(at, [paragraph])
      paragraph.insert(0, [new Y.XmlText()])
    }
    return
  }
  const block = pick(gen, blocks)
  const text = block ? firstText(block) : undefined
  if (op === 5 || !text) {
    if (block && prng.int32(gen, 0, 3) === 0) fragment.delete(blocks.indexOf(block), 1)
    return
  }
  const at = prng.uint32(gen, 0, text.length)
  if (op === 1 || op === 2 || text.length === 0) {
    const attributes = prng.bool(gen)
      ? {}
      : prng.bool(gen)
        ? { bold: true }
        : { link: { href: `https://x.test/${word(gen)}` } }
    text.insert(at, word(gen) + ' ', attributes)
  } else if (op === 3) {
    text.delete(at, Math.min(prng.int32(gen, 1, 4), text.length - at))
  } else {
    text.format(
      at,
      Math.min(prng.int32(gen, 1, 6), text.length - at),
      prng.bool(gen) ? { italic: true } : { bold: null },
    )
  }
}

function firstText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): Y.XmlText | undefined {
  if (node instanceof Y.XmlText) return node
  if (node instanceof Y.XmlElement) {
    for (const child of node.toArray()) {
      const found = firstText(child)
      if (found) return found
    }
  }
  return undefined
}

export interface EditOptions {
  /** Weight of creates against other edits (a fresh roadmap needs more creates). */
  createBias?: number
}

/** One random edit of any kind through `roadmap`. */
export function randomEdit(gen: Gen, roadmap: Roadmap, options: EditOptions = {}): void {
  const lanes = ids<LaneId>(roadmap, 'lanes')
  const features = ids<FeatureId>(roadmap, 'features')
  const goals = ids<GoalId>(roadmap, 'goals')
  const resources = ids<ResourceId>(roadmap, 'resources')
  const items = ids<ItemId>(roadmap, 'items')
  const creates = prng.int32(gen, 0, 99) < (options.createBias ?? 35)
  const kind = prng.int32(gen, 0, 13)

  switch (kind) {
    case 0: {
      const id = pick(gen, lanes)
      if (creates || !id)
        roadmap.lanes.create({
          name: word(gen),
          color: `#${prng.int32(gen, 0x100000, 0xffffff).toString(16)}`,
          ...placement(gen, lanes),
        })
      else {
        const op = prng.int32(gen, 0, 3)
        if (op === 0) roadmap.lanes.update(id, { name: word(gen), collapsed: prng.bool(gen) })
        else if (op === 1) roadmap.lanes.delete(id)
        else roadmap.lanes.reorder(id, placement(gen, lanes))
      }
      return
    }
    case 1:
    case 2: {
      const id = pick(gen, features)
      if (creates || !id) {
        roadmap.features.create({
          laneId: pick(gen, lanes) ?? ('nolane' as LaneId),
          title: word(gen),
          start: maybe(gen, () => date(gen)),
          end: maybe(gen, () => date(gen)),
          status: pick(gen, values(FEATURE_STATUS)),
          goalIds: some(gen, goals),
          estimate: maybe(gen, () => prng.int32(gen, 1, 20)),
          ...placement(gen, features),
        })
        return
      }
      const op = prng.int32(gen, 0, 7)
      if (op === 0)
        roadmap.features.update(id, {
          title: word(gen),
          status: pick(gen, values(FEATURE_STATUS)),
          health: pick(gen, values(HEALTH)),
        })
      else if (op === 1)
        roadmap.features.update(id, {
          dependsOn: some(gen, features),
          resourceIds: some(gen, resources),
          goalIds: some(gen, goals),
          reach: prng.int32(gen, 0, 1000),
          impact: prng.int32(gen, 1, 3),
          confidence: prng.real53(gen),
          effort: prng.int32(gen, 1, 8),
          horizon: pick(gen, ['now', 'next', 'later', null] as const),
        })
      else if (op === 2) roadmap.features.delete(id)
      else if (op === 3 || op === 4) roadmap.features.reorder(id, placement(gen, features))
      else if (op === 5)
        roadmap.features.move(id, { laneId: pick(gen, lanes), start: date(gen), end: date(gen) })
      else {
        const description = roadmap.features.description(id)
        if (description) roadmap.transact(() => editRichText(gen, description))
      }
      return
    }
    case 3: {
      const id = pick(gen, ids<MilestoneId>(roadmap, 'milestones'))
      if (creates || !id)
        roadmap.milestones.create({
          title: word(gen),
          date: date(gen),
          laneId: pick(gen, lanes) ?? null,
        })
      else if (prng.bool(gen))
        roadmap.milestones.update(id, {
          status: pick(gen, values(MILESTONE_STATUS)),
          date: date(gen),
        })
      else roadmap.milestones.delete(id)
      return
    }
    case 4: {
      const id = pick(gen, goals)
      if (creates || !id) roadmap.goals.create({ title: word(gen), ...placement(gen, goals) })
      else {
        const op = prng.int32(gen, 0, 4)
        if (op === 0)
          roadmap.goals.update(id, { status: pick(gen, values(GOAL_STATUS)), title: word(gen) })
        else if (op === 1) roadmap.goals.delete(id)
        else if (op === 2) roadmap.goals.reorder(id, placement(gen, goals))
        else {
          const description = roadmap.goals.description(id)
          if (description) roadmap.transact(() => editRichText(gen, description))
        }
      }
      return
    }
    case 5: {
      const id = pick(gen, ids<IndicatorId>(roadmap, 'indicators'))
      if (creates || !id)
        roadmap.indicators.create({
          name: word(gen),
          unit: pick(gen, ['%', 'users', '']),
          baseline: prng.int32(gen, 0, 50),
          target: prng.int32(gen, 50, 100),
          direction: pick(gen, values(DIRECTION)),
          goalId: pick(gen, goals) ?? null,
        })
      else {
        const op = prng.int32(gen, 0, 3)
        if (op === 0)
          roadmap.indicators.update(id, {
            target: prng.int32(gen, 0, 100),
            goalId: pick(gen, goals) ?? null,
          })
        else if (op === 1) roadmap.indicators.delete(id)
        else roadmap.indicators.record(id, { date: date(gen), value: prng.int32(gen, 0, 100) })
      }
      return
    }
    case 6: {
      const id = pick(gen, ids<RiskId>(roadmap, 'risks'))
      if (creates || !id)
        roadmap.risks.create({
          title: word(gen),
          likelihood: prng.int32(gen, 1, 5),
          impact: prng.int32(gen, 1, 5),
          ownerId: pick(gen, resources) ?? null,
          featureIds: some(gen, features),
        })
      else if (prng.bool(gen))
        roadmap.risks.update(id, {
          status: pick(gen, values(RISK_STATUS)),
          mitigation: word(gen),
          featureIds: some(gen, features),
        })
      else roadmap.risks.delete(id)
      return
    }
    case 7: {
      const id = pick(gen, resources)
      if (creates || !id)
        roadmap.resources.create({
          name: word(gen),
          kind: pick(gen, values(RESOURCE_KIND)),
          capacity: maybe(gen, () => prng.int32(gen, 1, 40)),
        })
      else if (prng.bool(gen))
        roadmap.resources.update(id, { role: word(gen), capacity: prng.int32(gen, 1, 40) })
      else roadmap.resources.delete(id)
      return
    }
    case 8:
    case 9: {
      const id = pick(gen, items)
      const featureId = pick(gen, features)
      if (creates || !id) {
        if (featureId)
          roadmap.items.create({
            featureId,
            title: word(gen),
            estimate: maybe(gen, () => prng.int32(gen, 1, 8)),
            assigneeId: pick(gen, resources) ?? null,
          })
        return
      }
      const op = prng.int32(gen, 0, 5)
      if (op === 0)
        roadmap.items.update(id, { title: word(gen), assigneeId: pick(gen, resources) ?? null })
      else if (op === 1) roadmap.items.delete(id)
      else if (op === 2) roadmap.items.reorder(id, placement(gen, items))
      else if (op === 3 && featureId) roadmap.items.move(id, featureId, placement(gen, items))
      else {
        const status = pick(gen, values(ITEM_STATUS))!
        if (status === ITEM_STATUS.done)
          roadmap.items.setStatus(id, status, { by: word(gen), at: `${date(gen)}T10:00:00.000Z` })
        else roadmap.items.setStatus(id, status)
      }
      return
    }
    case 10:
      roadmap.transact(() => editRichText(gen, roadmap.strategy()))
      return
    case 13: {
      // Fix a dangling reference, as the UI offers: drop it or point it elsewhere.
      const problem = pick(gen, problems(readRoadmap(roadmap.doc)))
      if (!problem) return
      const replacement =
        problem.field === 'laneId'
          ? pick(gen, lanes)
          : problem.field === 'featureId'
            ? pick(gen, features)
            : undefined
      roadmap.repair(problem, replacement)
      return
    }
    case 11:
      roadmap.setMeta(
        prng.bool(gen) ? { title: word(gen) } : { horizonStart: date(gen), horizonEnd: date(gen) },
      )
      return
    default: {
      // A newer client's field: must survive every edit, export and import.
      const kind = pick(gen, ['lanes', 'features', 'items'] as const)!
      const target = pick(gen, ids(roadmap, kind))
      const map = target ? collectionOf(roadmap.doc, kind).get(target) : undefined
      if (!(map instanceof Y.Map)) return
      roadmap.transact(() => {
        if (prng.bool(gen)) map.set('x-future', { votes: prng.int32(gen, 0, 9), tags: [word(gen)] })
        else {
          const comments = new Y.Array<unknown>()
          map.set('x-comments', comments)
          comments.push([word(gen), { $ref: word(gen) }])
        }
      })
    }
  }
}

/** A roadmap built from `edits` random edits (creates first, then a mix). */
export function randomRoadmap(gen: Gen, roadmap: Roadmap, edits: number): void {
  roadmap.init({ title: word(gen), horizonStart: '2026-01-01', horizonEnd: '2026-12-31' })
  for (let i = 0; i < edits; i++) randomEdit(gen, roadmap, { createBias: i < edits / 3 ? 80 : 30 })
}

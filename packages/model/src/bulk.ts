// Appending many entities at once (an import into an existing roadmap): one transaction with
// the caller's origin, so it is one update and one undo step. Written straight into the
// Y.Doc like `largeRoadmap`: `Roadmap.create` re-ranks the siblings on every call, which is
// quadratic for thousands of rows. Every entity gets every schema field, as `Roadmap` writes
// them, ranked after everything already there.
import { generateNKeysBetween } from 'fractional-indexing'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { collectionOf, entityEntries } from './collections.js'
import type { Origin } from './context.js'
import { writeField } from './entity-collection.js'
import { fieldsOf, NORMALIZE } from './normalize.js'
import { DESCRIPTION } from './rich-text.js'
import type {
  EntityKind,
  FeatureStatus,
  Health,
  IsoDate,
  ItemStatus,
  ResourceKind,
} from './schema.js'

/** An entity of this batch (`ref`, the caller's key) or one already in the roadmap (`id`). */
export type BulkRef = { ref: string } | { id: string }

export interface BulkLane {
  ref: string
  name: string
  color: string
}
export interface BulkResource {
  ref: string
  name: string
  kind: ResourceKind
}
export interface BulkFeature {
  ref: string
  lane: BulkRef
  title: string
  start: IsoDate | null
  end: IsoDate | null
  status: FeatureStatus
  health?: Health
  estimate: number | null
  resources: BulkRef[]
  /** Plain text; each line becomes a paragraph of the rich-text description. */
  description: string
}
export interface BulkItem {
  feature: BulkRef
  title: string
  status: ItemStatus
  assignee: BulkRef | null
  estimate: number | null
}
export interface BulkInput {
  lanes: readonly BulkLane[]
  resources: readonly BulkResource[]
  features: readonly BulkFeature[]
  items: readonly BulkItem[]
  /** Who accepted the items that arrive done (done means accepted), and when (ISO time). */
  acceptance: { by: string; at: string }
}
export interface BulkResult {
  lanes: number
  resources: number
  features: number
  items: number
  /** The new entities' ids by their `ref`. */
  ids: Map<string, string>
}

function ranksAfter(doc: Y.Doc, kind: EntityKind, n: number): string[] {
  let last: string | null = null
  for (const [, map] of entityEntries(doc, kind)) {
    const rank = map.get('rank')
    if (typeof rank === 'string' && (last === null || rank > last)) last = rank
  }
  // A damaged rank (not a fractional index) must not stop the import: start a fresh range.
  try {
    return generateNKeysBetween(last, null, n)
  } catch {
    return generateNKeysBetween(null, null, n).map((r) => `${last ?? ''}${r}`)
  }
}

function paragraphs(text: string): Y.XmlElement[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .map((line) => {
      const p = new Y.XmlElement('paragraph')
      if (line) p.insert(0, [new Y.XmlText(line)])
      return p
    })
}

export function appendEntities(
  doc: Y.Doc,
  origin: Origin,
  input: BulkInput,
  createId: () => string = nanoid,
): BulkResult {
  const ids = new Map<string, string>()
  const resolve = (r: BulkRef): string => ('id' in r ? r.id : (ids.get(r.ref) ?? ''))
  // Each kind's schema defaults, once per call rather than once per row (ids aside, they
  // are the same for every entity; `writeField` copies arrays, so sharing them is safe).
  const defaultsOf = new Map<EntityKind, Record<string, unknown>>()
  const put = (kind: EntityKind, ref: string | null, fields: Record<string, unknown>) => {
    const id = createId()
    if (ref !== null) ids.set(ref, id)
    const map = new Y.Map<unknown>()
    collectionOf(doc, kind).set(id, map)
    map.set('id', id)
    let defaults = defaultsOf.get(kind)
    if (!defaults) {
      defaults = NORMALIZE[kind](id, fieldsOf({})) as unknown as Record<string, unknown>
      defaultsOf.set(kind, defaults)
    }
    for (const key in defaults) {
      if (key === 'id' || key === DESCRIPTION) continue
      const value = key in fields ? fields[key] : defaults[key]
      writeField(map, key, value)
    }
    for (const key in fields)
      if (!(key in defaults) && key !== 'id' && key !== DESCRIPTION)
        writeField(map, key, fields[key])
    return map
  }
  doc.transact(() => {
    const laneRanks = ranksAfter(doc, 'lanes', input.lanes.length)
    input.lanes.forEach((l, i) =>
      put('lanes', l.ref, { name: l.name, color: l.color, rank: laneRanks[i] }),
    )
    for (const r of input.resources) put('resources', r.ref, { name: r.name, kind: r.kind })
    const featureRanks = ranksAfter(doc, 'features', input.features.length)
    input.features.forEach((f, i) => {
      const map = put('features', f.ref, {
        laneId: resolve(f.lane),
        title: f.title,
        start: f.start,
        end: f.end,
        status: f.status,
        health: f.health,
        estimate: f.estimate,
        resourceIds: [...new Set(f.resources.map(resolve).filter(Boolean))],
        rank: featureRanks[i],
      })
      const description = new Y.XmlFragment()
      map.set(DESCRIPTION, description)
      if (f.description.trim()) description.insert(0, paragraphs(f.description))
    })
    const itemRanks = ranksAfter(doc, 'items', input.items.length)
    input.items.forEach((item, i) => {
      const done = item.status === 'done'
      put('items', null, {
        featureId: resolve(item.feature),
        title: item.title,
        status: item.status,
        assigneeId: item.assignee ? resolve(item.assignee) || null : null,
        estimate: item.estimate,
        rank: itemRanks[i],
        acceptedAt: done ? input.acceptance.at : null,
        acceptedBy: done ? input.acceptance.by : null,
      })
    })
  }, origin)
  return {
    lanes: input.lanes.length,
    resources: input.resources.length,
    features: input.features.length,
    items: input.items.length,
    ids,
  }
}

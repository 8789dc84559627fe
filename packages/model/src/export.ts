// `exportRoadmap(doc)`: the whole roadmap as JSON, lossless. Known fields are written as
// `readRoadmap` sees them (so an ill-typed value a peer wrote cannot make the file
// unreadable); every other field is kept as it is, Yjs types included (yjs-json.ts).

import * as Y from 'yjs'
import { entityEntries, metaMap } from './collections.js'
import { EXPORT_FORMAT, EXPORT_VERSION } from './json-schema.js'
import { NORMALIZE, fieldsOf } from './normalize.js'
import { readMeta } from './read.js'
import { DESCRIPTION } from './rich-text.js'
import { ENTITY_KINDS, ROOT } from './schema.js'
import type { EntityByKind, EntityKind, Feature, Goal, RoadmapMeta } from './schema.js'
import { encodeRichText, encodeValue, toJson } from './yjs-json.js'
import type { JsonValue, RichNode } from './yjs-json.js'

type Extra = { [field: string]: JsonValue }

export type EntityJson<K extends EntityKind> = EntityByKind[K] & Extra
export type FeatureJson = Feature & { description: RichNode[] } & Extra
export type GoalJson = Goal & { description: RichNode[] } & Extra

export interface RoadmapJson {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  meta: RoadmapMeta & Extra
  strategy: RichNode[]
  lanes: Record<string, EntityJson<'lanes'>>
  features: Record<string, FeatureJson>
  milestones: Record<string, EntityJson<'milestones'>>
  goals: Record<string, GoalJson>
  indicators: Record<string, EntityJson<'indicators'>>
  risks: Record<string, EntityJson<'risks'>>
  resources: Record<string, EntityJson<'resources'>>
  items: Record<string, EntityJson<'items'>>
}

/** Optional schema fields: known (so never exported raw) though not always present. */
const OPTIONAL_FIELDS: { [K in EntityKind]: readonly string[] } = {
  lanes: ['collapsed'],
  features: ['horizon', DESCRIPTION],
  milestones: [],
  goals: [DESCRIPTION],
  indicators: [],
  risks: [],
  resources: [],
  items: [],
}

const RICH_TEXT_KINDS: ReadonlySet<EntityKind> = new Set(['features', 'goals'])

/** The fields of each kind this version knows: the rest are exported as they are. */
export const KNOWN_FIELDS: { [K in EntityKind]: ReadonlySet<string> } = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [
    kind,
    new Set([...Object.keys(NORMALIZE[kind]('', fieldsOf({}))), ...OPTIONAL_FIELDS[kind]]),
  ]),
) as unknown as { [K in EntityKind]: ReadonlySet<string> }

export const KNOWN_META_FIELDS: ReadonlySet<string> = new Set([
  'schemaVersion',
  'title',
  'horizonStart',
  'horizonEnd',
])

export function exportRoadmap(doc: Y.Doc): RoadmapJson {
  const meta = withUnknown(toJson(readMeta(doc)) as Extra, metaMap(doc), KNOWN_META_FIELDS)
  const json = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    meta,
    strategy: encodeRichText(doc.getXmlFragment(ROOT.strategy)),
  } as Record<string, unknown>
  for (const kind of ENTITY_KINDS) json[kind] = exportCollection(doc, kind)
  return json as unknown as RoadmapJson
}

function exportCollection(doc: Y.Doc, kind: EntityKind): Record<string, Extra> {
  const out: Record<string, Extra> = {}
  const entries = entityEntries(doc, kind).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [id, map] of entries) {
    const known = toJson(NORMALIZE[kind](id, map)) as Extra
    if (RICH_TEXT_KINDS.has(kind)) {
      const description = map.get(DESCRIPTION)
      known[DESCRIPTION] =
        description instanceof Y.XmlFragment ? toJson(encodeRichText(description)) : []
    }
    out[id] = withUnknown(known, map, KNOWN_FIELDS[kind])
  }
  return out
}

function withUnknown(known: Extra, map: Y.Map<unknown>, knownFields: ReadonlySet<string>): Extra {
  const out: Extra = { ...known }
  for (const key of [...map.keys()].sort()) {
    if (knownFields.has(key)) continue
    const value: unknown = map.get(key)
    if (value !== undefined) out[key] = encodeValue(value)
  }
  return out
}

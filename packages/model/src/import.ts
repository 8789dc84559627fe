// `importRoadmap(json, doc?)`: validates the whole file first (nothing is written when any
// field is wrong), then writes it into one transaction.

import { generateNKeysBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { collectionOf, metaMap } from './collections.js'
import type { Origin } from './context.js'
import { KNOWN_FIELDS, KNOWN_META_FIELDS } from './export.js'
import { roadmapJsonSchema } from './json-schema.js'
import type { ParsedRoadmapJson } from './json-schema.js'
import { NORMALIZE, fieldsOf } from './normalize.js'
import { RANKED_KINDS } from './order.js'
import { ORIGIN } from './origins.js'
import { isValidRank } from './ranks.js'
import { DESCRIPTION } from './rich-text.js'
import { ENTITY_KINDS, ROOT, SCHEMA_VERSION } from './schema.js'
import type { EntityKind } from './schema.js'
import { fillRichText, writeDecoded } from './yjs-json.js'
import type { JsonValue, RichNode } from './yjs-json.js'

/** Deeper than any real document (a list nested 40 levels is ~170): refused before parsing. */
export const MAX_IMPORT_DEPTH = 256

export interface ImportError {
  /** Dotted path of the bad field, e.g. `features.abc.start` (`''` for the whole file). */
  path: string
  message: string
}

export type ImportResult = { ok: true; doc: Y.Doc } | { ok: false; error: ImportError }

export interface ImportOptions {
  /** Origin of the import transaction (default `ORIGIN.import`). */
  origin?: Origin
}

/**
 * Validates `json` (an export, as a parsed value or JSON text) and writes it into `doc`
 * (replacing what it held) or into a new doc. On a malformed file nothing is written and the
 * error names the first bad field.
 */
export function importRoadmap(
  json: unknown,
  doc?: Y.Doc,
  options: ImportOptions = {},
): ImportResult {
  let input = json
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown
    } catch (error) {
      return {
        ok: false,
        error: { path: '', message: `Invalid JSON: ${(error as Error).message}` },
      }
    }
  }
  const tooDeep = findTooDeep(input)
  if (tooDeep) return { ok: false, error: tooDeep }
  const parsed = roadmapJsonSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { ok: false, error: { path: issue.path.map(String).join('.'), message: issue.message } }
  }
  const target = doc ?? new Y.Doc()
  target.transact(() => write(target, parsed.data), options.origin ?? ORIGIN.import)
  return { ok: true, doc: target }
}

function write(doc: Y.Doc, data: ParsedRoadmapJson): void {
  const meta = metaMap(doc)
  for (const key of [...meta.keys()]) meta.delete(key)
  const strategy = doc.getXmlFragment(ROOT.strategy)
  if (strategy.length > 0) strategy.delete(0, strategy.length)
  for (const kind of ENTITY_KINDS) {
    const collection = collectionOf(doc, kind)
    for (const key of [...collection.keys()]) collection.delete(key)
  }

  const { schemaVersion, title, horizonStart, horizonEnd, ...metaExtra } = data.meta
  meta.set('schemaVersion', schemaVersion ?? SCHEMA_VERSION)
  meta.set('title', title ?? '')
  meta.set('horizonStart', horizonStart ?? null)
  meta.set('horizonEnd', horizonEnd ?? null)
  for (const [key, value] of Object.entries(metaExtra)) {
    if (!KNOWN_META_FIELDS.has(key)) writeDecoded(meta, key, value as JsonValue)
  }
  fillRichText(strategy, (data.strategy ?? []) as RichNode[])

  for (const kind of ENTITY_KINDS) {
    const records = (data[kind] ?? {}) as Record<string, Record<string, unknown>>
    const ranks = RANKED_KINDS.includes(kind as never)
      ? missingRanks(records)
      : new Map<string, string>()
    for (const [id, record] of Object.entries(records))
      writeEntity(doc, kind, id, record, ranks.get(id))
  }
}

function writeEntity(
  doc: Y.Doc,
  kind: EntityKind,
  id: string,
  record: Record<string, unknown>,
  rank: string | undefined,
): void {
  const map = collectionOf(doc, kind).set(id, new Y.Map<unknown>())
  const fields = NORMALIZE[kind](
    id,
    fieldsOf(rank === undefined ? record : { ...record, rank }),
  ) as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'history') {
      const history = map.set('history', new Y.Array<unknown>())
      history.push(
        (value as Array<{ date: string; value: number }>).map((p) => ({
          date: p.date,
          value: p.value,
        })),
      )
    } else {
      map.set(key, value)
    }
  }
  if (kind === 'features' || kind === 'goals') {
    fillRichText(
      map.set(DESCRIPTION, new Y.XmlFragment()),
      (record[DESCRIPTION] ?? []) as RichNode[],
    )
  }
  for (const [key, value] of Object.entries(record)) {
    if (!KNOWN_FIELDS[kind].has(key)) writeDecoded(map, key, value as JsonValue)
  }
}

/** Ranks for entities the file gives none: after every given rank, in file order. */
function missingRanks(records: Record<string, Record<string, unknown>>): Map<string, string> {
  const missing = Object.keys(records).filter((id) => records[id]!.rank === undefined)
  if (missing.length === 0) return new Map()
  let max: string | null = null
  for (const record of Object.values(records)) {
    const rank = record.rank
    if (isValidRank(rank) && (max === null || rank > max)) max = rank
  }
  const keys = generateNKeysBetween(max, null, missing.length)
  return new Map(missing.map((id, i) => [id, keys[i]!]))
}

/** The first place nested deeper than `MAX_IMPORT_DEPTH`, found without recursion. */
function findTooDeep(input: unknown): ImportError | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: input, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (path.length >= MAX_IMPORT_DEPTH) {
      return { path: path.join('.'), message: `Nested more than ${MAX_IMPORT_DEPTH} levels deep` }
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, path: [...path, key] })
    }
  }
  return null
}

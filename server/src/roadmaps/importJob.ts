// What the import worker (importWorker.ts) is given and answers; shared with importer.ts.

export interface ImportJob {
  /** the request body, as received */
  body: Uint8Array
  maxEntities: number
  origin: string
}

export type ImportOutcome =
  | { ok: true; title: string; updates: Uint8Array[] }
  | { ok: false; kind: 'json' | 'invalid' | 'tooLarge'; path: string; message: string }

/**
 * Entities of a roadmap export: the entries of its top-level collections (lanes, features,
 * items, milestones, …, records by id; `strategy`, a list) together. `meta` is one record,
 * not a collection. Nested content is bounded by the body's size.
 */
/**
 * Entities an import writes in one Yjs update (importRoadmap's `entitiesPerTransaction`): a
 * large import comes back as updates of about a hundred kilobytes, which the store writes in
 * turn instead of one long write that everything else on the event loop would wait for.
 */
export const IMPORT_ENTITIES_PER_UPDATE = 100

export function countEntities(json: unknown): number {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 0
  let n = 0
  for (const [k, v] of Object.entries(json)) {
    if (Array.isArray(v)) n += v.length
    else if (k !== 'meta' && typeof v === 'object' && v !== null) n += Object.keys(v).length
  }
  return n
}

/**
 * `bytes` as an array of its own buffer, which can be moved to another thread instead of
 * copied (a body of megabytes would otherwise be copied on the event loop). A small Buffer
 * is a slice of Node's shared pool, which must not move: that one is copied.
 */
export function movable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes)
}

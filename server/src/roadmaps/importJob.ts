// What the import worker (importWorker.ts) is given and answers; shared with importer.ts.

export interface ImportJob {
  /** the request body, as received */
  body: Uint8Array
  maxEntities: number
  origin: string
}

export type ImportOutcome =
  | { ok: true; title: string; state: Uint8Array; stateVector: Uint8Array }
  | { ok: false; kind: 'json' | 'invalid' | 'tooLarge'; path: string; message: string }

/**
 * Entities of a roadmap export: the entries of its top-level collections (lanes, features,
 * items, milestones, …, records by id; `strategy`, a list) together. `meta` is one record,
 * not a collection. Nested content is bounded by the body's size.
 */
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

// How snapshots are stored compactly: a chain of binary deltas (Fossil's delta format) from
// one snapshot's state to the next, with a full state every FULL_STATE_EVERY snapshots,
// each deflated. Reading a snapshot applies at most FULL_STATE_EVERY - 1 deltas to a full
// state, however old the history is, and yields exactly the bytes that were stored, so the
// live document keeps garbage collection on: a delta is between two encoded states, not
// between Yjs operations.
//
// Rows written before this scheme hold their state as is (`raw`): they read as before and
// start a chain for the next snapshot, so existing databases need no rewrite.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { applyDelta, createDelta } from './fossilDelta.js'

export const SNAPSHOT_ENCODING = {
  /** The state as is (rows from before chains). */
  raw: 'raw',
  /** The deflated state. */
  full: 'full',
  /** A deflated delta from the state of `baseId`. */
  delta: 'delta',
} as const
export type SnapshotEncoding = (typeof SNAPSHOT_ENCODING)[keyof typeof SNAPSHOT_ENCODING]

/** Longest chain: a full state is stored at least this often. */
export const FULL_STATE_EVERY = 32

/** What a store keeps per snapshot, besides its metadata. */
export interface ChainLink {
  encoding: SnapshotEncoding
  /** The snapshot this one is a delta from (`delta` only). */
  baseId: string | null
  /** Deltas between this snapshot and its full state: 0 for raw and full. */
  depth: number
  data: Uint8Array
}

/** The newest snapshot of a roadmap, decoded: the base of the next one. */
export interface ChainHead {
  id: string
  depth: number
  state: Uint8Array
}

/** How to store `state` after `head` (null: the roadmap's first snapshot). */
export function encodeLink(
  head: ChainHead | null,
  state: Uint8Array,
  fullEvery = FULL_STATE_EVERY,
): ChainLink {
  const full = (): ChainLink => ({
    encoding: SNAPSHOT_ENCODING.full,
    baseId: null,
    depth: 0,
    data: deflateRawSync(state),
  })
  if (head === null || head.depth + 1 >= fullEvery) return full()
  const delta: ChainLink = {
    encoding: SNAPSHOT_ENCODING.delta,
    baseId: head.id,
    depth: head.depth + 1,
    data: deflateRawSync(createDelta(head.state, state)),
  }
  // Far smaller than any deflated state: no need to deflate the state to know.
  if (delta.data.byteLength * 16 < state.byteLength) return delta
  // A state unlike its predecessor (an import, a restore) is cheaper stored whole.
  const whole = full()
  return delta.data.byteLength < whole.data.byteLength ? delta : whole
}

/**
 * The state of the last link of `chain`: its links from a raw or full one on, each the
 * delta base of the next (as `chainOf` returns them).
 */
export function decodeChain(
  chain: readonly ChainLink[],
  /** the state of `chain[from.index]`, already known: decoding starts after it */
  from?: { index: number; state: Uint8Array },
): Uint8Array {
  let state: Uint8Array | null = from ? from.state : null
  for (const link of from ? chain.slice(from.index + 1) : chain) {
    if (link.encoding === SNAPSHOT_ENCODING.raw) state = link.data
    else if (link.encoding === SNAPSHOT_ENCODING.full) state = inflateRawSync(link.data)
    else if (state === null) throw new Error('snapshot chain starts with a delta')
    else state = applyDelta(state, inflateRawSync(link.data))
  }
  if (state === null) throw new Error('empty snapshot chain')
  return new Uint8Array(state.buffer, state.byteOffset, state.byteLength)
}

/**
 * The links from the full state to `id`, in order, looked up by id (`rows` may hold the
 * roadmap's other snapshots too). Undefined when `id` or a link of its chain is missing.
 */
export function chainOf<T extends ChainLink & { id: string }>(
  rows: ReadonlyMap<string, T>,
  id: string,
  fullEvery = FULL_STATE_EVERY,
): T[] | undefined {
  const chain: T[] = []
  let link = rows.get(id)
  while (link) {
    chain.push(link)
    if (link.encoding !== SNAPSHOT_ENCODING.delta) return chain.reverse()
    if (chain.length > fullEvery) return undefined
    link = link.baseId === null ? undefined : rows.get(link.baseId)
  }
  return undefined
}

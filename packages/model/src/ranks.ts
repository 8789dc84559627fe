// Placing an entity among its siblings with fractional-indexing ranks.
//
// Concurrent edits can leave siblings with equal ranks (two peers inserting at the same
// spot generate the same key) or with a rank that is not a valid key (a peer wrote
// garbage). Reads stay deterministic (ties break by id); writes here repair the window
// around the insertion point so the new rank always sorts exactly where it was asked to.

import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

export interface RankedEntry {
  id: string
  rank: string
}

export function isValidRank(rank: unknown): rank is string {
  if (typeof rank !== 'string' || rank === '') return false
  try {
    generateKeyBetween(rank, null)
    return true
  } catch {
    return false
  }
}

/**
 * The rank writes that put `id` at `index` of `siblings` (sorted by rank then id, not
 * containing `id`). Usually one write, for `id`; when the neighbours are tied or invalid,
 * the smallest window around the index that has valid, strictly ordered bounds is
 * re-ranked, `id` included, keeping the siblings' current order.
 */
export function placeAt(
  siblings: readonly RankedEntry[],
  index: number,
  id: string,
): Map<string, string> {
  const at = Math.max(0, Math.min(index, siblings.length))
  const list: Array<RankedEntry | null> = [...siblings.slice(0, at), null, ...siblings.slice(at)]
  let lo = at - 1
  let hi = at + 1
  for (;;) {
    const low = lo >= 0 ? list[lo]!.rank : null
    const high = hi < list.length ? list[hi]!.rank : null
    const lowOk = low === null || isValidRank(low)
    const highOk = high === null || isValidRank(high)
    if (lowOk && highOk && (low === null || high === null || low < high)) {
      const keys = generateNKeysBetween(low, high, hi - lo - 1)
      const writes = new Map<string, string>()
      for (let i = lo + 1; i < hi; i++) writes.set(list[i]?.id ?? id, keys[i - lo - 1]!)
      return writes
    }
    if (lowOk && highOk) {
      lo--
      hi++
    } else {
      if (!lowOk) lo--
      if (!highOk) hi++
    }
  }
}

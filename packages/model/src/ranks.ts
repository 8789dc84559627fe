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

const BASE_62 = /^[0-9A-Za-z]+$/

export function isValidRank(rank: unknown): rank is string {
  // fractional-indexing validates the structure of a key but not its digits.
  if (typeof rank !== 'string' || !BASE_62.test(rank)) return false
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
    const keys =
      lowOk && highOk && (low === null || high === null || low < high)
        ? keysBetween(low, high, hi - lo - 1)
        : null
    if (keys) {
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

/** `n` keys strictly between two bounds, or null if the library refuses them. */
function keysBetween(low: string | null, high: string | null, n: number): string[] | null {
  try {
    return generateNKeysBetween(low, high, n)
  } catch {
    // Unreachable for validated bounds; widening the window (to both ends at worst) is safe.
    return null
  }
}

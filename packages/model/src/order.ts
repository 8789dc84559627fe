// Display order of every collection. Ranked collections sort by their fractional-index
// `rank`, compared by code unit (the order fractional-indexing keys are built for), ties
// (concurrent inserts at the same place) broken by id so every peer shows the same order.

import type { EntityByKind, EntityKind } from './schema.js'

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function compareByRank(
  a: { rank: string; id: string },
  b: { rank: string; id: string },
): number {
  return compareStrings(a.rank, b.rank) || compareStrings(a.id, b.id)
}

/** Dates ascending, undated last. */
function compareNullableDates(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return compareStrings(a, b)
}

type Comparators = { [K in EntityKind]: (a: EntityByKind[K], b: EntityByKind[K]) => number }

export const COMPARE: Comparators = {
  lanes: compareByRank,
  features: compareByRank,
  goals: compareByRank,
  items: compareByRank,
  milestones: (a, b) =>
    compareNullableDates(a.date, b.date) ||
    compareStrings(a.title, b.title) ||
    compareStrings(a.id, b.id),
  indicators: (a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id),
  risks: (a, b) => compareStrings(a.title, b.title) || compareStrings(a.id, b.id),
  resources: (a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id),
}

export const RANKED_KINDS = ['lanes', 'features', 'goals', 'items'] as const
export type RankedKind = (typeof RANKED_KINDS)[number]

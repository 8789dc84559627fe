import { describe, expect, test } from 'vitest'
import { compareByRank } from './order.js'
import { isValidRank, placeAt } from './ranks.js'
import type { RankedEntry } from './ranks.js'

function apply(siblings: RankedEntry[], index: number, id: string): RankedEntry[] {
  const writes = placeAt(siblings, index, id)
  const all = [...siblings, { id, rank: '' }].map((entry) => ({
    ...entry,
    rank: writes.get(entry.id) ?? entry.rank,
  }))
  return all.sort(compareByRank)
}

const order = (entries: RankedEntry[]) => entries.map((entry) => entry.id)

describe('placeAt', () => {
  const distinct: RankedEntry[] = [
    { id: 'a', rank: 'a0' },
    { id: 'b', rank: 'a1' },
    { id: 'c', rank: 'a2' },
  ]

  test.each([0, 1, 2, 3])('distinct ranks: one write, lands at %i', (index) => {
    const writes = placeAt(distinct, index, 'x')
    expect([...writes.keys()]).toEqual(['x'])
    const expected = order(distinct)
    expected.splice(index, 0, 'x')
    expect(order(apply(distinct, index, 'x'))).toEqual(expected)
  })

  test('an empty list gets the first key', () => {
    expect(placeAt([], 0, 'x')).toEqual(new Map([['x', 'a0']]))
  })

  test('between tied neighbours: the tie is re-ranked, order kept', () => {
    const tied: RankedEntry[] = [
      { id: 'a', rank: 'a0' },
      { id: 'b', rank: 'a1' },
      { id: 'c', rank: 'a1' },
      { id: 'd', rank: 'a1' },
      { id: 'e', rank: 'a2' },
    ]
    for (let index = 0; index <= tied.length; index++) {
      const expected = order(tied)
      expected.splice(index, 0, 'x')
      const result = apply(tied, index, 'x')
      expect(order(result)).toEqual(expected)
      // The new entity's rank is strictly between its neighbours.
      const at = result.findIndex((entry) => entry.id === 'x')
      if (at > 0) expect(result[at - 1]!.rank < result[at]!.rank).toBe(true)
      if (at < result.length - 1) expect(result[at]!.rank < result[at + 1]!.rank).toBe(true)
    }
  })

  test('invalid ranks around the spot are replaced', () => {
    const broken: RankedEntry[] = [
      { id: 'a', rank: '' },
      { id: 'b', rank: 'a0' },
      { id: 'c', rank: 'a1' },
      { id: 'd', rank: 'zz!' },
    ]
    expect(order(apply(broken, 1, 'x'))).toEqual(['a', 'x', 'b', 'c', 'd'])
    expect(order(apply(broken, 0, 'x'))).toEqual(['x', 'a', 'b', 'c', 'd'])
    const last = apply(broken, 4, 'x')
    expect(order(last)).toEqual(['a', 'b', 'c', 'd', 'x'])
    expect(isValidRank(last[3]!.rank) && isValidRank(last[4]!.rank)).toBe(true)
    const allBroken = [
      { id: 'p', rank: '!' },
      { id: 'q', rank: '~' },
    ]
    const fixed = apply(allBroken, 1, 'x')
    expect(order(fixed)).toEqual(['p', 'x', 'q'])
    for (const entry of fixed) expect(isValidRank(entry.rank)).toBe(true)
  })

  test('isValidRank', () => {
    expect(isValidRank('a0')).toBe(true)
    expect(isValidRank('a0V')).toBe(true)
    expect(isValidRank('')).toBe(false)
    expect(isValidRank('a10')).toBe(false) // trailing zero
    expect(isValidRank('garbage!')).toBe(false)
    expect(isValidRank(7)).toBe(false)
  })
})

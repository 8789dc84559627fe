import { describe, expect, it } from 'vitest'
import type { Feature } from '@meridian/model'
import { feature } from '@meridian/model/testing'
import { groupByHorizon, horizonOf } from './horizons.js'

const f = ({ id, ...fields }: Partial<Feature>): Feature => feature(id ?? 'f', fields)

describe('horizons', () => {
  const today = '2026-06-01'
  it('uses the stored horizon, else infers one from status and dates', () => {
    expect(horizonOf(f({ horizon: 'later', status: 'in-progress' }), today)).toBe('later')
    expect(horizonOf(f({ status: 'in-progress' }), today)).toBe('now')
    expect(horizonOf(f({ start: '2026-05-01', end: '2026-07-01' }), today)).toBe('now')
    expect(horizonOf(f({ start: '2026-07-01', end: '2026-07-20' }), today)).toBe('next')
    expect(horizonOf(f({ start: '2027-01-01', end: '2027-02-01' }), today)).toBe('later')
    expect(horizonOf(f({ start: null, end: null }), today)).toBe('later')
  })

  it('hides cancelled features, and shipped ones unless asked', () => {
    const list = [
      f({ id: 'a' as Feature['id'], status: 'done' }),
      f({ id: 'b' as Feature['id'], status: 'cancelled' }),
      f({ id: 'c' as Feature['id'], horizon: 'next' }),
    ]
    const hidden = groupByHorizon(list, today, false)
    expect(hidden.done).toBe(1)
    expect(hidden.columns.next.map((x) => x.id)).toEqual(['c'])
    expect(Object.values(hidden.columns).flat()).toHaveLength(1)
    expect(Object.values(groupByHorizon(list, today, true).columns).flat()).toHaveLength(2)
  })
})

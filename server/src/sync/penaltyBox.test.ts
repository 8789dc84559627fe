import { describe, expect, it } from 'vitest'
import { PenaltyBox } from './penaltyBox.js'

describe('PenaltyBox', () => {
  const box = (base = 1_000, max = 8_000) => {
    const t = { now: 0 }
    return { t, box: new PenaltyBox(base, max, () => t.now) }
  }

  it('holds a struck key for the penalty, then lets it in', () => {
    const { t, box: b } = box()
    expect(b.wait('a')).toBe(0)
    b.strike('a')
    expect(b.wait('a')).toBe(1_000)
    expect(b.wait('b')).toBe(0)
    t.now = 400
    expect(b.wait('a')).toBe(600)
    t.now = 1_000
    expect(b.wait('a')).toBe(0)
  })

  it('doubles the penalty for strikes that follow each other, up to the most', () => {
    const { t, box: b } = box()
    const penalties: number[] = []
    for (let i = 0; i < 6; i++) {
      b.strike('a')
      penalties.push(b.wait('a'))
      t.now += b.wait('a')
    }
    expect(penalties).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
  })

  it('forgets strikes after the longest penalty without one', () => {
    const { t, box: b } = box()
    b.strike('a')
    b.strike('a')
    t.now = 2_000 + 8_000
    expect(b.wait('a')).toBe(0)
    b.strike('a')
    expect(b.wait('a')).toBe(1_000)
  })

  it('is off with a penalty of 0', () => {
    const { box: b } = box(0)
    b.strike('a')
    expect(b.wait('a')).toBe(0)
  })
})

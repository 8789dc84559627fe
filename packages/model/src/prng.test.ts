import { describe, expect, it } from 'vitest'
import { createPrng } from './prng.js'

describe('createPrng', () => {
  it('replays the same sequence for the same seed', () => {
    const a = createPrng(9)
    const b = createPrng(9)
    const draw = (p: ReturnType<typeof createPrng>) => Array.from({ length: 20 }, () => p.next())
    expect(draw(a)).toEqual(draw(b))
    expect(draw(createPrng(10))).not.toEqual(draw(createPrng(9)))
  })

  it('stays in range', () => {
    const p = createPrng(1)
    for (let i = 0; i < 1000; i += 1) {
      const x = p.next()
      expect(x >= 0 && x < 1).toBe(true)
      const n = p.int(-2, 2)
      expect(Number.isInteger(n) && n >= -2 && n <= 2).toBe(true)
    }
    expect(() => p.pick([])).toThrow(RangeError)
    expect(['a', 'b']).toContain(p.pick(['a', 'b']))
  })
})

// A small seeded pseudo-random generator (mulberry32): the generators and the fuzz tests
// draw from it so the same seed always builds the same roadmap, on every machine.

export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => {
      if (list.length === 0) throw new RangeError('pick() from an empty list')
      return list[Math.floor(next() * list.length)]
    },
    chance: (p) => next() < p,
  }
}

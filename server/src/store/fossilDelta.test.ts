import * as prng from 'lib0/prng'
import { applyDelta as libraryApply, createDelta as libraryCreate } from 'fossil-delta'
import { describe, expect, it } from 'vitest'
import { applyDelta, createDelta } from './fossilDelta.js'

/** A byte string and an edited copy: runs inserted, deleted, changed, moved. */
function pair(gen: prng.PRNG): [Uint8Array, Uint8Array] {
  const source = prng.uint8Array(gen, prng.uint32(gen, 0, 5000))
  let target = source.slice()
  for (let edits = prng.uint32(gen, 0, 12); edits > 0; edits--) {
    const at = prng.uint32(gen, 0, target.length)
    const run = prng.uint8Array(gen, prng.uint32(gen, 0, 300))
    const cut = prng.uint32(gen, 0, 200)
    target = Uint8Array.from([...target.subarray(0, at), ...run, ...target.subarray(at + cut)])
  }
  return [source, target]
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(b)

describe('Fossil deltas', () => {
  it('are read and written as the fossil-delta package does, both ways', () => {
    const gen = prng.create(42)
    for (let i = 0; i < 60; i++) {
      const [source, target] = pair(gen)
      const ours = createDelta(source, target)
      const theirs = libraryCreate(source, target)
      expect(same(applyDelta(source, theirs), target)).toBe(true)
      expect(same(libraryApply(source, ours), target)).toBe(true)
      expect(same(applyDelta(source, ours), target)).toBe(true)
      // As compact as the package's, give or take the bounded search.
      expect(ours.length).toBeLessThanOrEqual(theirs.length * 1.1 + 16)
    }
  })

  it('refuses a delta applied to another source, or cut short', () => {
    const gen = prng.create(7)
    const [source, target] = pair(gen)
    const delta = libraryCreate(source, target)
    const other = source.slice()
    other[0] = (other[0]! + 1) % 256
    if (delta.some((_, i) => i > 0))
      expect(() => applyDelta(other, delta)).toThrow(/checksum|range/)
    expect(() => applyDelta(source, delta.subarray(0, delta.length - 1))).toThrow()
  })
})

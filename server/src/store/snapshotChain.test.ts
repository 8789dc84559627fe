import { describe, expect, it } from 'vitest'
import {
  chainOf,
  decodeChain,
  encodeLink,
  FULL_STATE_EVERY,
  SNAPSHOT_ENCODING,
} from './snapshotChain.js'
import type { ChainHead, ChainLink } from './snapshotChain.js'

/** Bytes from a seeded LCG: two seeds share no runs a delta could copy. */
function state(seed: number, length = 20_000): Uint8Array {
  let x = seed >>> 0
  return new Uint8Array(length).map(() => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x >>> 24
  })
}

describe('snapshot chains', () => {
  it('stores a delta after a similar state, a full state after an unlike one or a full chain', () => {
    const first = state(1)
    const next = first.slice()
    next[500] ^= 1
    const head: ChainHead = { id: 'a', depth: 0, state: first }
    expect(encodeLink(null, first)).toMatchObject({ encoding: SNAPSHOT_ENCODING.full, depth: 0 })
    const delta = encodeLink(head, next)
    expect(delta).toMatchObject({ encoding: SNAPSHOT_ENCODING.delta, baseId: 'a', depth: 1 })
    expect(delta.data.byteLength).toBeLessThan(100)
    expect(encodeLink(head, state(2))).toMatchObject({ encoding: SNAPSHOT_ENCODING.full })
    expect(encodeLink({ ...head, depth: FULL_STATE_EVERY - 1 }, next)).toMatchObject({
      encoding: SNAPSHOT_ENCODING.full,
      baseId: null,
      depth: 0,
    })
  })

  it('reads a snapshot through its chain, and nothing when a link of it is missing', () => {
    const states = [state(3)]
    for (let i = 1; i < 5; i++) {
      const s = states[i - 1]!.slice()
      s[i * 100] ^= 0xff
      states.push(s)
    }
    const rows = new Map<string, ChainLink & { id: string }>()
    states.forEach((s, i) => {
      const head = i === 0 ? null : { id: `s${i - 1}`, depth: i - 1, state: states[i - 1]! }
      rows.set(`s${i}`, { id: `s${i}`, ...encodeLink(head, s) })
    })
    const chain = chainOf(rows, 's4')!
    expect(chain.map((link) => link.id)).toEqual(['s0', 's1', 's2', 's3', 's4'])
    expect(Buffer.from(decodeChain(chain)).equals(states[4]!)).toBe(true)
    rows.delete('s2')
    expect(chainOf(rows, 's4')).toBeUndefined()
    expect(chainOf(rows, 'nope')).toBeUndefined()
  })

  it('reads rows stored whole before chains as they are', () => {
    const raw = state(9, 100)
    const link = { id: 'old', encoding: SNAPSHOT_ENCODING.raw, baseId: null, depth: 0, data: raw }
    expect(decodeChain(chainOf(new Map([['old', link]]), 'old')!)).toEqual(raw)
  })
})

describe('decoded states', () => {
  it('reads a chain from the newest state already decoded, and the same bytes', async () => {
    const { DecodedStates } = await import('./decodedStates.js')
    const states = [state(5)]
    for (let i = 1; i < 6; i++) {
      const next = states[i - 1]!.slice()
      next[i * 100] ^= 0xff
      states.push(next)
    }
    const links = new Map<string, ChainLink & { id: string }>()
    let head: ChainHead | null = null
    states.forEach((s, i) => {
      links.set(`s${i}`, { id: `s${i}`, ...encodeLink(head, s) })
      head = { id: `s${i}`, depth: i, state: s }
    })
    // A full state it never inflates: s2 is known, s3..s5 follow from it.
    const cache = new DecodedStates()
    cache.keep('r', 's2', states[2]!)
    const broken = new Map(links)
    broken.set('s0', { ...links.get('s0')!, data: Uint8Array.of(1, 2, 3) })
    expect(Buffer.from(cache.decode('r', chainOf(broken, 's4')!)).equals(states[4]!)).toBe(true)
    expect(Buffer.from(cache.decode('r', chainOf(broken, 's5')!)).equals(states[5]!)).toBe(true)
    // Another roadmap's s2 is not this one's.
    expect(() => cache.decode('other', chainOf(broken, 's4')!)).toThrow()
    // Bounded: a budget of one state keeps only the newest.
    const small = new DecodedStates(states[0]!.byteLength)
    small.keep('r', 's1', states[1]!)
    small.keep('r', 's2', states[2]!)
    expect(() => small.decode('r', chainOf(broken, 's1')!)).toThrow()
    expect(Buffer.from(small.decode('r', chainOf(broken, 's3')!)).equals(states[3]!)).toBe(true)
  })
})

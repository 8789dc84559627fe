import { describe, expect, it } from 'vitest'
import { overall } from './csvParse.js'

describe('the CSV load’s one progress bar', () => {
  it('runs through reading, parsing and planning in order, never backwards', () => {
    const steps = [
      overall('read', 0),
      overall('read', 1),
      overall('parse', 0.5),
      overall('parse', 1),
      overall('plan', 0),
      overall('plan', 1),
    ].map((p) => p.share)
    expect(steps[0]).toBe(0)
    expect(steps.at(-1)).toBe(1)
    expect(steps).toEqual([...steps].sort((a, b) => a - b))
    expect(overall('plan', 2).share).toBe(1)
    expect(overall('parse', 0.5).phase).toBe('parse')
  })
})

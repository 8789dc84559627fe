import { describe, expect, it } from 'vitest'
import { plural } from './plural.js'

describe('plural', () => {
  it('agrees the noun with the count', () => {
    expect(plural(0, 'feature')).toBe('0 features')
    expect(plural(1, 'feature')).toBe('1 feature')
    expect(plural(2000, 'feature')).toBe('2,000 features')
    expect(plural(1, 'person', 'people')).toBe('1 person')
    expect(plural(3, 'person', 'people')).toBe('3 people')
  })
})

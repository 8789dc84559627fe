import { describe, expect, it } from 'vitest'
import { initials } from './initials.js'

describe('avatar initials', () => {
  it('takes letters only, leaving out a parenthesised role', () => {
    expect(initials('Dana Reyes (PO)')).toBe('DR')
    expect(initials('Dana (PO) Reyes')).toBe('DR')
    expect(initials('(PO) Dana')).toBe('DA')
    expect(initials('dana.reyes')).toBe('DA')
    expect(initials('Élise Ørsted')).toBe('ÉØ')
    expect(initials('Swift Otter')).toBe('SO')
  })

  it('has a placeholder for a name without letters', () => {
    expect(initials('')).toBe('?')
    expect(initials('(42) #!')).toBe('?')
  })
})

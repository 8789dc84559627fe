import { describe, expect, it } from 'vitest'
import { CLOSE, WS_CLOSE } from './closeCodes.js'
import { DENIAL } from './errors.js'
import { ROLES, atLeast } from './roles.js'

describe('the contract', () => {
  it('orders roles: owner ⊇ editor ⊇ viewer', () => {
    expect(atLeast('owner', 'editor')).toBe(true)
    expect(atLeast('editor', 'viewer')).toBe(true)
    expect(atLeast('editor', 'owner')).toBe(false)
    expect(atLeast('viewer', 'editor')).toBe(false)
    for (const r of ROLES) expect(atLeast(r, r)).toBe(true)
  })

  it('puts the commenter between viewer and editor', () => {
    expect(ROLES).toEqual(['owner', 'editor', 'commenter', 'viewer'])
    expect(atLeast('commenter', 'viewer')).toBe(true)
    expect(atLeast('commenter', 'editor')).toBe(false)
    expect(atLeast('editor', 'commenter')).toBe(true)
    expect(atLeast('viewer', 'commenter')).toBe(false)
  })

  it('gives every close its own code, and each denying close the denial as its reason', () => {
    const codes = [...Object.values(CLOSE).map((c) => c.code), ...Object.values(WS_CLOSE)]
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of Object.values(CLOSE)) if ('denial' in c) expect(c.reason).toBe(c.denial)
    expect(new Set(Object.values(DENIAL)).size).toBe(Object.values(DENIAL).length)
  })
})

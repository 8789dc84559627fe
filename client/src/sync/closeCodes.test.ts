import { describe, expect, it } from 'vitest'
import { CLOSE_CODE_REASON, reasonFromHttp } from './closeCodes.js'

describe('access ended', () => {
  it('maps the server’s close codes', () => {
    expect(CLOSE_CODE_REASON[4401]).toBe('revoked')
    expect(CLOSE_CODE_REASON[4403]).toBe('expired')
    expect(CLOSE_CODE_REASON[1006]).toBeUndefined()
  })

  it('reads HTTP refusals, by message when the code is generic', () => {
    expect(reasonFromHttp(401, 'unauthorized', 'this link was revoked')).toBe('revoked')
    expect(reasonFromHttp(401, 'unauthorized', 'this link has expired')).toBe('expired')
    expect(reasonFromHttp(401, 'unauthorized', 'invalid token')).toBe('invalid')
    expect(reasonFromHttp(404, 'not_found')).toBe('not-found')
    expect(reasonFromHttp(0, 'network')).toBeNull()
    expect(reasonFromHttp(500, 'internal')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { CLOSE_CODE_REASON, reasonFromHttp } from './closeCodes.js'

describe('access ended', () => {
  it('maps the server’s close codes', () => {
    expect(CLOSE_CODE_REASON[4401]).toBe('revoked')
    expect(CLOSE_CODE_REASON[4403]).toBe('expired')
    expect(CLOSE_CODE_REASON[1006]).toBeUndefined()
  })

  it('reads HTTP refusals by their reason code, never by the message', () => {
    expect(reasonFromHttp(401, 'link_revoked')).toBe('revoked')
    expect(reasonFromHttp(401, 'link_expired')).toBe('expired')
    expect(reasonFromHttp(401, 'link_unknown')).toBe('invalid')
    expect(reasonFromHttp(401, 'token_missing')).toBe('invalid')
    expect(reasonFromHttp(404, 'roadmap_unknown')).toBe('not-found')
    expect(reasonFromHttp(404)).toBe('not-found')
    expect(reasonFromHttp(0)).toBeNull()
    expect(reasonFromHttp(500)).toBeNull()
  })
})

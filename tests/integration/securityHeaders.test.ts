// The security headers on every answer of a real server process: pages, API, errors and
// health all forbid framing and referrers and pin scripts to the app's origin; embed pages
// alone may be framed by another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

describe('security headers', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('forbid framing, referrers and foreign scripts on every answer but embeds', async () => {
    for (const path of ['/', '/r/abc?token=x', '/api/roadmaps/none', '/healthz', '/nope.js']) {
      const res = await fetch(server.origin + path)
      await res.arrayBuffer()
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp, path).toContain("script-src 'self'")
      expect(csp, path).not.toContain("script-src 'self' 'unsafe")
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })

  it('let other sites frame embed pages, with the same script and referrer policy', async () => {
    const res = await fetch(server.origin + '/embed/abc?token=x')
    await res.arrayBuffer()
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('frame-ancestors')
    expect(res.headers.get('x-frame-options')).toBeNull()
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

// The security headers of every HTTP response, in one place. Tokens travel in page URLs, so
// no referrer leaves the app; only `/embed/*` may be framed by another site (that is what an
// embed link is for); scripts come from the app's own origin only. Styles allow inline
// `style` attributes: React, Tiptap and the timeline position things with them.
import type { ServerResponse } from 'node:http'

const EMBED_PREFIX = '/embed/'

const CSP_BASE = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
]

const CSP_APP = [...CSP_BASE, "frame-ancestors 'none'"].join('; ')
const CSP_EMBED = CSP_BASE.join('; ')

/** Whether `pathname` is an embed page, which other sites may show in an iframe. */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith(EMBED_PREFIX)
}

/** Sets the headers above on `res`; call before anything is written. */
export function setSecurityHeaders(res: ServerResponse, pathname: string): void {
  const embed = isEmbedPath(pathname)
  res.setHeader('content-security-policy', embed ? CSP_EMBED : CSP_APP)
  res.setHeader('referrer-policy', 'no-referrer')
  res.setHeader('x-content-type-options', 'nosniff')
  if (!embed) res.setHeader('x-frame-options', 'DENY')
}

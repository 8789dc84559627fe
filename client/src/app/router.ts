// A tiny history-API router: three pages need no routing library. Moving between them is
// lib/navigation.ts, which any layer may use.
export type Route =
  | { page: 'home' }
  | { page: 'roadmap'; id: string; token: string; view: string | null }
  | { page: 'embed'; id: string; token: string }
  | { page: 'not-found' }

export function parseRoute(href: string): Route {
  const url = new URL(href, window.location.origin)
  if (url.pathname === '/' || url.pathname === '') return { page: 'home' }
  const match = /^\/(r|embed)\/([^/]+)\/?$/.exec(url.pathname)
  if (!match) return { page: 'not-found' }
  const id = decodeURIComponent(match[2])
  const token = url.searchParams.get('token') ?? ''
  if (match[1] === 'embed') return { page: 'embed', id, token }
  return { page: 'roadmap', id, token, view: url.searchParams.get('view') }
}

// A tiny history-API router: three pages need no routing library.
import { useSyncExternalStore } from 'react'

export type Route =
  | { page: 'home' }
  | { page: 'roadmap'; id: string; token: string; view: string | null }
  | { page: 'embed'; id: string; token: string }
  | { page: 'not-found' }

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

function currentHref(): string {
  return window.location.pathname + window.location.search
}

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

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href)
  else window.history.pushState(null, '', href)
  for (const listener of listeners) listener()
}

export function useHref(): string {
  return useSyncExternalStore(subscribe, currentHref)
}

// Moving between pages with the history API: any part of the client may navigate; only the
// app's router (app/router.ts) decides what an address shows.
import { useSyncExternalStore } from 'react'

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

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href)
  else window.history.pushState(null, '', href)
  for (const listener of listeners) listener()
}

export function useHref(): string {
  return useSyncExternalStore(subscribe, currentHref)
}

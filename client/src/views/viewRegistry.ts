// The planning views, in tab order. Each is the default export of
// `views/<name>/index.tsx`, found by import.meta.glob and loaded on first open, so a
// view that is not written yet never breaks the build.
import { lazy } from 'react'
import type { ComponentType, LazyExoticComponent } from 'react'
import type { ShellViewProps } from './shellViewProps.js'

export const VIEWS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'now-next-later', label: 'Now–Next–Later' },
  { id: 'backlog', label: 'Backlog' },
  { id: 'risks', label: 'Risks' },
  { id: 'goals', label: 'Goals' },
  { id: 'resources', label: 'Resources' },
  { id: 'strategy', label: 'Strategy' },
  { id: 'report', label: 'Report' },
] as const
export type ViewId = (typeof VIEWS)[number]['id']

type ViewModule = { default: ComponentType<ShellViewProps> }
const modules = import.meta.glob<ViewModule>('./*/index.tsx')

const cache = new Map<ViewId, LazyExoticComponent<ComponentType<ShellViewProps>>>()

export function isViewId(value: string | null): value is ViewId {
  return VIEWS.some((v) => v.id === value)
}

export function hasView(id: ViewId): boolean {
  return `./${id}/index.tsx` in modules
}

/** Starts downloading a view's code (e.g. on tab hover) before it is shown. */
export function preloadView(id: ViewId): void {
  void modules[`./${id}/index.tsx`]?.()
}

export function viewComponent(
  id: ViewId,
): LazyExoticComponent<ComponentType<ShellViewProps>> | null {
  const load = modules[`./${id}/index.tsx`]
  if (!load) return null
  let component = cache.get(id)
  if (!component) {
    component = lazy(load)
    cache.set(id, component)
  }
  return component
}

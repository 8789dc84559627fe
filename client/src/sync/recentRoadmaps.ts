// Roadmaps opened in this browser, newest first, with the link (token) and role used.
import type { Role } from '@meridian/protocol'

const KEY = 'meridian:recent'
const MAX = 20

export interface RecentRoadmap {
  id: string
  token: string
  role: Role
  title: string
  openedAt: string
}

export function loadRecent(): RecentRoadmap[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    return Array.isArray(raw)
      ? (raw as RecentRoadmap[]).filter(
          (r) => typeof r?.id === 'string' && typeof r.token === 'string',
        )
      : []
  } catch {
    return []
  }
}

function save(list: RecentRoadmap[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)))
  } catch {
    // storage full or disabled: the list is a convenience only
  }
}

export function rememberRoadmap(entry: Omit<RecentRoadmap, 'openedAt'>): void {
  const rest = loadRecent().filter((r) => !(r.id === entry.id && r.token === entry.token))
  save([{ ...entry, openedAt: new Date().toISOString() }, ...rest])
}

export function forgetRoadmap(id: string, token: string): void {
  save(loadRecent().filter((r) => !(r.id === id && r.token === token)))
}

export function findRecent(id: string, token: string): RecentRoadmap | undefined {
  return loadRecent().find((r) => r.id === id && r.token === token)
}

/** Parses a pasted Meridian link (`…/r/:id?token=…` or `/embed/…`). */
export function parseRoadmapLink(text: string): { id: string; token: string } | null {
  try {
    const url = new URL(text.trim(), window.location.origin)
    const match = /^\/(?:r|embed)\/([^/]+)\/?$/.exec(url.pathname)
    const token = url.searchParams.get('token')
    if (!match || !token) return null
    return { id: decodeURIComponent(match[1]), token }
  } catch {
    return null
  }
}

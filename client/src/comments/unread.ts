// Unread marks, per roadmap and person, kept in this browser (localStorage): the time the
// person last looked at the activity. A comment by someone else after it is unread.
import type { ActivityEntry, CommentAuthor } from '@meridian/model'

const key = (roadmapId: string, name: string) => `meridian:comments-seen:${roadmapId}:${name}`

export function loadSeen(roadmapId: string, name: string): string {
  try {
    return localStorage.getItem(key(roadmapId, name)) ?? ''
  } catch {
    return ''
  }
}

export function saveSeen(roadmapId: string, name: string, at: string): void {
  try {
    localStorage.setItem(key(roadmapId, name), at)
  } catch {
    // private mode: marks last for this page only
  }
}

export function isUnread(entry: ActivityEntry, seen: string, me: CommentAuthor | null): boolean {
  const c = entry.comment
  if (me && c.authorLinkId === me.linkId && c.authorName === me.name) return false
  return c.createdAt > seen
}

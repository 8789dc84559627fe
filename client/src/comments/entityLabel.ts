// The entity a thread is about, as the comment views name it.
import type { CommentableKind, RoadmapData } from '@meridian/model'

export interface CommentTarget {
  kind: CommentableKind
  id: string
}

export const KIND_LABEL: Record<CommentableKind, string> = {
  features: 'Feature',
  milestones: 'Milestone',
  goals: 'Goal',
  risks: 'Risk',
  items: 'Backlog item',
}

/** The entity's title, or null when it is gone. */
export function entityTitle(data: RoadmapData, target: CommentTarget): string | null {
  const list: ReadonlyArray<{ id: string; title?: string; name?: string }> = data[target.kind]
  const found = list.find((e) => e.id === target.id)
  if (!found) return null
  return (found.title ?? found.name ?? '') || `Untitled ${KIND_LABEL[target.kind].toLowerCase()}`
}

/** Lane colours offered in the lane menu (readable as bar tints and as swimlane labels). */
export const LANE_COLORS = [
  '#6366f1',
  '#0ea5e9',
  '#14b8a6',
  '#22c55e',
  '#eab308',
  '#f97316',
  '#ef4444',
  '#ec4899',
  '#a855f7',
  '#64748b',
  '#0f766e',
  '#9333ea',
] as const

/** Person colours for presence (avatars, carets, selection outlines). */
export const PERSON_COLORS = [
  '#e5484d',
  '#f76b15',
  '#d6a000',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#3e63dd',
  '#8e4ec6',
  '#d6409f',
  '#6e56cf',
] as const

export function pick<T>(list: readonly T[], seed: string): T {
  let h = 0
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0
  return list[Math.abs(h) % list.length]
}

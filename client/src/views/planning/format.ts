// Display formatting shared by the planning views. Days are not here: they read by the one
// rule of packages/model (`formatDay`, `formatDayLong`, `formatDayRange` in dateDisplay.ts).

/** Compact numbers: 1234 → `1,234`, 0.4567 → `0.46`. */
export function formatNumber(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100
  const text = rounded.toLocaleString('en-US')
  if (!unit) return text
  return unit === '%' ? `${text}%` : `${text} ${unit}`
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—'
  return `${Math.round(fraction * 100)}%`
}

/** Two-letter initials for an avatar (one rule for every avatar: ui/initials.ts). */
export { initials } from '../../ui/initials.js'

/** Human label of a kebab-case vocabulary value: `in-review` → `In review`. */
export function labelOf(value: string): string {
  const text = value.replace(/-/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A stable colour for a name, for avatars of resources (people have no presence colour). */
export function colorFor(key: string): string {
  let hash = 0
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0
  const palette = [
    '#5b6cf0',
    '#0ea5a4',
    '#d97706',
    '#db2777',
    '#7c3aed',
    '#059669',
    '#2563eb',
    '#dc2626',
  ]
  return palette[Math.abs(hash) % palette.length]
}

// What the share dialog says about a link: its name, when it was made, when it expires.
import { dayOfTimestamp, formatTimestampDay } from '@meridian/model'
import type { ShareLink } from '../sync/api.js'

const ROLE_NAME = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
} as const satisfies Record<ShareLink['role'], string>

/** A personal link's person, else its label, else what it grants ("Editor link"). */
export function linkTitle(link: ShareLink): string {
  return link.personName ?? link.label ?? `${ROLE_NAME[link.role]} link`
}

/** "Created Nov 16, 2026": the link's day by the model's one rule (dateDisplay.ts). */
export function createdText(createdAt: string | null): string | null {
  return dayOfTimestamp(createdAt) === null ? null : `Created ${formatTimestampDay(createdAt)}`
}

export function expiryText(expiresAt: string | null): string {
  if (!expiresAt) return 'Never expires'
  const ms = Date.parse(expiresAt) - Date.now()
  if (Number.isNaN(ms)) return 'Never expires'
  if (ms <= 0) return 'Expired'
  const hours = ms / 3_600_000
  if (hours < 1) return `Expires in ${Math.max(1, Math.round(ms / 60_000))} min`
  if (hours < 48) return `Expires in ${Math.round(hours)} h`
  return `Expires in ${Math.round(hours / 24)} days`
}

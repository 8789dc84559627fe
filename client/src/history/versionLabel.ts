// How a snapshot's time reads in the history: "Mar 12, 2026, 10:40 UTC", by the model's one
// rule (dateDisplay.ts), so its day is the one the comparison of that version is headed with.
import { dayOfTimestamp, formatTimestamp } from '@meridian/model'

export function versionTime(iso: string | null): string {
  return dayOfTimestamp(iso) === null ? 'an unknown time' : formatTimestamp(iso)
}

/**
 * The name a snapshot goes by in lists: its time for a plain automatic one (the server names
 * those "Automatic <time>"), else its name ("Before restore", a named version).
 */
export function versionName(s: { kind: string; name: string; createdAt: string | null }): string {
  return s.kind !== 'named' && s.name.startsWith('Automatic') ? versionTime(s.createdAt) : s.name
}

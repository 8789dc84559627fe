// How a snapshot's time reads in the history: "12 Mar, 10:40" in the viewer's time zone.
export function versionTime(iso: string | null): string {
  if (!iso) return 'an unknown time'
  const d = new Date(iso)
  const day = d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  return `${day}, ${time}`
}

/**
 * The name a snapshot goes by in lists: its time for a plain automatic one (the server names
 * those "Automatic <time>"), else its name ("Before restore", a named version).
 */
export function versionName(s: { kind: string; name: string; createdAt: string | null }): string {
  return s.kind !== 'named' && s.name.startsWith('Automatic') ? versionTime(s.createdAt) : s.name
}

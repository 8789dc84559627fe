// How the history says who edited between two snapshots: "Edited by Ana, Ben +2". The same
// name from two links is one person; connections without a name count as one each.
import type { SnapshotEditor } from '@meridian/protocol'

/** Names spelled out before the rest are counted. */
const SHOWN = 2

export interface EditorsLabel {
  /** the line shown; "—" when nobody is recorded (updates from before editors were kept) */
  text: string
  /** every editor, for a tooltip and screen readers */
  full: string
}

export function editorsLabel(editors: readonly SnapshotEditor[]): EditorsLabel {
  const names = [...new Set(editors.flatMap((e) => (e.name === null ? [] : [e.name])))]
  const unnamed = editors.filter((e) => e.name === null).length
  const people = names.length + unnamed
  if (people === 0) return { text: '—', full: 'No editors recorded' }
  const others = unnamed === 1 ? 'someone unnamed' : `${unnamed} unnamed`
  const full = `Edited by ${[...names, ...(unnamed > 0 ? [others] : [])].join(', ')}`
  if (names.length === 0)
    return { text: unnamed === 1 ? 'Edited by someone' : `Edited by ${unnamed} people`, full }
  const shown = names.slice(0, SHOWN)
  const rest = people - shown.length
  return { text: `Edited by ${shown.join(', ')}${rest > 0 ? ` +${rest}` : ''}`, full }
}

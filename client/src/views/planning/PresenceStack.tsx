import type { Awareness } from 'y-protocols/awareness'
import { Avatar } from '../../ui/Avatar.js'
import { usePeersOnView } from './usePresence.js'

interface Props {
  awareness: Awareness
  view: string
}

/** Avatars of the other people who have this view open. */
export function PresenceStack({ awareness, view }: Props) {
  const peers = usePeersOnView(awareness, view)
  if (peers.length === 0) return null
  const names = peers.map((p) => p.user.name)
  const label = names.length === 1 ? `${names[0]} is here` : `${names.length} people here`
  return (
    <div
      className="pv-presence"
      title={`Also on this view: ${names.join(', ')}`}
      data-testid="view-presence"
    >
      <div className="avatar-stack">
        {peers.slice(0, 4).map((p) => (
          <Avatar
            key={p.clientId}
            name={p.user.name}
            color={p.user.color}
            size="sm"
            viewer={p.user.role === 'viewer' || p.user.role === 'commenter'}
          />
        ))}
      </div>
      <span className="pv-presence__label">{label}</span>
    </div>
  )
}

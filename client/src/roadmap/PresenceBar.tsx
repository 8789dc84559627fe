import { useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { Avatar } from '../ui/Avatar.js'
import { usePeers } from '../sync/presence.js'
import type { Peer } from '../sync/presence.js'
import { IdentityMenu } from './IdentityMenu.js'

const MAX_SHOWN = 6

function peopleKey(peers: Peer[]): string {
  return peers
    .map((p) => `${p.clientId}:${p.state.user.name}:${p.state.user.color}:${p.state.user.role}`)
    .join('|')
}

/** Everyone in the roadmap: click someone to follow their view; click yourself to edit your name and colour. */
export function PresenceBar({
  awareness,
  followClientId,
  onFollow,
}: {
  awareness: Awareness
  followClientId: number | null
  onFollow(clientId: number): void
}) {
  const peers = usePeers(awareness, peopleKey)
  const [menu, setMenu] = useState<DOMRect | null>(null)
  const me = peers.find((p) => p.isLocal)
  const others = peers.filter((p) => !p.isLocal)
  const hidden = others.length - MAX_SHOWN
  return (
    <div className="presence" role="group" aria-label="People in this roadmap">
      <div className="avatar-stack">
        {others.slice(0, MAX_SHOWN).map((peer) => {
          const { name, color, role } = peer.state.user
          const following = followClientId === peer.clientId
          return (
            <Avatar
              key={peer.clientId}
              name={name}
              color={color}
              viewer={role === 'viewer' || role === 'commenter'}
              pressed={following}
              title={`${name}${role === 'viewer' || role === 'commenter' ? ` (${role})` : ''} — ${following ? 'click to stop following' : 'click to follow their view'}`}
              label={`${following ? 'Stop following' : 'Follow'} ${name}${role === 'viewer' || role === 'commenter' ? `, ${role}` : ''}`}
              onClick={() => onFollow(peer.clientId)}
            />
          )
        })}
        {hidden > 0 ? (
          <span
            className="presence__more"
            title={others
              .slice(MAX_SHOWN)
              .map((p) => p.state.user.name)
              .join(', ')}
          >
            +{hidden}
          </span>
        ) : null}
      </div>
      {me ? (
        <Avatar
          name={me.state.user.name}
          color={me.state.user.color}
          viewer={me.state.user.role === 'viewer' || me.state.user.role === 'commenter'}
          title={`You (${me.state.user.name}) — click to change your name or colour`}
          label={`You: ${me.state.user.name}. Edit your name and colour`}
          onClick={(e) => setMenu(e.currentTarget.getBoundingClientRect())}
        />
      ) : null}
      {menu && me ? (
        <IdentityMenu awareness={awareness} anchor={menu} onClose={() => setMenu(null)} />
      ) : null}
    </div>
  )
}

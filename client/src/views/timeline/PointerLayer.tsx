import type { Awareness } from 'y-protocols/awareness'
import { usePeers } from '../../sync/presence.js'
import type { Peer } from '../../sync/presence.js'
import type { TimeScale } from './useTimeScale.js'

function key(peers: Peer[]): string {
  return JSON.stringify(
    peers
      .filter((p) => !p.isLocal && p.state.view === 'timeline')
      .map((p) => [p.clientId, p.state.pointer, p.state.user.name, p.state.user.color]),
  )
}

/** Everyone else's mouse pointer over the timeline, as a labelled arrow in their colour. */
export function PointerLayer({ awareness, ts }: { awareness: Awareness; ts: TimeScale }) {
  const peers = usePeers(awareness, key)
  return (
    <>
      {peers.map((peer) => {
        const pointer = peer.state.pointer
        if (peer.isLocal || !pointer || peer.state.view !== 'timeline') return null
        const ms = Date.parse(
          pointer.date.length === 10 ? `${pointer.date}T00:00:00Z` : pointer.date,
        )
        if (Number.isNaN(ms)) return null
        return (
          <div
            key={peer.clientId}
            className="pointer"
            style={{
              transform: `translate(${ts.x(ms)}px, ${pointer.y}px)`,
              color: peer.state.user.color,
            }}
            aria-hidden="true"
          >
            <svg width="16" height="16" viewBox="0 0 16 16">
              <path
                d="M1 1l5.5 13 2-5.5L14 6.5z"
                fill="currentColor"
                stroke="#fff"
                strokeWidth="1.2"
                strokeLinejoin="round"
              />
            </svg>
            <span className="pointer__name" style={{ background: peer.state.user.color }}>
              {peer.state.user.name}
            </span>
          </div>
        )
      })}
    </>
  )
}

// Other people's selections and in-flight drags, for drawing on the bars.
import { useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { FeatureId, LaneId } from '@meridian/model'
import { usePeers } from '../../sync/presence.js'
import type { Peer } from '../../sync/presence.js'
import type { PeerMark } from './Bar.js'

export interface RemoteDrag {
  mark: PeerMark
  start: string
  end: string
  laneId: LaneId
}

function key(peers: Peer[]): string {
  return JSON.stringify(
    peers
      .filter((p) => !p.isLocal)
      .map((p) => [
        p.clientId,
        p.state.user.name,
        p.state.user.color,
        p.state.selection,
        p.state.dragging,
      ]),
  )
}

export function useTimelinePeers(awareness: Awareness) {
  const peers = usePeers(awareness, key)
  return useMemo(() => {
    const selections = new Map<FeatureId, PeerMark[]>()
    const drags = new Map<FeatureId, RemoteDrag>()
    for (const peer of peers) {
      if (peer.isLocal) continue
      const mark = { name: peer.state.user.name, color: peer.state.user.color }
      const sel = peer.state.selection
      if (sel?.kind === 'feature') {
        const id = sel.id as FeatureId
        selections.set(id, [...(selections.get(id) ?? []), mark])
      }
      const d = peer.state.dragging
      if (d)
        drags.set(d.featureId as FeatureId, {
          mark,
          start: d.start,
          end: d.end,
          laneId: d.laneId as LaneId,
        })
    }
    return { selections, drags }
  }, [peers])
}

// Follow mode: keep my timeline on the followed person's zoom and visible window, except
// while I am in the middle of a gesture (`paused`): then it catches up on the drop.
import { useEffect, useState } from 'react'
import type { RefObject } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { presenceOf } from '../../sync/presenceState.js'
import type { PresenceState } from '../../sync/presenceTypes.js'
import { toMs } from '../../lib/dates.js'
import { isZoom } from './constants.js'
import type { Zoom } from './constants.js'
import type { TimeScale } from './useTimeScale.js'

type Target = NonNullable<PresenceState['viewport']>

export function useFollow(
  scrollRef: RefObject<HTMLElement | null>,
  awareness: Awareness,
  clientId: number | null,
  ts: TimeScale,
  setZoom: (zoom: Zoom) => void,
  paused: boolean,
) {
  const [target, setTarget] = useState<Target | null>(null)
  useEffect(() => {
    if (clientId === null) {
      setTarget(null)
      return
    }
    let last = ''
    const read = () => {
      const viewport = presenceOf(awareness.getStates().get(clientId))?.viewport ?? null
      const k = JSON.stringify(viewport)
      if (k === last) return
      last = k
      setTarget(viewport)
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness, clientId])

  useEffect(() => {
    if (!target || paused) return
    if (isZoom(target.zoom) && target.zoom !== ts.zoom) {
      setZoom(target.zoom)
      return
    }
    const el = scrollRef.current
    if (!el) return
    el.scrollTo({ left: Math.max(0, ts.x(toMs(target.start))), top: target.scrollTop })
  }, [target, ts, setZoom, scrollRef, paused])
}

// The facilitator's tab records who it sees in presence while the session runs, so viewers
// (whose links cannot write) are in the recap's "who attended" too. The model decides who is
// new (`attendeesFromPresence`: by name, once, bounded); this only watches awareness.
import { useEffect, useRef } from 'react'
import { attendeesFromPresence } from '@meridian/model'
import type { PlanningSession, Sessions } from '@meridian/model'
import type { Session } from '../sync/session.js'
import { readPeers } from '../sync/presence.js'

export function useRecordAttendance(
  session: Session,
  active: PlanningSession | null,
  isFacilitator: boolean,
  writer: Sessions,
): void {
  const activeRef = useRef(active)
  activeRef.current = active
  const recording = isFacilitator && active !== null ? active.id : null
  useEffect(() => {
    if (recording === null) return
    const record = () => {
      const current = activeRef.current
      if (!current || current.id !== recording) return
      const names = readPeers(session.awareness).map((p) => p.state.user.name)
      const people = attendeesFromPresence(current, names)
      if (people.length === 0) return
      session.doc.transact(() => {
        for (const person of people) writer.join(recording, person)
      }, session.origin)
    }
    record()
    session.awareness.on('change', record)
    return () => session.awareness.off('change', record)
  }, [session, recording, writer])
}

// Opens a roadmap: asks the server which role the token grants, then starts the live
// session. Without network it falls back to the role remembered for this roadmap, so an
// open roadmap keeps working offline from its IndexedDB copy.
import { useEffect, useState } from 'react'
import type { Role } from '@meridian/protocol'
import { getRoadmapInfo } from './api.js'
import { reasonFromHttp } from './closeCodes.js'
import type { AccessEnded } from './closeCodes.js'
import { createSession } from './session.js'
import type { Session } from './session.js'
import { loadLocalUser } from './localUser.js'
import { findRecent, rememberRoadmap } from './recentRoadmaps.js'
import { rememberLinkToken } from './linkTokens.js'

export type SessionState =
  | { phase: 'loading' }
  | {
      phase: 'ready'
      session: Session
      role: Role
      title: string
      /** the share link this token belongs to; null when opened offline */
      linkId: string | null
    }
  | { phase: 'ended'; reason: AccessEnded }
  | { phase: 'error'; message: string }

/** `readOnly` (embeds) publishes presence as a viewer whatever the token allows. */
export function useSession(
  id: string,
  token: string,
  options: { readOnly?: boolean } = {},
): SessionState {
  const readOnly = options.readOnly ?? false
  const [state, setState] = useState<SessionState>({ phase: 'loading' })
  useEffect(() => {
    let cancelled = false
    let session: Session | null = null
    setState({ phase: 'loading' })
    void (async () => {
      const info = await getRoadmapInfo(id, token)
      if (cancelled) return
      let role: Role
      let title: string
      let linkId: string | null = null
      let personName: string | null = null
      if (info.ok) {
        role = info.value.role
        title = info.value.title
        linkId = info.value.linkId
        personName = info.value.personName
        rememberRoadmap({ id, token, role, title })
        if (info.value.linkId) rememberLinkToken(info.value.linkId, token)
      } else {
        const ended = reasonFromHttp(info.status, info.reason)
        if (ended) {
          setState({ phase: 'ended', reason: ended })
          return
        }
        const known = findRecent(id, token)
        if (!known) {
          setState({
            phase: 'error',
            message:
              info.status === 0
                ? 'The Meridian server cannot be reached. Check your connection and try again.'
                : info.message,
          })
          return
        }
        role = known.role
        title = known.title
      }
      if (readOnly) role = 'viewer'
      session = createSession(id, token, role, loadLocalUser(), {
        presence: !readOnly,
        personName,
      })
      setState({ phase: 'ready', session, role, title, linkId })
    })()
    return () => {
      cancelled = true
      session?.destroy()
    }
  }, [id, token, readOnly])
  return state
}

// Whether a session's document holds the roadmap yet: after the first sync with the server,
// or, with no server to wait for (offline), once this browser's offline copy has loaded. An
// editor that took keys before then would bind its caret to an empty placeholder; the
// content arriving afterwards moves the caret, and what was typed lands elsewhere.
import { useEffect, useState } from 'react'
import type { Session } from './session.js'
import { isOffline } from './useConnection.js'

export function contentLoaded(session: Session): boolean {
  return session.provider.synced || (session.persistence.synced && isOffline(session))
}

/** `contentLoaded`, kept current; once true it stays true (a later disconnect keeps the copy). */
export function useContentLoaded(session: Session): boolean {
  const [loaded, setLoaded] = useState(() => contentLoaded(session))
  useEffect(() => {
    if (loaded) return
    const { provider, persistence } = session
    const check = () => {
      if (contentLoaded(session)) setLoaded(true)
    }
    provider.on('sync', check)
    provider.on('status', check)
    provider.on('connection-close', check)
    persistence.on('synced', check)
    window.addEventListener('offline', check)
    check()
    return () => {
      provider.off('sync', check)
      provider.off('status', check)
      provider.off('connection-close', check)
      persistence.off('synced', check)
      window.removeEventListener('offline', check)
    }
  }, [session, loaded])
  return loaded
}

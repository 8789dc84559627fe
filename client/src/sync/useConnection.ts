// Connection state of a session (online / syncing / offline) and whether the server
// ended our access (a close code the contract marks as a denial, or a refused upgrade
// confirmed over HTTP).
import { useEffect, useState } from 'react'
import type { Session } from './session.js'
import { getRoadmapInfo } from './api.js'
import { CLOSE } from '@meridian/protocol'
import { CLOSE_CODE_REASON, reasonFromHttp } from './closeCodes.js'
import type { AccessEnded } from './closeCodes.js'
import { storageFullBackoff } from './storageFullBackoff.js'

export type ConnectionStatus = 'online' | 'syncing' | 'offline' | 'storage-full'

export interface Connection {
  status: ConnectionStatus
  ended: AccessEnded | null
}

function statusOf(session: Session): ConnectionStatus {
  const { provider } = session
  if (!navigator.onLine || !provider.shouldConnect) return 'offline'
  if (provider.wsconnected && provider.synced) return 'online'
  if (provider.wsUnsuccessfulReconnects > 1 && !provider.wsconnected) return 'offline'
  return 'syncing'
}

/** No server to sync with for now: the browser is offline, or the socket keeps failing. */
export const isOffline = (session: Session): boolean => statusOf(session) === 'offline'

export function useConnection(session: Session): Connection {
  const [connection, setConnection] = useState<Connection>(() => ({
    status: statusOf(session),
    ended: null,
  }))
  useEffect(() => {
    const { provider } = session
    let ended: AccessEnded | null = null
    let probing = false
    const update = () =>
      setConnection({
        status: ended ? 'offline' : full.waiting ? 'storage-full' : statusOf(session),
        ended,
      })
    const full = storageFullBackoff(provider, update)
    const end = (reason: AccessEnded) => {
      ended = reason
      provider.shouldConnect = false
      provider.disconnect()
      update()
    }
    // The server says why it ended our access (a close code with a denial); other closes
    // are retried. A refused upgrade (HTTP 401) reaches the browser as a bare close (1006):
    // ask the HTTP API whether the token still works before letting the provider retry.
    const onClose = (event: CloseEvent | null) => {
      const reason = event ? CLOSE_CODE_REASON[event.code] : undefined
      if (reason) return end(reason)
      if (event?.code === CLOSE.storageFull.code) return full.refused()
      update()
      if (!event || probing || !navigator.onLine) return
      probing = true
      void getRoadmapInfo(session.id, session.token).then((info) => {
        probing = false
        if (!info.ok) {
          const reason = reasonFromHttp(info.status, info.reason)
          if (reason) end(reason)
        }
      })
    }
    const onOnline = () => update()
    const onSync = (synced: boolean) => {
      if (synced) full.synced()
      update()
    }
    provider.on('status', update)
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOnline)
    update()
    return () => {
      provider.off('status', update)
      provider.off('sync', onSync)
      full.dispose()
      provider.off('connection-close', onClose)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOnline)
    }
  }, [session])
  return connection
}

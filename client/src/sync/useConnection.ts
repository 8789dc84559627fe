// Connection state of a session (online / syncing / offline) and whether the server
// ended our access (a close code the contract marks as a denial, or a refused upgrade
// confirmed over HTTP).
import { useEffect, useState } from 'react'
import type { Session } from './session.js'
import { getRoadmapInfo } from './api.js'
import { CLOSE } from '@meridian/protocol'
import { CLOSE_CODE_REASON, reasonFromHttp } from './closeCodes.js'
import type { AccessEnded } from './closeCodes.js'

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

export function useConnection(session: Session): Connection {
  const [connection, setConnection] = useState<Connection>(() => ({
    status: statusOf(session),
    ended: null,
  }))
  useEffect(() => {
    const { provider } = session
    let ended: AccessEnded | null = null
    let probing = false
    // Storage full (4507): the provider would reconnect at once and be refused again; wait
    // longer each time (5 s, 10 s, … up to a minute) before trying again.
    let fullRetries = 0
    let fullTimer: ReturnType<typeof setTimeout> | undefined
    const update = () =>
      setConnection({
        status: ended ? 'offline' : fullTimer !== undefined ? 'storage-full' : statusOf(session),
        ended,
      })
    const backOff = () => {
      provider.shouldConnect = false
      provider.disconnect()
      const delay = Math.min(60_000, 5_000 * 2 ** fullRetries++)
      clearTimeout(fullTimer)
      fullTimer = setTimeout(() => {
        fullTimer = undefined
        provider.connect()
        update()
      }, delay)
      update()
    }
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
      if (event?.code === CLOSE.storageFull.code) return backOff()
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
      if (synced) fullRetries = 0
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
      clearTimeout(fullTimer)
      provider.off('connection-close', onClose)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOnline)
    }
  }, [session])
  return connection
}

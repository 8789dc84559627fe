// Once the roadmap is open and synced, fetch the code of the panel, the editor and every
// view in the background: switching views is then instant, and they keep working offline.
// Waiting for the first sync keeps this work out of the way of the first render.
import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { VIEWS, preloadView } from '../views/viewRegistry.js'

function load(): void {
  void import('../panel/FeaturePanel.js')
  void import('../panel/DescriptionEditor.js')
  for (const view of VIEWS) preloadView(view.id)
}

export function usePreload(provider: WebsocketProvider): void {
  useEffect(() => {
    let cancelIdle = () => {}
    const schedule = () => {
      if ('requestIdleCallback' in window) {
        const handle = window.requestIdleCallback(load, { timeout: 3000 })
        cancelIdle = () => window.cancelIdleCallback(handle)
      } else {
        const handle = setTimeout(load, 1000)
        cancelIdle = () => clearTimeout(handle)
      }
    }
    if (provider.synced) {
      schedule()
      return () => cancelIdle()
    }
    // Offline from the start: no sync will come soon; load after a short pause instead.
    const fallback = setTimeout(schedule, 4000)
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(fallback)
      provider.off('sync', onSync)
      schedule()
    }
    provider.on('sync', onSync)
    return () => {
      clearTimeout(fallback)
      provider.off('sync', onSync)
      cancelIdle()
    }
  }, [provider])
}

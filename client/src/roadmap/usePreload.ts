// Once the roadmap is open, fetch the code of the panel, the editor and every view in
// the background: switching views is then instant, and they keep working offline.
import { useEffect } from 'react'
import { VIEWS, preloadView } from './viewRegistry.js'

export function usePreload(): void {
  useEffect(() => {
    const load = () => {
      void import('../panel/FeaturePanel.js')
      void import('../panel/DescriptionEditor.js')
      for (const view of VIEWS) preloadView(view.id)
    }
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(load, { timeout: 2000 })
      return () => window.cancelIdleCallback(handle)
    }
    const handle = setTimeout(load, 1000)
    return () => clearTimeout(handle)
  }, [])
}

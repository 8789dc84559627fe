// Shell state of an open roadmap: the active view (in the URL), the selected feature,
// whether its panel is open, who is being followed. Selection and view are published
// to awareness so others see them.
import { useCallback, useEffect, useState } from 'react'
import type { FeatureId } from '@meridian/model'
import type { Awareness } from 'y-protocols/awareness'
import { navigate } from '../lib/navigation.js'
import { setPresence } from '../sync/presence.js'
import { presenceOf } from '../sync/presenceState.js'
import { isViewId } from '../views/viewRegistry.js'
import type { ViewId } from '../views/viewRegistry.js'

export function useWorkspace(awareness: Awareness, initialView: string | null) {
  const [view, setViewState] = useState<ViewId>(isViewId(initialView) ? initialView : 'timeline')
  const [selectedFeatureId, setSelected] = useState<FeatureId | null>(null)
  const [panelOpen, setPanelOpen] = useState(false)
  const [followClientId, setFollow] = useState<number | null>(null)
  const [shareOpen, setShareOpen] = useState(false)

  const setView = useCallback((next: ViewId) => {
    setViewState(next)
    const url = new URL(window.location.href)
    url.searchParams.set('view', next)
    navigate(url.pathname + url.search, { replace: true })
  }, [])

  useEffect(() => setPresence(awareness, { view }), [awareness, view])
  useEffect(
    () =>
      setPresence(awareness, {
        selection: selectedFeatureId ? { kind: 'feature', id: selectedFeatureId } : null,
      }),
    [awareness, selectedFeatureId],
  )

  const selectFeature = useCallback((id: FeatureId | null) => {
    setSelected(id)
    if (id === null) setPanelOpen(false)
  }, [])
  const openFeature = useCallback((id: FeatureId) => {
    setSelected(id)
    setPanelOpen(true)
  }, [])
  const selectAndOpen = useCallback((id: FeatureId | null) => {
    setSelected(id)
    setPanelOpen(id !== null)
  }, [])
  const closePanel = useCallback(() => setPanelOpen(false), [])

  // Follow mode: go where the followed person goes; stop when they leave.
  useEffect(() => {
    if (followClientId === null) return
    const onChange = () => {
      const state = presenceOf(awareness.getStates().get(followClientId))
      if (!state) {
        setFollow(null)
        return
      }
      if (state.view && isViewId(state.view)) setViewState(state.view)
    }
    onChange()
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness, followClientId])

  return {
    view,
    setView,
    selectedFeatureId,
    selectFeature,
    openFeature,
    selectAndOpen,
    panelOpen,
    closePanel,
    followClientId,
    follow: (id: number | null) => setFollow((current) => (current === id ? null : id)),
    stopFollowing: () => setFollow(null),
    shareOpen,
    setShareOpen,
  }
}

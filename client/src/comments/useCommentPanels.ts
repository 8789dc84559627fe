// Which comment panel the workspace shows beside the view: the activity panel, or the
// comments of a milestone, goal, risk or backlog item. One side panel at a time: opening the
// feature panel closes these, and opening a feature from them opens the feature panel.
import { useCallback, useEffect, useState } from 'react'
import type { FeatureId } from '@meridian/model'
import type { CommentTarget } from './entityLabel.js'

export function useCommentPanels(ws: {
  panelOpen: boolean
  selectedFeatureId: FeatureId | null
  openFeature(id: FeatureId): void
  closePanel(): void
}) {
  const [activityOpen, setActivityOpen] = useState(false)
  const [target, setTarget] = useState<CommentTarget | null>(null)
  const { panelOpen, selectedFeatureId, openFeature, closePanel } = ws

  useEffect(() => {
    if (!panelOpen) return
    setActivityOpen(false)
    setTarget(null)
  }, [panelOpen, selectedFeatureId])

  const open = useCallback(
    (next: CommentTarget) => {
      setActivityOpen(false)
      if (next.kind === 'features') {
        setTarget(null)
        openFeature(next.id as FeatureId)
      } else {
        closePanel()
        setTarget(next)
      }
    },
    [openFeature, closePanel],
  )
  const toggleActivity = useCallback(() => {
    setActivityOpen((was) => {
      if (!was) {
        closePanel()
        setTarget(null)
      }
      return !was
    })
  }, [closePanel])
  return {
    activityOpen,
    target,
    open,
    toggleActivity,
    closeActivity: useCallback(() => setActivityOpen(false), []),
    closeTarget: useCallback(() => setTarget(null), []),
  }
}

import { useState } from 'react'
import { createRoadmap } from '../sync/api.js'
import { navigate } from '../lib/navigation.js'
import { openCreated } from './openCreated.js'
import { forgetRoadmap, loadRecent, parseRoadmapLink } from '../sync/recentRoadmaps.js'
import type { RecentRoadmap } from '../sync/recentRoadmaps.js'

export function useHomeActions() {
  const [recent, setRecent] = useState<RecentRoadmap[]>(() => loadRecent())
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [linkError, setLinkError] = useState<string | null>(null)

  async function create(title: string) {
    setCreating(true)
    setError(null)
    const result = await createRoadmap(title.trim() || 'Untitled roadmap')
    setCreating(false)
    if (!result.ok) {
      setError(
        result.status === 0
          ? 'The server cannot be reached. Try again in a moment.'
          : result.message,
      )
      return
    }
    await openCreated(result.value)
  }

  function openLink(text: string) {
    const parsed = parseRoadmapLink(text)
    if (!parsed) {
      setLinkError('That does not look like a Meridian roadmap link (…/r/<id>?token=…).')
      return
    }
    setLinkError(null)
    navigate(`/r/${encodeURIComponent(parsed.id)}?token=${encodeURIComponent(parsed.token)}`)
  }

  function forget(entry: RecentRoadmap) {
    forgetRoadmap(entry.id, entry.token)
    setRecent(loadRecent())
  }

  return { recent, creating, error, linkError, create, openLink, forget }
}

// The owner's share links: list (refreshed while the dialog is open, for live
// connection counts), create (optionally for a named person), revoke, and a new address
// for a link whose token this browser does not know.
import { useCallback, useEffect, useState } from 'react'
import type { Role } from '../views/types.js'
import { createLink, listLinks, reissueLink, revokeLink } from '../sync/api.js'
import type { ShareLink } from '../sync/api.js'
import { linkToken, rememberLinkToken } from '../sync/linkTokens.js'

const REFRESH_MS = 4000

export function useShareLinks(roadmapId: string, token: string) {
  const [links, setLinks] = useState<ShareLink[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const result = await listLinks(roadmapId, token)
    if (result.ok) {
      setLinks(
        result.value
          .filter((l) => !l.revoked)
          .map((l) => ({ ...l, token: l.token ?? linkToken(l.id) })),
      )
      setError(null)
    } else setError(result.message)
  }, [roadmapId, token])

  useEffect(() => {
    void refresh()
    const timer = setInterval(() => void refresh(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])

  const create = useCallback(
    async (role: Role, expiresInHours: number | null, personName: string | null = null) => {
      setBusy(true)
      const expiresAt = expiresInHours
        ? new Date(Date.now() + expiresInHours * 3_600_000).toISOString()
        : null
      const result = await createLink(roadmapId, token, role, expiresAt, personName)
      setBusy(false)
      if (!result.ok) {
        setError(result.message)
        return
      }
      if (result.value.token) rememberLinkToken(result.value.id, result.value.token)
      setCreated(result.value.id)
      await refresh()
    },
    [roadmapId, token, refresh],
  )

  const revoke = useCallback(
    async (linkId: string) => {
      setLinks((current) => current?.filter((l) => l.id !== linkId) ?? null)
      const result = await revokeLink(roadmapId, token, linkId)
      if (!result.ok) setError(result.message)
      await refresh()
    },
    [roadmapId, token, refresh],
  )

  const reissue = useCallback(
    async (linkId: string) => {
      const result = await reissueLink(roadmapId, token, linkId)
      if (!result.ok) {
        setError(result.message)
        return
      }
      if (result.value.token) rememberLinkToken(result.value.id, result.value.token)
      setCreated(result.value.id)
      await refresh()
    },
    [roadmapId, token, refresh],
  )

  return { links, error, busy, created, create, revoke, reissue }
}

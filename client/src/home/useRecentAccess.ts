// Whether each remembered roadmap's link still opens it, asked once when the home page
// shows. The same check as opening the roadmap (useSession): `GET /api/roadmaps/:id`
// with the stored token, its `reason` read by `reasonFromHttp`. Only a refusal ends an entry: a
// network failure or a server error says nothing about the link (offline is not revoked).
import { useEffect, useState } from 'react'
import { getRoadmapInfo } from '../sync/api.js'
import { reasonFromHttp } from '../sync/closeCodes.js'
import type { AccessEnded } from '../sync/closeCodes.js'
import type { RecentRoadmap } from '../sync/recentRoadmaps.js'

export const recentKey = (entry: Pick<RecentRoadmap, 'id' | 'token'>): string =>
  `${entry.id}:${entry.token}`

/** Ended entries by `recentKey`; entries absent are usable (or not checked yet). */
export function useRecentAccess(recent: RecentRoadmap[]): ReadonlyMap<string, AccessEnded> {
  const [ended, setEnded] = useState<ReadonlyMap<string, AccessEnded>>(() => new Map())
  // Checked again only when the set of links changes, not on every render.
  const links = JSON.stringify(recent.map((r) => [r.id, r.token]))
  useEffect(() => {
    let cancelled = false
    for (const [id, token] of JSON.parse(links) as Array<[string, string]>) {
      const key = recentKey({ id, token })
      void getRoadmapInfo(id, token).then((info) => {
        if (cancelled || info.ok) return
        const reason = reasonFromHttp(info.status, info.reason)
        if (reason) setEnded((current) => new Map(current).set(key, reason))
      })
    }
    return () => {
      cancelled = true
    }
  }, [links])
  return ended
}

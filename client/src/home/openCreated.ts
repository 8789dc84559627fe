// A roadmap just created (empty, or from a CSV file): its three links remembered so the share
// dialog can offer their URLs again, the owner link kept in the recent list, and opened.
import type { CreatedRoadmap } from '@meridian/protocol'
import { getRoadmapInfo } from '../sync/api.js'
import { rememberLinkToken } from '../sync/linkTokens.js'
import { navigate } from '../lib/navigation.js'
import { rememberRoadmap } from '../sync/recentRoadmaps.js'

export async function openCreated(created: CreatedRoadmap): Promise<void> {
  const { id, ownerToken, editorToken, viewerToken, title } = created
  await Promise.all(
    [ownerToken, editorToken, viewerToken].map(async (token) => {
      const info = await getRoadmapInfo(id, token)
      if (info.ok && info.value.linkId) rememberLinkToken(info.value.linkId, token)
    }),
  )
  rememberRoadmap({ id, token: ownerToken, role: 'owner', title })
  navigate(`/r/${encodeURIComponent(id)}?token=${encodeURIComponent(ownerToken)}`)
}

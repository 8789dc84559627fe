// The HTML a stakeholder pastes into a wiki or intranet page to show the live timeline.
// Embeds use a view-only link: whoever reads the host page must not be able to edit.
import type { ShareLink } from '../sync/api.js'

/** The newest view-only link whose token this browser knows; `null` when there is none. */
export function embeddableLink(links: readonly ShareLink[]): ShareLink | null {
  let best: ShareLink | null = null
  for (const link of links) {
    if (link.role !== 'viewer' || !link.token || link.revoked) continue
    if (best === null || (link.createdAt ?? '') > (best.createdAt ?? '')) best = link
  }
  return best
}

export function iframeSnippet(embedUrl: string, title: string): string {
  const attr = (value: string) =>
    value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
  return `<iframe src="${attr(embedUrl)}" title="${attr(title)}" width="100%" height="480" style="border:1px solid #e4e7ec;border-radius:8px" loading="lazy"></iframe>`
}

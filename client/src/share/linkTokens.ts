// The server stores only token hashes, so a link's URL can be shown again only where
// its token is known: links created in this browser (and the roadmap's initial links)
// are remembered here, by link id.
const KEY = 'meridian:link-tokens'

function load(): Record<string, string> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown
    return raw && typeof raw === 'object' ? (raw as Record<string, string>) : {}
  } catch {
    return {}
  }
}

export function rememberLinkToken(linkId: string, token: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...load(), [linkId]: token }))
  } catch {
    // storage unavailable: the link can still be copied right after creation
  }
}

export function linkToken(linkId: string): string | null {
  return load()[linkId] ?? null
}

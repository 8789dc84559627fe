// The server stores only token hashes, so a link's URL can be shown again only where
// its token is known: links created or given a new address in this browser (and the link
// it was opened with) are remembered here, by link id. Any other link gets a new address
// on request (POST …/links/:linkId/token).
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

// A stable key for this browser's person: ballots and attendance are stored under it, so a
// reload keeps one's vote (the awareness client id changes on every load).

const KEY = 'meridian:person'

export function personKey(): string {
  try {
    const existing = localStorage.getItem(KEY)
    if (existing) return existing
    const created = fresh()
    localStorage.setItem(KEY, created)
    return created
  } catch {
    return fresh()
  }
}

// getRandomValues, not randomUUID: the latter needs a secure context (a LAN address is not).
function fresh(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) =>
    b.toString(36).padStart(2, '0'),
  ).join('')
}

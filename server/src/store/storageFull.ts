// Whether a store failure is the disk (or database) being out of space, and the server's
// memory of it: `/healthz` reports not-ready while the last store write failed for lack of
// space, requests answer 507 and sockets close with 4507 'storage full' (server/README.md).

/** SQLite (SQLITE_FULL), the file system (ENOSPC), PostgreSQL (53100 disk_full). */
export function isStorageFull(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false
  const code = (e as { code?: unknown }).code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return true
  const message = (e as { message?: unknown }).message
  return (
    typeof message === 'string' && /database or disk is full|ENOSPC|No space left/i.test(message)
  )
}

export class StorageHealth {
  /** when the last store write failed for lack of space; null once a write succeeded since */
  fullSince: number | null = null

  /** Records a failed write; true when it failed for lack of space. */
  failed(e: unknown, now: number = Date.now()): boolean {
    if (!isStorageFull(e)) return false
    this.fullSince ??= now
    return true
  }

  wrote(): void {
    this.fullSince = null
  }
}

/** The store refused a server-side change (a restore); nothing of it was relayed. */
export class StoreRefused extends Error {
  constructor(readonly storageFull: boolean) {
    super(storageFull ? 'storing the change failed: storage full' : 'storing the change failed')
  }
}

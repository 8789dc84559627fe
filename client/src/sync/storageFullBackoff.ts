// Storage full (close code 4507): the provider would reconnect at once and be refused again,
// so it is stopped and reconnected after a wait that doubles each time (5 s, 10 s, … up to a
// minute), back to the first wait once a connection has stayed up a first wait after syncing.
// Not at the sync itself: the server answers a reconnect's sync before it refuses the edits
// that follow, so every attempt would start over at 5 s. The edits stay in the Y.Doc (and the
// browser's copy) meanwhile and are sent on the connection that gets through.

/** The part of the y-websocket provider the back-off drives. */
export interface Reconnectable {
  shouldConnect: boolean
  connect(): void
  disconnect(): void
}

export const STORAGE_FULL_WAIT_MS = { first: 5_000, max: 60_000 } as const

export interface StorageFullBackoff {
  /** True while waiting to try again: the connection badge says the server is full. */
  readonly waiting: boolean
  /** The server closed with storage full: stop, and schedule the next attempt. */
  refused(): void
  /** A connection synced: if it is not refused within a first wait, the waits start over. */
  synced(): void
  dispose(): void
}

/** `changed` is called whenever `waiting` may have changed. */
export function storageFullBackoff(
  provider: Reconnectable,
  changed: () => void,
): StorageFullBackoff {
  let retries = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let reset: ReturnType<typeof setTimeout> | undefined
  return {
    get waiting() {
      return timer !== undefined
    },
    refused() {
      clearTimeout(reset)
      provider.shouldConnect = false
      provider.disconnect()
      const delay = Math.min(STORAGE_FULL_WAIT_MS.max, STORAGE_FULL_WAIT_MS.first * 2 ** retries++)
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        provider.connect()
        changed()
      }, delay)
      changed()
    },
    synced() {
      clearTimeout(reset)
      reset = setTimeout(() => (retries = 0), STORAGE_FULL_WAIT_MS.first)
    },
    dispose() {
      clearTimeout(reset)
      clearTimeout(timer)
      timer = undefined
    },
  }
}

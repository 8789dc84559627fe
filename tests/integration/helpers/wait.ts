// Wait for events, never for time. Every wait has a generous failure bound so a broken server
// fails the test with a message instead of hanging it; the bound is never what a test waits on.
import type * as Y from 'yjs'

export const WAIT_MS = 20_000

/** Resolves when `check()` is true: checked now and after every update of `doc`. */
export function waitForDoc(
  doc: Y.Doc,
  check: (doc: Y.Doc) => boolean,
  what = 'document condition',
  timeoutMs = WAIT_MS,
): Promise<void> {
  return waitForDocs([doc], () => check(doc), what, timeoutMs)
}

/** Resolves when `check()` is true: checked now and after every update of any of `docs`. */
export function waitForDocs(
  docs: Y.Doc[],
  check: () => boolean,
  what = 'documents condition',
  timeoutMs = WAIT_MS,
): Promise<void> {
  if (check()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onUpdate = (): void => {
      if (!check()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
    }, timeoutMs)
    const cleanup = (): void => {
      clearTimeout(timer)
      for (const d of docs) d.off('update', onUpdate)
    }
    for (const d of docs) d.on('update', onUpdate)
  })
}

/** Minimal event-source shape shared by lib0 Observable and Node EventEmitter. */
export interface Emitter<A extends unknown[]> {
  on(event: string, fn: (...args: A) => void): unknown
  off(event: string, fn: (...args: A) => void): unknown
}

/** Resolves with the args of the first `event` for which `match(...args)` holds. */
export function waitForEvent<A extends unknown[]>(
  source: Emitter<A>,
  event: string,
  match: (...args: A) => boolean = () => true,
  what = `event ${event}`,
  timeoutMs = WAIT_MS,
): Promise<A> {
  return new Promise((resolve, reject) => {
    const handler = (...args: A): void => {
      if (!match(...args)) return
      cleanup()
      resolve(args)
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
    }, timeoutMs)
    const cleanup = (): void => {
      clearTimeout(timer)
      source.off(event, handler)
    }
    source.on(event, handler)
  })
}

/** Rejects with `what` if `p` has not settled within the bound. */
export async function within<T>(p: Promise<T>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)),
          timeoutMs,
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** JSON with object keys sorted: Y.Map.toJSON() key order depends on arrival order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  )
}

// The client's answer to a full server (close code 4507): it stops reconnecting at once,
// tries again less and less often, and edits made meanwhile stay in the
// document. The server is simulated as refusing every attempt; the clock is vitest's fake one,
// so the attempts are counted, not timed. The badge's words are ConnectionIndicator.test.ts's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { STORAGE_FULL_WAIT_MS, storageFullBackoff } from './storageFullBackoff.js'
import type { Reconnectable } from './storageFullBackoff.js'

/** A provider whose every connection the full server refuses (4507) right away. */
function refusedProvider() {
  const attempts: number[] = []
  const provider: Reconnectable & { attempts: number[]; disconnects: number } = {
    shouldConnect: true,
    attempts,
    disconnects: 0,
    connect() {
      provider.shouldConnect = true
      attempts.push(Date.now())
      backoff.refused()
    },
    disconnect() {
      provider.disconnects++
    },
  }
  const changes: boolean[] = []
  const backoff = storageFullBackoff(provider, () => changes.push(backoff.waiting))
  return { provider, backoff, changes }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the storage-full back-off', () => {
  it('stops the provider, then spaces the attempts out, doubling up to a minute', () => {
    const { provider, backoff } = refusedProvider()
    backoff.refused()
    expect(provider.shouldConnect).toBe(false)
    expect(provider.disconnects).toBe(1)
    expect(backoff.waiting).toBe(true)
    // Nothing is tried again before the first wait is over.
    vi.advanceTimersByTime(STORAGE_FULL_WAIT_MS.first - 1)
    expect(provider.attempts).toHaveLength(0)

    vi.advanceTimersByTime(10 * 60_000)
    const gaps = provider.attempts.map((at, i) => at - (i === 0 ? 0 : provider.attempts[i - 1]))
    expect(gaps.slice(0, 6)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000])
    // About ten minutes of a full server: 12 attempts, where retrying at once would be thousands.
    expect(provider.attempts).toHaveLength(12)
    backoff.dispose()
  })

  it('keeps doubling when each reconnect syncs before it is refused', () => {
    const { provider, backoff } = refusedProvider()
    // The server answers a reconnect's sync first, then refuses the edits that follow.
    provider.connect = () => {
      provider.attempts.push(Date.now())
      backoff.synced()
      backoff.refused()
    }
    backoff.refused()
    vi.advanceTimersByTime(5_000 + 10_000 + 20_000)
    expect(provider.attempts).toEqual([5_000, 15_000, 35_000])
    backoff.dispose()
  })

  it('waits the first wait again once a connection stayed up after syncing', () => {
    const { provider, backoff } = refusedProvider()
    backoff.refused()
    vi.advanceTimersByTime(5_000 + 10_000 + 20_000)
    expect(provider.attempts).toHaveLength(3)
    backoff.dispose()
    backoff.synced()
    vi.advanceTimersByTime(STORAGE_FULL_WAIT_MS.first)
    backoff.refused()
    vi.advanceTimersByTime(STORAGE_FULL_WAIT_MS.first)
    expect(provider.attempts).toHaveLength(4)
    backoff.dispose()
  })

  it('keeps the edits made while waiting', () => {
    const doc = new Y.Doc()
    const { provider, backoff, changes } = refusedProvider()
    backoff.refused()
    doc.getMap('features').set('f1', 'Edited while the server is full')
    vi.advanceTimersByTime(STORAGE_FULL_WAIT_MS.first * 3)
    expect(doc.getMap('features').get('f1')).toBe('Edited while the server is full')
    expect(provider.attempts.length).toBeGreaterThan(0)
    expect(changes.every((waiting) => waiting)).toBe(true)
    expect(backoff.waiting).toBe(true)
    backoff.dispose()
  })
})

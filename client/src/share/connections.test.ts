import { describe, expect, it } from 'vitest'
import type { ShareLink } from '../sync/api.js'
import { connectionLabel, othersSummary } from './connections.js'

const link = (id: string, connections: number): ShareLink => ({
  id,
  role: 'viewer',
  label: null,
  personName: null,
  token: null,
  expiresAt: null,
  createdAt: null,
  revoked: false,
  connections,
})

describe('connection counts', () => {
  it('does not count this tab as someone else on its own link', () => {
    expect(connectionLabel(link('a', 1), true)).toBe('Only you')
    // the same link open in a second tab is one other
    expect(connectionLabel(link('a', 2), true)).toBe('You + 1 other')
    expect(connectionLabel(link('a', 4), true)).toBe('You + 3 others')
    // not connected (yet): still only you
    expect(connectionLabel(link('a', 0), true)).toBe('Only you')
  })

  it('counts every socket on other links', () => {
    expect(connectionLabel(link('b', 0), false)).toBe('0 connected')
    expect(connectionLabel(link('b', 2), false)).toBe('2 connected')
  })

  it('sums the others across links', () => {
    const isOwn = (l: ShareLink) => l.id === 'a'
    expect(othersSummary([link('a', 1), link('b', 0)], isOwn)).toBe('No one else is connected')
    expect(othersSummary([link('a', 2), link('b', 0)], isOwn)).toBe('1 other person connected')
    expect(othersSummary([link('a', 1), link('b', 3)], isOwn)).toBe('3 other people connected')
    expect(othersSummary([link('b', 3)], isOwn)).toBe('3 other people connected')
  })
})

// What the connection badge says while the server is out of space (close code 4507, the
// back-off of sync/storageFullBackoff.ts): why edits are not reaching anyone, and that they
// are kept.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ConnectionIndicator } from './ConnectionIndicator.js'

describe('ConnectionIndicator', () => {
  it('says the server is full and that edits are kept in this browser', () => {
    const badge = renderToStaticMarkup(
      createElement(ConnectionIndicator, { status: 'storage-full' }),
    )
    expect(badge).toContain('data-status="storage-full"')
    expect(badge).toContain('Server full')
    expect(badge).toMatch(/out of storage space.*kept in this browser/)
  })
})

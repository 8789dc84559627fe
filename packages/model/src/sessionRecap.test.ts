import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { compareRoadmaps } from './compare.js'
import { readSessions } from './readSessions.js'
import { buildRecap, recapToMarkdown } from './sessionRecap.js'
import { Sessions } from './sessions.js'
import { feature, lane, roadmapData } from './testing/fixture.js'

const ANN = { key: 'k-ann', name: 'Ann' }
const BO = { key: 'k-bo', name: 'Bo' }
const lanes = [lane('L1', 'Platform', 'a0')]

describe('session recap', () => {
  test('from two hand-built versions: the moved feature, the decision, the action, the vote, who attended', () => {
    const before = roadmapData({
      lanes,
      features: [
        feature('F1', { title: 'Checkout v2', start: '2026-04-01', end: '2026-05-31' }),
        feature('F2', { title: 'Search', start: '2026-04-01', end: '2026-04-30' }),
      ],
    })
    const after = roadmapData({
      lanes,
      features: [
        feature('F1', { title: 'Checkout v2', start: '2026-07-01', end: '2026-08-31' }),
        feature('F2', { title: 'Search', start: '2026-04-01', end: '2026-04-30' }),
      ],
    })
    const doc = new Y.Doc()
    let n = 0
    const sessions = new Sessions(doc, {
      origin: 'test',
      createId: () => `id${n++}`,
      now: () => '2026-03-10T10:00:00Z',
    })
    const id = sessions.start({
      title: 'Q3 planning',
      facilitator: ANN,
      checkpointId: 'SNAP',
      topics: [{ kind: 'feature', ref: 'F1', text: '' }],
    })
    sessions.join(id, BO)
    sessions.recordDecision(id, {
      kind: 'feature',
      ref: 'F1',
      text: 'Move Checkout v2 to Q3: payments team is at capacity',
      by: 'Ann',
    })
    sessions.recordAction(id, {
      kind: 'feature',
      ref: 'F1',
      text: 'Tell sales',
      by: 'Bo',
      owner: 'Bo',
      due: '2026-03-20',
    })
    const vote = sessions.openVote(id, {
      title: 'Next up',
      mode: 'dots',
      budget: 2,
      options: ['F1', 'F2'],
    })!
    sessions.cast(id, vote, ANN, { F2: 2 })
    sessions.cast(id, vote, BO, { F2: 1, F1: 1 })
    sessions.reveal(id, vote)
    const hidden = sessions.openVote(id, { title: 'Unrevealed', mode: 'dots', options: ['F1'] })!
    sessions.cast(id, hidden, ANN, { F1: 1 })
    sessions.end(
      id,
      compareRoadmaps(before, after, { fromDate: '2026-03-10', toDate: '2026-03-10' }),
    )

    const recap = buildRecap(readSessions(doc)[0]!, after)
    expect(recap.attendees).toEqual(['Ann', 'Bo'])
    expect(recap.comparison!.changes).toMatchObject([
      { type: 'slipped', id: 'F1', title: 'Checkout v2' },
    ])
    expect(recap.decisions).toMatchObject([{ subject: 'Checkout v2', by: 'Ann' }])
    expect(recap.actions).toMatchObject([
      { subject: 'Checkout v2', owner: 'Bo', due: '2026-03-20' },
    ])
    expect(recap.votes).toHaveLength(1)
    expect(recap.votes[0]!.ranking.map((r) => [r.title, r.total])).toEqual([
      ['Search', 3],
      ['Checkout v2', 1],
    ])

    const markdown = recapToMarkdown(recap)
    expect(markdown).toContain('# Q3 planning')
    expect(markdown).toContain(
      '- **Checkout v2**: Move Checkout v2 to Q3: payments team is at capacity',
    )
    // Days read as everywhere else in the product (dateDisplay.ts), not as ISO.
    expect(markdown).toContain('Mar 10, 2026 · facilitated by Ann')
    expect(markdown).toContain('- **Checkout v2**: Tell sales (Bo, due Mar 20, 2026)')
    expect(markdown).toContain('(Apr 1, 2026 – May 31, 2026 → Jul 1, 2026 – Aug 31, 2026)')
    expect(markdown).toContain('1. Search: 3 dots')
    expect(markdown).toContain('Feature **Checkout v2**')
    expect(markdown).not.toContain('Unrevealed')
  })
})

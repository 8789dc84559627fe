import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readSessions } from './readSessions.js'
import { Sessions } from './sessions.js'
import type { SessionId, VoteId } from './sessionSchema.js'
import { tallyVote } from './voteTally.js'

const ANN = { key: 'k-ann', name: 'Ann' }
const BO = { key: 'k-bo', name: 'Bo' }

function peer(name: string, clientID: number) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  let n = 0
  return {
    doc,
    sessions: new Sessions(doc, {
      origin: name,
      createId: () => `${name}${n++}`,
      now: () => '2026-03-10T10:00:00Z',
    }),
  }
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function withVote(mode: 'dots' | 'score' = 'dots') {
  const a = peer('a', 1)
  const b = peer('b', 2)
  const id = a.sessions.start({ title: 'S', facilitator: ANN, checkpointId: null, topics: [] })
  const voteId = a.sessions.openVote(id, {
    title: 'What next?',
    mode,
    budget: 2,
    options: ['F1', 'F2', 'F3', 'F4'],
  })!
  sync(a.doc, b.doc)
  return { a, b, id, voteId }
}

const voteIn = (doc: Y.Doc) => readSessions(doc)[0]!.votes[0]!

describe('votes', () => {
  test('are hidden until revealed: a viewer sees their own ballot and the count only', () => {
    const { a, b, id, voteId } = withVote()
    expect(a.sessions.cast(id, voteId, ANN, { F1: 1, F2: 1 })).toEqual({ ok: true })
    expect(b.sessions.cast(id, voteId, BO, { F2: 2 })).toEqual({ ok: true })
    sync(a.doc, b.doc)
    const hidden = tallyVote(voteIn(b.doc), BO.key)
    expect(hidden).toMatchObject({ revealed: false, voters: 2, ranking: null })
    expect(hidden.mine?.marks).toEqual({ F2: 2 })
    a.sessions.reveal(id, voteId)
    sync(a.doc, b.doc)
    const shown = tallyVote(voteIn(b.doc), BO.key)
    expect(shown.ranking!.map((r) => [r.option, r.total, r.place])).toEqual([
      ['F2', 3, 1],
      ['F1', 1, 2],
      ['F3', 0, 3],
      ['F4', 0, 3],
    ])
    expect(tallyVote(voteIn(a.doc), ANN.key).ranking).toEqual(shown.ranking)
    // Frozen once revealed.
    expect(b.sessions.cast(id, voteId, BO, { F4: 1 })).toEqual({ ok: false, error: 'closed' })
  })

  test('one budget per person: over-budget refused, a second ballot replaces the first', () => {
    const { a, id, voteId } = withVote()
    expect(a.sessions.cast(id, voteId, ANN, { F1: 3 })).toEqual({ ok: false, error: 'over-budget' })
    expect(a.sessions.cast(id, voteId, ANN, { F9: 1 })).toEqual({
      ok: false,
      error: 'unknown-option',
    })
    a.sessions.cast(id, voteId, ANN, { F1: 2 })
    a.sessions.cast(id, voteId, ANN, { F3: 1, F4: 1 })
    a.sessions.reveal(id as SessionId, voteId as VoteId)
    const ranking = tallyVote(voteIn(a.doc), ANN.key).ranking!
    expect(ranking.filter((r) => r.total > 0).map((r) => r.option)).toEqual(['F3', 'F4'])
  })

  test('an over-budget ballot a peer wrote past the API is not counted', () => {
    const { a, b, id, voteId } = withVote()
    a.sessions.cast(id, voteId, ANN, { F1: 1 })
    const vote = (b.doc.getMap('sessions').get(id) as Y.Map<Y.Map<Y.Map<Y.Map<unknown>>>>)
      .get('votes')!
      .get(voteId)!
      .get('ballots')!
    vote.set(BO.key, { name: 'Bo', at: '', marks: { F2: 50 } })
    sync(a.doc, b.doc)
    a.sessions.reveal(id, voteId)
    expect(tallyVote(voteIn(a.doc), null).voters).toBe(1)
  })

  test('concurrent votes by two people, one offline, never conflict: same tally everywhere', () => {
    const { a, b, id, voteId } = withVote()
    a.sessions.cast(id, voteId, ANN, { F4: 2 })
    b.sessions.cast(id, voteId, BO, { F4: 1, F1: 1 })
    // Ann reveals before Bo's ballot arrives (he was offline); it still counts when it does.
    a.sessions.reveal(id, voteId)
    sync(a.doc, b.doc)
    const onA = tallyVote(voteIn(a.doc), null)
    expect(onA.voters).toBe(2)
    expect(onA.ranking![0]).toMatchObject({ option: 'F4', total: 3, voters: 2 })
    expect(tallyVote(voteIn(b.doc), null)).toEqual(onA)
  })

  test('a score vote ranks by mean score and accepts 1–5 only', () => {
    const { a, b, id, voteId } = withVote('score')
    expect(a.sessions.cast(id, voteId, ANN, { F1: 6 })).toEqual({
      ok: false,
      error: 'out-of-range',
    })
    a.sessions.cast(id, voteId, ANN, { F1: 5, F2: 2 })
    b.sessions.cast(id, voteId, BO, { F1: 3, F2: 5, F3: 4 })
    sync(a.doc, b.doc)
    a.sessions.reveal(id, voteId)
    const rows = tallyVote(voteIn(a.doc), null).ranking!
    expect(rows.map((r) => [r.option, r.value])).toEqual([
      ['F1', 4],
      ['F3', 4],
      ['F2', 3.5],
      ['F4', 0],
    ])
    expect(rows.map((r) => r.place)).toEqual([1, 2, 3, 4])
  })
})

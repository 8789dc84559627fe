// A commenter link's own ballot is the one write outside comments the server takes from it,
// and only while the session lets commenters vote and the vote is open.
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { commenterVoter, commenterVoterKey } from './commenter-ballot.js'
import { checkCommenterUpdate } from './commenter-check.js'
import { REFUSAL } from './commenter-refusal.js'
import { Comments } from './comments.js'
import { readSessions } from './readSessions.js'
import { Roadmap } from './roadmap.js'
import type { SessionId, VoteId } from './sessionSchema.js'
import { Sessions } from './sessions.js'
import { updateOf } from './testing/craft-update.js'
import { idSource } from './testing/random-edits.js'

const CEM = { linkId: 'commenter-link', name: 'Cem' }
const ANA = { linkId: 'commenter-link', name: 'Ana' }
const now = () => '2026-06-01T10:00:00.000Z'

function setup(commentersVote: boolean) {
  const server = new Y.Doc()
  server.clientID = 1
  const roadmap = new Roadmap(server, { origin: 'owner', createId: idSource('o.') })
  roadmap.init({ title: 'Plan' })
  const lane = roadmap.lanes.create({ name: 'Lane' })
  const a = roadmap.features.create({ laneId: lane, title: 'Checkout' })
  const b = roadmap.features.create({ laneId: lane, title: 'Search' })
  const owner = new Sessions(server, { origin: 'owner', createId: idSource('s.'), now })
  const sessionId = owner.start({
    title: 'Q3',
    facilitator: { key: 'olga', name: 'Olga' },
    checkpointId: null,
    topics: [],
  })
  owner.setCommentersVote(sessionId, commentersVote)
  const voteId = owner.openVote(sessionId, { title: 'Next', mode: 'dots', options: [a, b] })!
  const client = new Y.Doc()
  client.clientID = 2
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const cem = new Sessions(client, { origin: 'cem', createId: idSource('c.'), now })
  return { server, owner, client, cem, sessionId, voteId, a, b }
}

function check(server: Y.Doc, client: Y.Doc, fn: () => unknown, author = CEM) {
  const update = updateOf(client, fn)
  const result = checkCommenterUpdate(server, update, author)
  if (result.ok) Y.applyUpdate(server, result.update)
  return result
}

const ballots = (doc: Y.Doc) => readSessions(doc)[0]!.votes[0]!.ballots

describe('a commenter ballot, when the session lets commenters vote', () => {
  test('is accepted, replaced and withdrawn, under the key bound to the link and name', () => {
    const s = setup(true)
    const me = commenterVoter(CEM)
    const cast = (marks: Record<string, number>) => () =>
      s.cem.cast(s.sessionId, s.voteId, me, marks, { join: false })
    expect(check(s.server, s.client, cast({ [s.a]: 2 }))).toMatchObject({ ok: true })
    expect(ballots(s.server)).toMatchObject([
      { voter: { key: commenterVoterKey(CEM), name: 'Cem' }, marks: { [s.a]: 2 } },
    ])
    expect(check(s.server, s.client, cast({ [s.b]: 3 }))).toMatchObject({ ok: true })
    expect(ballots(s.server)[0]!.marks).toEqual({ [s.b]: 3 })
    expect(check(s.server, s.client, cast({}))).toMatchObject({ ok: true })
    expect(ballots(s.server)).toEqual([])
  })

  test('leaves the same client free to write comments afterwards', () => {
    const s = setup(true)
    check(s.server, s.client, () =>
      s.cem.cast(s.sessionId, s.voteId, commenterVoter(CEM), { [s.a]: 1 }, { join: false }),
    )
    const comments = new Comments(s.client, { origin: 'cem', author: CEM, now })
    const result = check(s.server, s.client, () =>
      comments.startThread({ kind: 'features', id: s.a }, { text: 'Why first?' }),
    )
    expect(result).toMatchObject({ ok: true })
  })

  test('refuses a ballot in someone else’s name, an over-budget one and attendance', () => {
    const s = setup(true)
    // A refused update leaves its tab ahead of the server: each attempt starts from the server.
    const attempt = (fn: (cem: Sessions, doc: Y.Doc) => unknown) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server))
      const cem = new Sessions(doc, { origin: 'cem', createId: idSource('c.'), now })
      return check(s.server, doc, () => fn(cem, doc))
    }
    const notOwn = { ok: false, reason: REFUSAL.notOwnBallot }
    const as = (voter: { key: string; name: string }) => (cem: Sessions) =>
      cem.cast(s.sessionId, s.voteId, voter, { [s.a]: 1 }, { join: false })
    expect(attempt(as({ key: commenterVoterKey(ANA), name: 'Ana' }))).toEqual(notOwn)
    expect(attempt(as({ key: 'olga', name: 'Cem' }))).toEqual(notOwn)
    expect(attempt(as({ key: commenterVoterKey(CEM), name: 'Ana' }))).toEqual(notOwn)
    const raw = (marks: Record<string, number>) => (_: Sessions, doc: Y.Doc) => {
      const session = doc.getMap('sessions').get(s.sessionId) as Y.Map<unknown>
      const vote = (session.get('votes') as Y.Map<unknown>).get(s.voteId) as Y.Map<unknown>
      const map = vote.get('ballots') as Y.Map<unknown>
      map.set(commenterVoterKey(CEM), { name: 'Cem', at: now(), marks })
    }
    expect(attempt(raw({ [s.a]: 9 }))).toEqual(notOwn)
    expect(attempt(raw({ 'not-an-option': 1 }))).toEqual(notOwn)
    expect(attempt((cem) => cem.join(s.sessionId, commenterVoter(CEM)))).toEqual({
      ok: false,
      reason: REFUSAL.outside,
    })
    expect(
      attempt((cem) => cem.cast(s.sessionId, s.voteId, commenterVoter(CEM), { [s.a]: 1 })),
    ).toMatchObject({ ok: false })
    expect(ballots(s.server)).toEqual([])
  })

  test('refuses deleting someone else’s ballot', () => {
    const s = setup(true)
    s.owner.cast(s.sessionId, s.voteId, { key: 'olga', name: 'Olga' }, { [s.a]: 1 })
    Y.applyUpdate(s.client, Y.encodeStateAsUpdate(s.server))
    const result = check(s.server, s.client, () =>
      s.cem.cast(s.sessionId, s.voteId, { key: 'olga', name: 'Olga' }, {}, { join: false }),
    )
    expect(result).toEqual({ ok: false, reason: REFUSAL.deleteForeign })
    expect(ballots(s.server)).toHaveLength(1)
  })
})

describe('a commenter ballot is refused', () => {
  const castIn = (s: ReturnType<typeof setup>) => () =>
    s.cem.cast(s.sessionId, s.voteId, commenterVoter(CEM), { [s.a]: 1 }, { join: false })

  test('when the session does not let commenters vote', () => {
    const s = setup(false)
    expect(check(s.server, s.client, castIn(s))).toEqual({ ok: false, reason: REFUSAL.outside })
  })

  test('once the vote is revealed, also to withdraw', () => {
    const s = setup(true)
    check(s.server, s.client, castIn(s))
    s.owner.reveal(s.sessionId, s.voteId as VoteId)
    const stale = new Y.Doc()
    stale.clientID = 2
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(s.client))
    // The commenter's tab has not seen the reveal yet: its withdrawal is refused anyway.
    const writer = new Sessions(stale, { origin: 'cem', now })
    const result = check(s.server, stale, () =>
      writer.cast(s.sessionId as SessionId, s.voteId, commenterVoter(CEM), {}, { join: false }),
    )
    expect(result).toEqual({ ok: false, reason: REFUSAL.deleteForeign })
    expect(ballots(s.server)).toHaveLength(1)
  })
})

// The one thing besides comments a commenter link may write: their own ballot in an open
// vote of a running session whose facilitator let commenters vote (`commentersVote`). The
// ballot's key is bound to the link and the name the server fixed for the connection
// (`commenterVoterKey`), so nobody can cast or withdraw in someone else's name.

import * as Y from 'yjs'
import type { CommentAuthor } from './comment-schema.js'
import { docValue } from './comment-roles.js'
import { ROOT } from './schema.js'
import { ballotProblem } from './sessionBallot.js'
import type { BallotRule } from './sessionBallot.js'
import { SESSION_LIMITS, VOTE_MODE } from './sessionSchema.js'
import type { Person } from './sessionSchema.js'

/** The key a commenter's ballot (and attendance) is stored under. */
export function commenterVoterKey(author: CommentAuthor): string {
  return `link:${author.linkId}:${author.name}`
}

export function commenterVoter(author: CommentAuthor): Person {
  return { key: commenterVoterKey(author), name: author.name }
}

const mapAt = (parent: Y.AbstractType<unknown> | null, key: string) => {
  const item = parent?._map.get(key)
  return item && !item.deleted && item.content instanceof Y.ContentType
    ? (item.content.type as Y.AbstractType<unknown>)
    : null
}

/** The vote and session a ballots map of the doc belongs to, or null when it is not one. */
function placeOf(
  doc: Y.Doc,
  ballots: Y.AbstractType<unknown>,
): { vote: Y.AbstractType<unknown>; session: Y.AbstractType<unknown> } | null {
  const voteItem = ballots._item
  if (!(ballots instanceof Y.Map) || voteItem?.parentSub !== 'ballots') return null
  const vote = voteItem.parent as Y.AbstractType<unknown> | null
  const votesItem = vote?._item
  const votes = votesItem?.parent as Y.AbstractType<unknown> | null
  const sessionItem = votes?._item
  if (!vote || !votesItem?.parentSub || sessionItem?.parentSub !== 'votes') return null
  const session = sessionItem.parent as Y.AbstractType<unknown> | null
  const root = session?._item?.parent
  if (!session || root !== doc.share.get(ROOT.sessions)) return null
  // The map must be the one the vote reads (not a concurrent duplicate that lost the key).
  if (mapAt(session, 'votes') !== votes || mapAt(votes, votesItem.parentSub) !== vote) return null
  return mapAt(vote, 'ballots') === ballots ? { vote, session } : null
}

/**
 * When `ballots` is the ballots map of a vote (in the doc) that commenters may vote in now:
 * that vote's rule; else null. Read without side effects.
 */
export function openCommenterVote(doc: Y.Doc, ballots: Y.AbstractType<unknown>): BallotRule | null {
  const place = placeOf(doc, ballots)
  if (!place) return null
  const { vote, session } = place
  if (docValue(session, 'commentersVote') !== true || docValue(session, 'endedAt') !== null)
    return null
  if (docValue(vote, 'revealed') === true || docValue(vote, 'closedAt') !== null) return null
  const mode = docValue(vote, 'mode')
  const budget = docValue(vote, 'budget')
  const options = docValue(vote, 'options')
  if (mode !== VOTE_MODE.dots && mode !== VOTE_MODE.score) return null
  if (typeof budget !== 'number' || !Array.isArray(options)) return null
  return { mode, budget, options: options.filter((o): o is string => typeof o === 'string') }
}

/** Whether `content`, set under `key` of `ballots`, is `author`'s valid ballot for `rule`. */
export function isOwnBallot(
  key: string | null,
  content: Y.Item['content'],
  rule: BallotRule,
  author: CommentAuthor,
): boolean {
  if (key !== commenterVoterKey(author)) return false
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return false
  const value: unknown = content.arr[0]
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { name, at, marks, ...rest } = value as Record<string, unknown>
  return (
    Object.keys(rest).length === 0 &&
    name === author.name &&
    typeof at === 'string' &&
    at.length <= 40 &&
    typeof marks === 'object' &&
    marks !== null &&
    Object.keys(marks).length > 0 &&
    Object.keys(marks).length <= SESSION_LIMITS.options &&
    ballotProblem(rule, marks) === null
  )
}

/**
 * Whether an item of the doc is a ballot under `author`'s key, whatever its vote's state
 * (a replaced ballot's content is gone, its place stays).
 */
export function isBallotOf(doc: Y.Doc, item: Y.Item, author: CommentAuthor): boolean {
  const parent: unknown = item.parent
  return (
    parent instanceof Y.Map &&
    item.parentSub === commenterVoterKey(author) &&
    !(item.content instanceof Y.ContentType) &&
    placeOf(doc, parent as Y.AbstractType<unknown>) !== null
  )
}

// Why `checkCommenterUpdate` refused an update: one table, shown in server logs and sent to
// the client with the refusal.

import { LOCATE_FAILURE } from './update-locations.js'
import type { LocateFailure } from './update-locations.js'

export const REFUSAL = {
  malformed: 'the update cannot be decoded',
  gap: 'the update skips changes the server does not have',
  foreignClient: "the update writes as a client that wrote more than this person's comments",
  outside: 'the update writes outside the comments part',
  shape: 'the update writes something that is not part of a thread',
  threadFields: "the update changes a thread's fields (only resolutions may be added)",
  threadExists: 'a new thread under an id already taken',
  commentExists: 'a new comment under an id already taken',
  twice: 'the update writes one field of a new thread or comment twice',
  threadField: 'a new thread has an unknown field or an ill-formed value',
  threadIncomplete: 'a new thread lacks its entity, author, time, comments or resolutions',
  entityMissing: 'a new thread is about an entity that does not exist',
  notAuthor: 'the author fields name someone else',
  commentField: 'a comment field with an unknown key or an ill-formed value',
  commentIncomplete: 'a new comment lacks its author or time',
  notOwnComment: "the update changes someone else's comment",
  resolutionValue: 'a resolution that does not name this person',
  notOwnThread: 'only the person who started a thread may resolve or reopen it',
  deleteUnknown: 'the update deletes content the server does not have',
  tooDeep: 'the update chains references too deep to follow',
  deleteForeign: "the update deletes something that is not a field of this person's comment",
  notOwnBallot: "a ballot that is not this person's, or not valid for the vote",
} as const
export type Refusal = (typeof REFUSAL)[keyof typeof REFUSAL]

export type CommenterRefusal = Refusal | LocateFailure

/** Every reason a refusal can give. */
export const COMMENTER_REFUSALS: readonly CommenterRefusal[] = [
  ...Object.values(REFUSAL),
  ...Object.values(LOCATE_FAILURE),
]

// What a stored comment value may be: one rule for the writer (`Comments`), the reader
// (`readComments`) and the server's check of a commenter's update (`checkCommenterUpdate`).

import { COMMENT_FIELD, COMMENT_LIMITS, COMMENTABLE_KINDS } from './comment-schema.js'
import type {
  CommentableKind,
  CommentAuthor,
  CommentField,
  Mention,
  Resolution,
} from './comment-schema.js'

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= COMMENT_LIMITS.text
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= COMMENT_LIMITS.timestamp
}

export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= COMMENT_LIMITS.name
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= COMMENT_LIMITS.id
}

export function isCommentableKind(value: unknown): value is CommentableKind {
  return (COMMENTABLE_KINDS as readonly unknown[]).includes(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isMention(value: unknown): value is Mention {
  if (!isPlainObject(value) || !isName(value.name)) return false
  const keys = Object.keys(value)
  if (!keys.every((key) => key === 'name' || key === 'resourceId')) return false
  return value.resourceId === undefined || isId(value.resourceId)
}

export function isMentionList(value: unknown): value is Mention[] {
  return Array.isArray(value) && value.length <= COMMENT_LIMITS.mentions && value.every(isMention)
}

/** A resolution event written by `author` (exactly these four keys). */
export function isResolutionBy(value: unknown, author: CommentAuthor): value is Resolution {
  if (!isPlainObject(value) || Object.keys(value).length !== 4) return false
  return (
    typeof value.resolved === 'boolean' &&
    value.byLinkId === author.linkId &&
    value.byName === author.name &&
    isTimestamp(value.at)
  )
}

export function isResolution(value: unknown): value is Resolution {
  return (
    isPlainObject(value) &&
    typeof value.byLinkId === 'string' &&
    typeof value.byName === 'string' &&
    isResolutionBy(value, { linkId: value.byLinkId, name: value.byName })
  )
}

/** Whether `value` may be stored under a comment's `field` (author fields: see the check). */
export const COMMENT_VALUE: { [F in CommentField]: (value: unknown) => boolean } = {
  [COMMENT_FIELD.authorLinkId]: isId,
  [COMMENT_FIELD.authorName]: isName,
  [COMMENT_FIELD.createdAt]: isTimestamp,
  [COMMENT_FIELD.text]: isText,
  [COMMENT_FIELD.mentions]: isMentionList,
  [COMMENT_FIELD.editedAt]: (value) => value === null || isTimestamp(value),
  [COMMENT_FIELD.deleted]: (value) => typeof value === 'boolean',
}

export function sameAuthor(a: CommentAuthor, linkId: unknown, name: unknown): boolean {
  return a.linkId === linkId && a.name === name
}

import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  activityFeed,
  mayEdit,
  mayResolve,
  mentionsOf,
  openCommentCount,
  openCommentCounts,
  threadsOf,
} from './comment-derivations.js'
import { Comments } from './comments.js'
import { readComments } from './read-comments.js'
import { Roadmap } from './roadmap.js'
import { idSource } from './testing/random-edits.js'

const OLGA = { linkId: 'owner', name: 'Olga' }
const CEM = { linkId: 'c', name: 'Cem' }

function setup() {
  const doc = new Y.Doc()
  const roadmap = new Roadmap(doc, { origin: 'o', createId: idSource('e.') })
  roadmap.init({ title: 'Plan' })
  const lane = roadmap.lanes.create({ name: 'Lane' })
  const feature = roadmap.features.create({ laneId: lane, title: 'Checkout' })
  const risk = roadmap.risks.create({ title: 'Vendor', likelihood: 2, impact: 2 })
  let minute = 0
  const now = () => `2026-06-01T10:${String(minute++).padStart(2, '0')}:00.000Z`
  const olga = new Comments(doc, { origin: 'o', author: OLGA, createId: idSource('o.'), now })
  const cem = new Comments(doc, { origin: 'c', author: CEM, createId: idSource('c.'), now })
  return { doc, roadmap, feature, risk, olga, cem }
}

describe('Comments and readComments', () => {
  test('threads, replies, edits, soft deletes, resolve and reopen, each one transaction', () => {
    const { doc, feature, olga, cem } = setup()
    const origins: unknown[] = []
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin))
    const { threadId, commentId } = olga.startThread(
      { kind: 'features', id: feature },
      { text: 'Scope? @Cem', mentions: [{ name: 'Cem' }] },
    )!
    const reply = cem.reply(threadId, { text: 'Two sprints' })!
    expect(cem.edit(threadId, reply, { text: 'Three sprints' })).toBe(true)
    expect(cem.edit(threadId, commentId, { text: 'not mine' })).toBe(false)
    expect(olga.delete(threadId, reply)).toBe(false)
    expect(cem.delete(threadId, reply)).toBe(true)
    expect(olga.resolve(threadId)).toBe(true)
    expect(olga.resolve(threadId)).toBe(false)
    expect(origins).toEqual(['o', 'c', 'c', 'c', 'o'])

    const [thread] = readComments(doc).threads
    expect(thread).toMatchObject({
      entityKind: 'features',
      entityId: feature,
      authorName: 'Olga',
      resolved: true,
      resolvedBy: 'Olga',
      resolvedAt: '2026-06-01T10:03:00.000Z',
    })
    expect(thread!.comments.map((c) => [c.authorName, c.text, c.deleted, c.editedAt])).toEqual([
      ['Olga', 'Scope? @Cem', false, null],
      ['Cem', '', true, '2026-06-01T10:02:00.000Z'],
    ])
    expect(cem.reopen(threadId)).toBe(true)
    expect(readComments(doc).threads[0]).toMatchObject({ resolved: false, resolvedBy: null })
  })

  test('refuses what is not a comment: missing entity, empty or oversized text', () => {
    const { doc, olga, feature } = setup()
    expect(olga.startThread({ kind: 'features', id: 'nope' }, { text: 'x' })).toBeNull()
    expect(olga.startThread({ kind: 'features', id: feature }, { text: '  ' })).toBeNull()
    expect(
      olga.startThread({ kind: 'features', id: feature }, { text: 'x'.repeat(10_001) }),
    ).toBeNull()
    expect(olga.reply('nope' as never, { text: 'x' })).toBeNull()
    expect(readComments(doc).threads).toEqual([])
  })

  test('the read is cached until a comment changes, and frozen', () => {
    const { doc, roadmap, feature, olga } = setup()
    olga.startThread({ kind: 'features', id: feature }, { text: 'a' })
    const first = readComments(doc)
    expect(Object.isFrozen(first.threads[0]!.comments[0])).toBe(true)
    roadmap.features.update(feature, { title: 'Renamed' })
    expect(readComments(doc)).toBe(first)
    olga.reply(first.threads[0]!.id, { text: 'b' })
    expect(readComments(doc)).not.toBe(first)
    expect(readComments(doc).threads[0]!.comments).toHaveLength(2)
  })
})

describe('comment derivations', () => {
  test('open counts per entity, threads of an entity, feed, mentions, permissions', () => {
    const { doc, feature, risk, olga, cem } = setup()
    const a = olga.startThread({ kind: 'features', id: feature }, { text: 'a' })!
    cem.reply(a.threadId, { text: 'b', mentions: [{ name: 'olga' }] })
    const b = cem.startThread({ kind: 'features', id: feature }, { text: 'c' })!
    cem.startThread({ kind: 'risks', id: risk }, { text: 'd @Olga', mentions: [{ name: 'Olga' }] })
    cem.delete(b.threadId, b.commentId)
    let data = readComments(doc)
    expect(openCommentCount(data, 'features', feature)).toBe(2)
    expect(openCommentCount(data, 'risks', risk)).toBe(1)
    expect(openCommentCounts(data)).toBe(openCommentCounts(data))
    olga.resolve(a.threadId)
    data = readComments(doc)
    expect(openCommentCount(data, 'features', feature)).toBe(0)
    expect(threadsOf(data, 'features', feature).map((t) => t.id)).toEqual([b.threadId, a.threadId])
    expect(activityFeed(data).map((e) => e.comment.text)).toEqual(['d @Olga', 'b', 'a'])
    expect(activityFeed(data, 1)).toHaveLength(1)
    expect(mentionsOf(data, { name: 'Olga' }).map((e) => e.comment.text)).toEqual(['d @Olga', 'b'])
    const thread = data.threads.find((t) => t.id === a.threadId)!
    expect(mayResolve(thread, CEM, { moderator: false })).toBe(false)
    expect(mayResolve(thread, CEM, { moderator: true })).toBe(true)
    expect(mayResolve(thread, OLGA, { moderator: false })).toBe(true)
    expect(mayEdit(thread.comments[1]!, CEM)).toBe(true)
    expect(mayEdit(thread.comments[1]!, { ...CEM, name: 'Other' })).toBe(false)
  })
})

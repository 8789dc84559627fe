import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { checkCommenterUpdate } from './commenter-check.js'
import { REFUSAL } from './commenter-refusal.js'
import type { CommentId, ThreadId } from './comment-schema.js'
import { Comments } from './comments.js'
import { readComments } from './read-comments.js'
import { Roadmap } from './roadmap.js'
import type { FeatureId } from './schema.js'
import { craftUpdate, mapEntry, updateOf } from './testing/craft-update.js'
import { idSource } from './testing/random-edits.js'
import { LOCATE_FAILURE } from './update-locations.js'

const OWNER = { linkId: 'owner-link', name: 'Olga' }
const CEM = { linkId: 'commenter-link', name: 'Cem' }

interface Setup {
  server: Y.Doc
  owner: Comments
  feature: FeatureId
  ownerThread: { threadId: ThreadId; commentId: CommentId }
  client: Y.Doc
  cem: Comments
  cemThread: { threadId: ThreadId; commentId: CommentId }
}

let clock = 0
const now = () => `2026-06-01T10:${String(clock++ % 60).padStart(2, '0')}:00.000Z`

function peerOf(server: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return doc
}

function setup(): Setup {
  const server = new Y.Doc()
  server.clientID = 1
  const roadmap = new Roadmap(server, { origin: 'owner', createId: idSource('o.') })
  roadmap.init({ title: 'Plan' })
  const lane = roadmap.lanes.create({ name: 'Lane' })
  const feature = roadmap.features.create({ laneId: lane, title: 'Checkout' })
  roadmap.risks.create({ title: 'Vendor', likelihood: 3, impact: 3 })
  const owner = new Comments(server, {
    origin: 'owner',
    author: OWNER,
    createId: idSource('oc.'),
    now,
  })
  const ownerThread = owner.startThread({ kind: 'features', id: feature }, { text: 'Scope?' })!
  const client = peerOf(server, 2)
  const cem = new Comments(client, { origin: 'cem', author: CEM, createId: idSource('cc.'), now })
  const cemThread = accept(server, client, () =>
    cem.startThread({ kind: 'features', id: feature }, { text: 'Looks late' }),
  )!
  return { server, owner, feature, ownerThread, client, cem, cemThread }
}

/** Runs `fn` on the client, checks its update against the server, applies it if accepted. */
function attempt<T>(server: Y.Doc, client: Y.Doc, fn: () => T) {
  let result: T | undefined
  const update = updateOf(client, () => {
    result = fn()
  })
  const before = Y.encodeStateAsUpdate(server)
  const check = checkCommenterUpdate(server, update, CEM)
  expect(Y.encodeStateAsUpdate(server)).toEqual(before)
  if (check.ok) Y.applyUpdate(server, check.update)
  return { check, result: result as T }
}

function accept<T>(server: Y.Doc, client: Y.Doc, fn: () => T): T {
  const { check, result } = attempt(server, client, fn)
  expect(check).toMatchObject({ ok: true })
  return result
}

function refused(server: Y.Doc, client: Y.Doc, fn: () => void): string {
  const { check } = attempt(server, client, fn)
  expect(check.ok).toBe(false)
  return check.ok ? '' : check.reason
}

function commentMap(doc: Y.Doc, threadId: string, commentId: string): Y.Map<unknown> {
  const thread = doc.getMap('comments').get(threadId) as Y.Map<unknown>
  return (thread.get('comments') as Y.Map<unknown>).get(commentId) as Y.Map<unknown>
}

describe('checkCommenterUpdate accepts', () => {
  test("a commenter's own threads, replies, edits, deletes, resolves and reopens", () => {
    const s = setup()
    const reply = accept(s.server, s.client, () =>
      s.cem.reply(s.ownerThread.threadId, { text: 'Two sprints', mentions: [{ name: 'Olga' }] }),
    )!
    accept(s.server, s.client, () =>
      s.cem.edit(s.ownerThread.threadId, reply, { text: 'Three sprints' }),
    )
    accept(s.server, s.client, () => s.cem.resolve(s.cemThread.threadId))
    accept(s.server, s.client, () => s.cem.reopen(s.cemThread.threadId))
    accept(s.server, s.client, () => s.cem.delete(s.ownerThread.threadId, reply))
    accept(s.server, s.client, () =>
      s.cem.startThread({ kind: 'risks', id: readRisk(s.server) }, { text: 'Who owns this?' }),
    )
    expect(readComments(s.server)).toEqual(readComments(s.client))
    const thread = readComments(s.server).threads.find((t) => t.id === s.ownerThread.threadId)!
    expect(thread.comments.map((c) => [c.authorName, c.text, c.deleted])).toEqual([
      ['Olga', 'Scope?', false],
      ['Cem', '', true],
    ])
  })

  test('a reconnecting client resending its offline edits and its whole delete set', () => {
    const s = setup()
    // The owner deletes something: the client's delete set now holds another client's ids.
    const roadmap = new Roadmap(s.server, { origin: 'owner' })
    const extra = roadmap.features.create({ laneId: readLane(s.server), title: 'Gone' })
    roadmap.features.delete(extra)
    Y.applyUpdate(s.client, Y.encodeStateAsUpdate(s.server, Y.encodeStateVector(s.client)))
    const vector = Y.encodeStateVector(s.server)
    const reply = s.cem.reply(s.cemThread.threadId, { text: 'first' })!
    s.cem.edit(s.cemThread.threadId, reply, { text: 'second' })
    s.cem.edit(s.cemThread.threadId, reply, { text: 'third' })
    s.cem.resolve(s.cemThread.threadId)
    const resend = Y.encodeStateAsUpdate(s.client, vector)
    expect(checkCommenterUpdate(s.server, resend, CEM)).toMatchObject({ ok: true })
    // The same update again (a retry) changes nothing and is accepted too.
    Y.applyUpdate(s.server, resend)
    expect(checkCommenterUpdate(s.server, resend, CEM)).toMatchObject({ ok: true })
    expect(Y.encodeStateVector(s.server)).toEqual(Y.encodeStateVector(s.client))
  })

  test('structs the server already has, which it does not send on', () => {
    const s = setup()
    const featureItem = (s.server.getMap('features').get(s.feature) as Y.Map<unknown>)._item!
    // The owner's clock 0 again, now claiming to be a feature title.
    const stale = craftUpdate([
      { client: 1, structs: [mapEntry(Y.createID(1, 0), { parent: featureItem.id, key: 't' }, 1)] },
    ])
    const result = checkCommenterUpdate(s.server, stale, CEM)
    expect(result).toMatchObject({ ok: true })
    expect(result.ok && Y.decodeUpdate(result.update).structs).toEqual([])
  })

  test('a struct landing in removed content (garbage collected on arrival)', () => {
    const s = setup()
    const gc = craftUpdate([{ client: 99, structs: [new Y.GC(Y.createID(99, 0), 3)] }])
    expect(checkCommenterUpdate(s.server, gc, CEM)).toMatchObject({ ok: true })
  })
})

function readLane(doc: Y.Doc) {
  return [...doc.getMap('lanes').keys()][0] as never
}

function readRisk(doc: Y.Doc) {
  return [...doc.getMap('risks').keys()][0]!
}

describe('checkCommenterUpdate refuses', () => {
  test('an edit of a feature, of meta, of another root', () => {
    const s = setup()
    const roadmap = new Roadmap(s.client, { origin: 'cem' })
    expect(
      refused(s.server, s.client, () => roadmap.features.update(s.feature, { title: 'x' })),
    ).toBe(REFUSAL.outside)
    // Once refused, the client's later updates skip the clocks the server never took.
    expect(refused(s.server, s.client, () => roadmap.setMeta({ title: 'Mine' }))).toBe(REFUSAL.gap)
    const client = peerOf(s.server, 40)
    const again = new Roadmap(client, { origin: 'cem' })
    expect(refused(s.server, client, () => again.setMeta({ title: 'Mine' }))).toBe(REFUSAL.outside)
  })

  test('another root, for a fresh client', () => {
    const s = setup()
    const client = peerOf(s.server, 50)
    expect(refused(s.server, client, () => client.getMap('x-other').set('a', 1))).toBe(
      REFUSAL.outside,
    )
    const client2 = peerOf(s.server, 51)
    const strategy = client2.getXmlFragment('strategy')
    expect(refused(s.server, client2, () => strategy.insert(0, [new Y.XmlText('hi')]))).toBe(
      REFUSAL.outside,
    )
  })

  test("an edit or delete of someone else's comment, and a resolve of their thread", () => {
    const s = setup()
    const { threadId, commentId } = s.ownerThread
    const c = () => peerOf(s.server, 60 + clock)
    let client = c()
    expect(
      refused(s.server, client, () => commentMap(client, threadId, commentId).set('text', 'mine')),
    ).toBe(REFUSAL.notOwnComment)
    client = c()
    expect(
      refused(s.server, client, () => commentMap(client, threadId, commentId).delete('text')),
    ).toBe(REFUSAL.deleteForeign)
    client = c()
    const thread = () => client.getMap('comments').get(threadId) as Y.Map<Y.Map<unknown>>
    expect(refused(s.server, client, () => thread().get('comments')!.delete(commentId))).toBe(
      REFUSAL.deleteForeign,
    )
    client = c()
    const other = new Comments(client, { origin: 'x', author: CEM, now })
    expect(refused(s.server, client, () => other.resolve(threadId))).toBe(REFUSAL.notOwnThread)
    client = c()
    expect(refused(s.server, client, () => (thread() as Y.Map<unknown>).set('entityId', 'x'))).toBe(
      REFUSAL.threadFields,
    )
    client = c()
    expect(refused(s.server, client, () => client.getMap('comments').delete(threadId))).toBe(
      REFUSAL.deleteForeign,
    )
  })

  test('a comment or thread naming someone else as its author', () => {
    const s = setup()
    const client = peerOf(s.server, 70)
    const impostor = new Comments(client, { origin: 'x', author: OWNER, now })
    expect(
      refused(s.server, client, () => impostor.reply(s.cemThread.threadId, { text: 'hi' })),
    ).toBe(REFUSAL.notAuthor)
    const client2 = peerOf(s.server, 71)
    const sameLinkOtherName = new Comments(client2, {
      origin: 'x',
      author: { linkId: CEM.linkId, name: 'Not Cem' },
      now,
    })
    expect(
      refused(s.server, client2, () =>
        sameLinkOtherName.startThread({ kind: 'features', id: s.feature }, { text: 'hi' }),
      ),
    ).toBe(REFUSAL.notAuthor)
  })

  test('a thread on an entity that does not exist, and an ill-formed comment', () => {
    const s = setup()
    const client = peerOf(s.server, 80)
    const reason = refused(s.server, client, () => {
      const thread = new Y.Map<unknown>()
      client.getMap('comments').set('t-nowhere', thread)
      thread.set('entityKind', 'features')
      thread.set('entityId', 'no-such-feature')
      thread.set('authorLinkId', CEM.linkId)
      thread.set('authorName', CEM.name)
      thread.set('createdAt', now())
      thread.set('comments', new Y.Map())
      thread.set('resolutions', new Y.Array())
    })
    expect(reason).toBe(REFUSAL.entityMissing)
  })

  test("an edit of one's own comment that is ill-formed or touches a fixed field", () => {
    const s = setup()
    const mine = (client: Y.Doc) => commentMap(client, s.cemThread.threadId, s.cemThread.commentId)
    let client = peerOf(s.server, 81)
    expect(refused(s.server, client, () => mine(client).set('text', 'x'.repeat(10_001)))).toBe(
      REFUSAL.commentField,
    )
    client = peerOf(s.server, 82)
    expect(refused(s.server, client, () => mine(client).set('authorName', 'Cem'))).toBe(
      REFUSAL.commentField,
    )
    client = peerOf(s.server, 83)
    expect(refused(s.server, client, () => mine(client).set('mentions', [{ who: 1 }]))).toBe(
      REFUSAL.commentField,
    )
    client = peerOf(s.server, 84)
    expect(refused(s.server, client, () => mine(client).set('nested', new Y.Map()))).toBe(
      REFUSAL.commentField,
    )
  })

  test('writing as a client id that someone else has used', () => {
    const s = setup()
    const client = peerOf(s.server, 10)
    client.clientID = 1 // the owner's client id, at the owner's next clock
    const cem = new Comments(client, { origin: 'x', author: CEM, now })
    expect(refused(s.server, client, () => cem.reply(s.cemThread.threadId, { text: 'hi' }))).toBe(
      REFUSAL.foreignClient,
    )
    const gc = craftUpdate([
      { client: 1, structs: [new Y.GC(Y.createID(1, Y.getState(s.server.store, 1)), 1)] },
    ])
    expect(checkCommenterUpdate(s.server, gc, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.foreignClient,
    })
  })

  test("filling the gap of someone else's update that waits in the doc", () => {
    const s = setup()
    const editor = peerOf(s.server, 300)
    const editorRoadmap = new Roadmap(editor, { origin: 'e' })
    editorRoadmap.setMeta({ title: 'first' }) // lost on the way
    const second = updateOf(editor, () => editorRoadmap.setMeta({ title: 'second' }))
    Y.applyUpdate(s.server, second) // parked: clock 0 of client 300 is missing
    const client = peerOf(s.server, 10)
    client.clientID = 300
    const cem = new Comments(client, { origin: 'x', author: CEM, now })
    expect(refused(s.server, client, () => cem.reply(s.cemThread.threadId, { text: 'hi' }))).toBe(
      REFUSAL.foreignClient,
    )
  })

  test('an update that skips clocks (it would wait as pending for anyone to fill the gap)', () => {
    const s = setup()
    s.cem.reply(s.cemThread.threadId, { text: 'sent but lost' })
    const second = updateOf(s.client, () => s.cem.reply(s.cemThread.threadId, { text: 'next' }))
    expect(checkCommenterUpdate(s.server, second, CEM)).toEqual({ ok: false, reason: REFUSAL.gap })
    const skip = craftUpdate([{ client: 90, structs: [new Y.Skip(Y.createID(90, 0), 4)] }])
    expect(checkCommenterUpdate(s.server, skip, CEM)).toEqual({ ok: false, reason: REFUSAL.gap })
  })

  test('crafted structs: a root given by name, a parent given by id, split neighbours', () => {
    const s = setup()
    const featureItem = (s.server.getMap('features').get(s.feature) as Y.Map<unknown>)._item!
    const byRoot = craftUpdate([
      { client: 91, structs: [mapEntry(Y.createID(91, 0), { parent: 'features', key: 'x' }, 1)] },
    ])
    expect(checkCommenterUpdate(s.server, byRoot, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.outside,
    })
    const byId = craftUpdate([
      {
        client: 92,
        structs: [mapEntry(Y.createID(92, 0), { parent: featureItem.id, key: 'title' }, 'x')],
      },
    ])
    expect(checkCommenterUpdate(s.server, byId, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.outside,
    })
    const mine = commentMap(s.server, s.cemThread.threadId, s.cemThread.commentId)._map.get('text')!
    const title = (s.server.getMap('features').get(s.feature) as Y.Map<unknown>)._map.get('title')!
    const split = craftUpdate([
      {
        client: 2,
        structs: [
          mapEntry(
            Y.createID(2, Y.getState(s.server.store, 2)),
            { origin: mine.id, rightOrigin: title.id },
            'x',
          ),
        ],
      },
    ])
    expect(checkCommenterUpdate(s.server, split, CEM)).toEqual({
      ok: false,
      reason: LOCATE_FAILURE.neighbours,
    })
    const forward = craftUpdate([
      { client: 93, structs: [mapEntry(Y.createID(93, 0), { origin: Y.createID(93, 5) }, 'x')] },
    ])
    expect(checkCommenterUpdate(s.server, forward, CEM)).toEqual({
      ok: false,
      reason: LOCATE_FAILURE.missing,
    })
    const notAMap = craftUpdate([
      { client: 94, structs: [mapEntry(Y.createID(94, 0), { parent: 'comments', key: 't' }, 'x')] },
    ])
    expect(checkCommenterUpdate(s.server, notAMap, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.shape,
    })
    const text = new Y.Item(
      Y.createID(2, Y.getState(s.server.store, 2)),
      null,
      mine.id,
      null,
      null,
      null,
      null,
      new Y.ContentString('x'),
    )
    expect(
      checkCommenterUpdate(s.server, craftUpdate([{ client: 2, structs: [text] }]), CEM),
    ).toEqual({ ok: false, reason: REFUSAL.commentField })
  })

  test('a chain of references across two clients too long to follow', () => {
    const s = setup()
    // a0 → b0 → a1 → b1 → …: each item placed next to the other client's next one.
    const n = 30_000
    const a: Y.Item[] = []
    const b: Y.Item[] = []
    for (let i = 0; i < n; i++) {
      a.push(mapEntry(Y.createID(501, i), { origin: Y.createID(502, i) }, 1))
      b.push(
        mapEntry(
          Y.createID(502, i),
          i + 1 < n ? { origin: Y.createID(501, i + 1) } : { parent: 'comments', key: 'k' },
          1,
        ),
      )
    }
    const update = craftUpdate([
      { client: 501, structs: a },
      { client: 502, structs: b },
    ])
    expect(checkCommenterUpdate(s.server, update, CEM)).toMatchObject({ ok: false })
  })

  test("deletions of other clients' items, and of items the server does not have", () => {
    const s = setup()
    const title = (s.server.getMap('features').get(s.feature) as Y.Map<unknown>)._map.get('title')!
    const foreign = craftUpdate([], [{ client: 1, clock: title.id.clock, len: 1 }])
    expect(checkCommenterUpdate(s.server, foreign, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.deleteForeign,
    })
    const future = craftUpdate([], [{ client: 1, clock: Y.getState(s.server.store, 1), len: 1 }])
    expect(checkCommenterUpdate(s.server, future, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.deleteUnknown,
    })
    expect(checkCommenterUpdate(s.server, new Uint8Array([1, 2, 3]), CEM)).toMatchObject({
      ok: false,
    })
  })

  test('does not create the comments root on a doc without one', () => {
    const server = new Y.Doc()
    new Roadmap(server, { origin: 'o' }).init({ title: 'x' })
    const client = peerOf(server, 5)
    const update = updateOf(client, () => client.getMap('features').set('a', 1))
    const roots = [...server.share.keys()]
    expect(checkCommenterUpdate(server, update, CEM)).toEqual({
      ok: false,
      reason: REFUSAL.outside,
    })
    expect([...server.share.keys()]).toEqual(roots)
  })
})

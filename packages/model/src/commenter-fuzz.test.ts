// Seeded property test of the commenter rule. An owner edits the roadmap and comments;
// a commenter's client, fed the server's updates late, comments through `Comments` (must
// be accepted, unless its entity was deleted meanwhile) or sends what a hostile client
// might (must be refused). Every accepted update must leave everything but the commenter's
// own comments as it was, and at the end every peer must hold the same document.
//
// MERIDIAN_FUZZ_SESSIONS=n runs more sessions; MERIDIAN_FUZZ_SEED=n starts at seed n.

import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { checkCommenterUpdate } from './commenter-check.js'
import { REFUSAL } from './commenter-refusal.js'
import type { CommentAuthor, CommentsData } from './comment-schema.js'
import { Comments } from './comments.js'
import { exportRoadmap } from './export.js'
import { readComments } from './read-comments.js'
import { Roadmap } from './roadmap.js'
import { updateOf } from './testing/craft-update.js'
import {
  randomCommentAction,
  randomCraftedUpdate,
  randomHostileAction,
} from './testing/random-comments.js'
import { idSource, randomEdit, randomRoadmap } from './testing/random-edits.js'

const OWNER: CommentAuthor = { linkId: 'owner', name: 'Olga' }
const CEM: CommentAuthor = { linkId: 'commenter', name: 'Cem' }
const OWNER_CLIENT = 1

function env(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
  return process?.env?.[name]
}

interface Client {
  doc: Y.Doc
  comments: Comments
  inbox: Uint8Array[]
}

/** What the commenter may not change: everything but its own comments and threads. */
function othersView(doc: Y.Doc) {
  const comments: CommentsData = readComments(doc)
  return {
    roadmap: exportRoadmap(doc),
    roots: [...doc.share.keys()].filter((name) => name !== 'comments').sort(),
    threads: comments.threads
      .filter((t) => t.authorLinkId !== CEM.linkId)
      .map(({ comments: list, ...thread }) => ({
        ...thread,
        comments: list.filter((c) => c.authorLinkId !== CEM.linkId),
      })),
    foreignComments: comments.threads.flatMap((t) =>
      t.comments.filter((c) => c.authorLinkId !== CEM.linkId),
    ),
  }
}

function session(seed: number): Record<string, number> {
  const gen = prng.create(seed)
  const server = new Y.Doc({ guid: 'server' })
  server.clientID = OWNER_CLIENT
  const owner = new Roadmap(server, { origin: 'owner', createId: idSource('o.') })
  randomRoadmap(gen, owner, 30)
  const ownerComments = new Comments(server, {
    origin: 'owner',
    author: OWNER,
    createId: idSource('oc.'),
  })
  const observer = new Y.Doc({ guid: 'observer' })
  observer.clientID = 2
  const observerInbox: Uint8Array[] = [Y.encodeStateAsUpdate(server)]
  let nextClient = 100
  let client = join()
  const counts: Record<string, number> = {}
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1)

  // What the server sends on: its own edits as Yjs encodes them, a commenter's update as
  // the check returned it.
  const relay = (update: Uint8Array) => {
    observerInbox.push(update)
    client.inbox.push(update)
  }
  server.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'commenter') relay(update)
  })

  function join(): Client {
    const doc = new Y.Doc({ guid: `client-${nextClient}` })
    doc.clientID = nextClient++
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const comments = new Comments(doc, {
      origin: 'cem',
      author: CEM,
      createId: idSource(`c${doc.clientID}.`),
    })
    return { doc, comments, inbox: [] }
  }

  function deliver(all: boolean) {
    const n = all ? client.inbox.length : prng.uint32(gen, 0, client.inbox.length)
    for (const update of client.inbox.splice(0, n)) Y.applyUpdate(client.doc, update, 'server')
  }

  for (let step = 0; step < 60; step++) {
    const op = prng.int32(gen, 0, 9)
    if (op <= 1) randomEdit(gen, owner)
    else if (op === 2) randomCommentAction(gen, ownerComments, true)
    else if (op === 3) deliver(false)
    else if (op === 9 && prng.bool(gen)) {
      deliver(true)
      const crafted = randomCraftedUpdate(gen, client.doc, nextClient++)
      if (!crafted) continue
      const vector = Y.encodeStateVector(server)
      const result = checkCommenterUpdate(server, crafted, CEM)
      expect(Y.encodeStateVector(server)).toEqual(vector)
      expect(result, `seed ${seed} step ${step}: crafted`).toMatchObject({ ok: false })
      count(`refused crafted: ${result.ok ? '' : result.reason}`)
    } else {
      const hostile = op >= 8
      let name: string | null = 'comment'
      // A hostile client is up to date, so that a forged client id writes at its next clocks.
      if (hostile) deliver(true)
      // Now and then the client works offline for a while and then sends what the server
      // lacks in one update, with its whole delete set, as a reconnecting provider does.
      const offline = !hostile && op === 7 && prng.bool(gen)
      const vector = offline ? Y.encodeStateVector(server) : null
      let update = updateOf(client.doc, () => {
        if (hostile) {
          name = randomHostileAction(gen, client.doc, CEM, {
            author: OWNER,
            clientID: OWNER_CLIENT,
          })
        } else {
          const actions = offline ? prng.int32(gen, 2, 5) : 1
          for (let i = 0; i < actions; i++) name = randomCommentAction(gen, client.comments)
          if (offline) name = 'offline batch'
        }
      })
      if (name === null || update.length <= 2) continue
      if (vector) update = Y.encodeStateAsUpdate(client.doc, vector)
      const before = othersView(server)
      const serverVector = Y.encodeStateVector(server)
      const result = checkCommenterUpdate(server, update, CEM)
      expect(Y.encodeStateVector(server), 'the check left the doc alone').toEqual(serverVector)
      if (hostile) {
        expect(result, `seed ${seed} step ${step}: ${name}`).toMatchObject({ ok: false })
        count(`refused ${name}`)
      } else if (!result.ok) {
        // Only a thread on an entity the owner deleted before the client heard of it.
        expect(result.reason, `seed ${seed} step ${step}: ${name}`).toBe(REFUSAL.entityMissing)
        count('refused thread on a just-deleted entity')
      } else {
        Y.applyUpdate(server, result.update, 'commenter')
        relay(result.update)
        expect(othersView(server), `seed ${seed} step ${step}: ${name}`).toEqual(before)
        count(`accepted ${name}`)
      }
      // A refused client is out of step with the server for good: it reloads.
      if (!result.ok) client = join()
    }
  }

  deliver(true)
  for (const update of observerInbox.splice(0)) Y.applyUpdate(observer, update)
  for (const doc of [client.doc, observer]) {
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(server))
    expect(readComments(doc)).toEqual(readComments(server))
    expect(exportRoadmap(doc)).toEqual(exportRoadmap(server))
  }
  return counts
}

describe('the commenter rule, seeded', () => {
  const sessions = Number(env('MERIDIAN_FUZZ_SESSIONS') ?? 40)
  const first = Number(env('MERIDIAN_FUZZ_SEED') ?? 1)

  test(`${sessions} sessions: accepted comments change nothing else and converge`, () => {
    const totals: Record<string, number> = {}
    for (let seed = first; seed < first + sessions; seed++) {
      for (const [key, n] of Object.entries(session(seed))) totals[key] = (totals[key] ?? 0) + n
    }
    // Every kind of action happened and was judged (the mix is not degenerate).
    for (const kind of [
      'thread',
      'reply',
      'edit',
      'delete',
      'resolve',
      'reopen',
      'offline batch',
    ]) {
      expect(totals[`accepted ${kind}`] ?? 0, kind).toBeGreaterThan(0)
    }
    if (env('MERIDIAN_FUZZ_PRINT')) expect(totals).toEqual({})
    const refusedKinds = Object.keys(totals).filter((key) => key.startsWith('refused '))
    expect(refusedKinds.length).toBeGreaterThanOrEqual(9)
  })
})

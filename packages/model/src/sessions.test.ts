import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createPrng } from './prng.js'
import { activeSession, readSessions } from './readSessions.js'
import { Sessions } from './sessions.js'
import type { SessionId, TopicId } from './sessionSchema.js'

const FACILITATOR = { key: 'k-ann', name: 'Ann' }

function peer(name: string, clientID: number) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  let n = 0
  const sessions = new Sessions(doc, {
    origin: name,
    createId: () => `${name}${n++}`,
    now: () => `2026-03-10T10:00:${String(n).padStart(2, '0')}Z`,
  })
  return { doc, sessions }
}

const sync = (...docs: Y.Doc[]) => {
  for (const a of docs)
    for (const b of docs)
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

const agendaTexts = (doc: Y.Doc) => activeSession(readSessions(doc))!.agenda.map((t) => t.text)

function started() {
  const a = peer('a', 1)
  const id = a.sessions.start({
    title: 'Q3 planning',
    facilitator: FACILITATOR,
    checkpointId: 'SNAP1',
    topics: [
      { kind: 'feature', ref: 'F1', text: 'Checkout v2', timebox: 10 },
      { kind: 'risk', ref: 'R1', text: 'Payments capacity' },
      { kind: 'text', text: 'Any other business', timebox: 5 },
    ],
  })
  return { a, id }
}

describe('Sessions: starting and driving', () => {
  test('a started session has its agenda in order, the first topic current, the facilitator attending', () => {
    const { a } = started()
    const [session] = readSessions(a.doc)
    expect(session).toMatchObject({
      title: 'Q3 planning',
      checkpointId: 'SNAP1',
      endedAt: null,
      facilitator: FACILITATOR,
      attendees: [FACILITATOR],
    })
    expect(session!.agenda.map((t) => [t.kind, t.ref, t.timebox])).toEqual([
      ['feature', 'F1', 10],
      ['risk', 'R1', null],
      ['text', null, 5],
    ])
    expect(session!.currentTopicId).toBe(session!.agenda[0]!.id)
  })

  test('focusing the next topic restarts its timebox; an ended session refuses writes', () => {
    const { a, id } = started()
    const second = readSessions(a.doc)[0]!.agenda[1]!.id
    expect(a.sessions.focusTopic(id, second)).toBe(true)
    const now = readSessions(a.doc)[0]!
    expect(now.currentTopicId).toBe(second)
    expect(now.topicStartedAt! > now.startedAt).toBe(true)
    expect(a.sessions.end(id, null)).toBe(true)
    expect(a.sessions.focusTopic(id, second)).toBe(false)
    expect(a.sessions.addTopic(id, { kind: 'text', text: 'late' })).toBeNull()
    expect(activeSession(readSessions(a.doc))).toBeNull()
  })
})

describe('Sessions: agenda order under concurrent edits', () => {
  test('two peers inserting at the same spot keep both topics, in the same order on both', () => {
    const { a, id } = started()
    const b = peer('b', 2)
    sync(a.doc, b.doc)
    a.sessions.addTopic(id, { kind: 'text', text: 'from a' }, 1)
    b.sessions.addTopic(id, { kind: 'text', text: 'from b' }, 1)
    sync(a.doc, b.doc)
    const order = agendaTexts(a.doc)
    expect(order).toEqual(agendaTexts(b.doc))
    expect(order[0]).toBe('Checkout v2')
    expect(order.slice(1, 3).sort()).toEqual(['from a', 'from b'])
    expect(order.slice(3)).toEqual(['Payments capacity', 'Any other business'])
    // A later move next to the tie still lands exactly where asked.
    const last = activeSession(readSessions(a.doc))!.agenda.at(-1)!.id
    a.sessions.moveTopic(id, last, 2)
    expect(agendaTexts(a.doc)[2]).toBe('Any other business')
  })

  test('editing a running agenda: a move and a removal of one topic, and the current topic removed', () => {
    const { a, id } = started()
    const b = peer('b', 2)
    sync(a.doc, b.doc)
    const [first, second] = activeSession(readSessions(a.doc))!.agenda
    a.sessions.moveTopic(id, second!.id, 2)
    b.sessions.removeTopic(id, second!.id)
    b.sessions.removeTopic(id, first!.id)
    a.sessions.addTopic(id, { kind: 'text', text: 'added live' }, 0)
    sync(a.doc, b.doc)
    expect(agendaTexts(a.doc)).toEqual(['added live', 'Any other business'])
    expect(agendaTexts(b.doc)).toEqual(agendaTexts(a.doc))
    // The facilitator's current topic was removed elsewhere: no topic is current anywhere.
    expect(activeSession(readSessions(a.doc))!.currentTopicId).toBeNull()
    expect(a.sessions.moveTopic(id, second!.id, 0)).toBe(false)
  })

  test('seeded random concurrent moves, adds and removes converge on every peer', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const prng = createPrng(seed)
      const random = prng.next
      const { a, id } = started()
      const b = peer('b', 2)
      const c = peer('c', 3)
      const peers = [a, b, c]
      sync(a.doc, b.doc, c.doc)
      for (let round = 0; round < 6; round++) {
        for (const p of peers) {
          const agenda = activeSession(readSessions(p.doc))!.agenda
          const pick = agenda[Math.floor(random() * agenda.length)]
          const action = random()
          if (action < 0.4 && pick) p.sessions.moveTopic(id, pick.id, Math.floor(random() * 5))
          else if (action < 0.8) p.sessions.addTopic(id, { kind: 'text', text: `t${round}` }, 1)
          else if (pick) p.sessions.removeTopic(id, pick.id)
        }
        if (random() < 0.5) sync(a.doc, b.doc, c.doc)
      }
      sync(a.doc, b.doc, c.doc)
      const ids = (doc: Y.Doc) => activeSession(readSessions(doc))!.agenda.map((t) => t.id)
      expect(ids(b.doc), `seed ${seed}`).toEqual(ids(a.doc))
      expect(ids(c.doc), `seed ${seed}`).toEqual(ids(a.doc))
    }
  })
})

describe('Sessions: decisions and actions', () => {
  test('are attached to the current topic and the entity, and concurrent ones are all kept', () => {
    const { a, id } = started()
    const b = peer('b', 2)
    sync(a.doc, b.doc)
    a.sessions.recordDecision(id, {
      kind: 'feature',
      ref: 'F1',
      text: 'Move Checkout v2 to Q3: payments team is at capacity',
      by: 'Ann',
    })
    b.sessions.recordAction(id, {
      kind: 'feature',
      ref: 'F1',
      text: 'Tell the payments team',
      by: 'Bo',
      owner: 'Bo',
      due: '2026-03-20',
    })
    sync(a.doc, b.doc)
    const session = readSessions(b.doc)[0]!
    const topic = session.agenda[0]!.id as TopicId
    expect(session.decisions).toMatchObject([{ ref: 'F1', topicId: topic, by: 'Ann' }])
    expect(session.actions).toMatchObject([{ owner: 'Bo', due: '2026-03-20', topicId: topic }])
    expect(readSessions(a.doc)).toEqual(readSessions(b.doc))
  })

  test('publishing needs an ended session', () => {
    const { a, id } = started()
    expect(a.sessions.publish(id as SessionId, true)).toBe(false)
    a.sessions.end(id, null)
    expect(a.sessions.publish(id, true)).toBe(true)
    expect(readSessions(a.doc)[0]!.published).toBe(true)
  })
})

import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { activeSession, readSessions } from './readSessions.js'
import { attendeesFromPresence, seenKey } from './sessionAttendance.js'
import { buildRecap } from './sessionRecap.js'
import { readRoadmap } from './read.js'
import { Sessions } from './sessions.js'

function running() {
  const doc = new Y.Doc()
  const sessions = new Sessions(doc, { origin: 'ann' })
  const id = sessions.start({
    title: 'Q3',
    facilitator: { key: 'k-ann', name: 'Ann' },
    checkpointId: null,
    topics: [],
  })
  const read = () => activeSession(readSessions(doc)) ?? readSessions(doc)[0]!
  return { doc, sessions, id, read }
}

describe('attendance from presence', () => {
  test('records each new name once, skipping names already attending', () => {
    const { sessions, id, read } = running()
    const seen = ['Ann', 'Vera (viewer)', ' vera  (Viewer) ', 'Bo', 'Bo', '  ']
    const people = attendeesFromPresence(read(), seen)
    expect(people).toEqual([
      { key: seenKey('Vera (viewer)'), name: 'Vera (viewer)' },
      { key: seenKey('Bo'), name: 'Bo' },
    ])
    for (const p of people) sessions.join(id, p)
    expect(attendeesFromPresence(read(), seen)).toEqual([])
    expect(read().attendees.map((p) => p.name)).toEqual(['Ann', 'Bo', 'Vera (viewer)'])
  })

  test('stays within the attendee limit and stops when the session ends', () => {
    const { sessions, id, read } = running()
    const many = Array.from({ length: 500 }, (_, i) => `Viewer ${i}`)
    for (const p of attendeesFromPresence(read(), many)) sessions.join(id, p)
    expect(read().attendees).toHaveLength(200)
    expect(attendeesFromPresence(read(), ['Someone new'])).toEqual([])
    sessions.end(id, null)
    expect(attendeesFromPresence({ ...read(), attendees: [] }, ['Late'])).toEqual([])
  })

  test('the recap lists a person once even when they wrote and were seen', () => {
    const { doc, sessions, id, read } = running()
    sessions.join(id, { key: seenKey('ann'), name: 'ann' })
    sessions.join(id, { key: seenKey('Vera'), name: 'Vera' })
    sessions.end(id, null)
    expect(buildRecap(read(), readRoadmap(doc)).attendees).toEqual(['Ann', 'Vera'])
  })
})

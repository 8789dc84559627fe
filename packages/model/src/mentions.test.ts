import { describe, expect, test } from 'vitest'
import {
  insertMention,
  matchPeople,
  mentionPeople,
  mentionQuery,
  parseMentions,
} from './mentions.js'
import { resource, roadmapData } from './testing/fixture.js'

describe('mentions', () => {
  const data = roadmapData({
    resources: [
      resource('r1', 'Ana Lima', 8),
      resource('r2', 'Platform', 30, { kind: 'team' }),
      resource('r3', 'Ana', 8),
    ],
  })
  const people = mentionPeople(data, ['Cem', 'ana lima', ' '])

  test('offers the persons among resources and the people who joined, each once', () => {
    expect(people).toEqual([
      { name: 'Ana', resourceId: 'r3' },
      { name: 'Ana Lima', resourceId: 'r1' },
      { name: 'Cem' },
    ])
  })

  test('finds the query being typed and completes it', () => {
    expect(mentionQuery('hi @an', 6)).toEqual({ start: 3, query: 'an' })
    expect(mentionQuery('mail a@b', 8)).toBeNull()
    expect(mentionQuery('@ x', 3)).toBeNull()
    expect(matchPeople(people, 'li').map((p) => p.name)).toEqual(['Ana Lima'])
    expect(matchPeople(people, 'an').map((p) => p.name)).toEqual(['Ana', 'Ana Lima'])
    expect(insertMention('hi @an!', 3, 6, people[1]!)).toEqual({
      text: 'hi @Ana Lima !',
      caret: 13,
    })
  })

  test('parses the longest known name after each @, once per person', () => {
    expect(parseMentions('@Ana Lima and @ana, @cem: again @Cem; x@Ana @Anab', people)).toEqual([
      { name: 'Ana Lima', resourceId: 'r1' },
      { name: 'Ana', resourceId: 'r3' },
      { name: 'Cem' },
    ])
  })
})

import { describe, expect, it } from 'vitest'
import type { Ballot, Vote, VoteId } from './sessionSchema.js'
import { riceFromScore, riceFromVote } from './voteToRice.js'

const ballot = (key: string, marks: Record<string, number>): Ballot => ({
  voter: { key, name: key },
  at: '2026-01-01T00:00:00.000Z',
  marks,
})

const vote = (over: Partial<Vote>): Vote => ({
  id: 'v' as VoteId,
  title: 'Impact',
  mode: 'score',
  target: 'features',
  budget: 5,
  options: ['a', 'b', 'c'],
  revealed: true,
  openedAt: '',
  closedAt: '',
  topicId: null,
  ballots: [],
  ...over,
})

describe('riceFromScore', () => {
  it('maps the rounded mean to the impact steps', () => {
    expect([1, 2, 3, 4, 5].map((s) => riceFromScore('impact', s))).toEqual([0.25, 0.5, 1, 2, 3])
    expect(riceFromScore('impact', 3.5)).toBe(2)
    expect(riceFromScore('impact', 3.49)).toBe(1)
  })

  it('maps the mean to a confidence percentage, 20 points per score', () => {
    expect(riceFromScore('confidence', 4.2)).toBe(84)
    expect(riceFromScore('confidence', 1)).toBe(20)
    expect(riceFromScore('confidence', 5)).toBe(100)
  })
})

describe('riceFromVote', () => {
  it('sets every scored option from its mean and leaves unscored ones out', () => {
    const v = vote({ ballots: [ballot('p', { a: 5, b: 2 }), ballot('q', { a: 4, b: 3 })] })
    expect(Object.fromEntries(riceFromVote(v, 'confidence'))).toEqual({ a: 90, b: 50 })
    expect(Object.fromEntries(riceFromVote(v, 'impact'))).toEqual({ a: 3, b: 1 })
  })

  it('applies only to score votes on features', () => {
    const marks = [ballot('p', { a: 2 })]
    expect(riceFromVote(vote({ mode: 'dots', ballots: marks }), 'impact').size).toBe(0)
    expect(riceFromVote(vote({ target: 'items', ballots: marks }), 'impact').size).toBe(0)
  })
})

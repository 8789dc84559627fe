// Tallying a vote: the one rule every screen and the recap rank by. Dot votes rank by dots,
// score votes by mean score; ties keep the order the options were offered in.
//
// "Hidden until revealed" is a rule of the UI, not a secret: every ballot is in the shared
// document under its voter's key. `tallyVote` gives a viewer only their own ballot and the
// number of voters until the vote is revealed.

import { VOTE_MODE } from './sessionSchema.js'
import type { Ballot, Vote } from './sessionSchema.js'

export interface TallyRow {
  option: string
  /** Dots given, or scores summed. */
  total: number
  /** People who marked this option. */
  voters: number
  /** Score vote: mean of the scores given (0 when none); dot vote: equal to `total`. */
  value: number
  /** 1-based; equal values share a place. */
  place: number
}

export interface Tally {
  revealed: boolean
  /** How many people have cast a ballot (shown while hidden). */
  voters: number
  /** The viewer's own ballot, if any. */
  mine: Ballot | null
  /** Ranked rows; null while the vote is hidden. */
  ranking: TallyRow[] | null
}

/** The ranking of a vote's options from its ballots, whether revealed or not. */
export function rankVote(vote: Pick<Vote, 'mode' | 'options' | 'ballots'>): TallyRow[] {
  const rows = vote.options.map((option, index) => {
    let total = 0
    let voters = 0
    for (const ballot of vote.ballots) {
      const mark = ballot.marks[option] ?? 0
      if (mark > 0) {
        total += mark
        voters++
      }
    }
    const value = vote.mode === VOTE_MODE.score ? (voters ? total / voters : 0) : total
    return { option, total, voters, value, index }
  })
  rows.sort((a, b) => b.value - a.value || b.total - a.total || a.index - b.index)
  let place = 0
  return rows.map((row, i) => {
    const prev = rows[i - 1]
    if (!prev || prev.value !== row.value || prev.total !== row.total) place = i + 1
    return { option: row.option, total: row.total, voters: row.voters, value: row.value, place }
  })
}

export function tallyVote(vote: Vote, viewerKey: string | null): Tally {
  return {
    revealed: vote.revealed,
    voters: vote.ballots.length,
    mine: vote.ballots.find((b) => b.voter.key === viewerKey) ?? null,
    ranking: vote.revealed ? rankVote(vote) : null,
  }
}

/** Dots the viewer has left to give (dot vote), for a ballot being filled in. */
export function dotsLeft(vote: Pick<Vote, 'budget'>, marks: Readonly<Record<string, number>>) {
  return vote.budget - Object.values(marks).reduce((sum, n) => sum + n, 0)
}

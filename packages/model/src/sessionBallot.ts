// The one rule for a valid ballot, used by the writer (refuses) and the reader (skips):
// each person has one budget per vote, stored under their key, so a ballot is checked alone.

import { SESSION_LIMITS, VOTE_MODE } from './sessionSchema.js'
import type { VoteMode } from './sessionSchema.js'

export const BALLOT_PROBLEM = {
  unknownOption: 'unknown-option',
  notWhole: 'not-whole',
  overBudget: 'over-budget',
  outOfRange: 'out-of-range',
} as const
export type BallotProblem = (typeof BALLOT_PROBLEM)[keyof typeof BALLOT_PROBLEM]

export interface BallotRule {
  mode: VoteMode
  budget: number
  options: readonly string[]
}

/** Why `marks` is not a valid ballot for the vote, or null when it is. */
export function ballotProblem(vote: BallotRule, marks: unknown): BallotProblem | null {
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks))
    return BALLOT_PROBLEM.notWhole
  let total = 0
  for (const [option, value] of Object.entries(marks)) {
    if (!vote.options.includes(option)) return BALLOT_PROBLEM.unknownOption
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      return BALLOT_PROBLEM.notWhole
    switch (vote.mode) {
      case VOTE_MODE.dots:
        total += value
        break
      case VOTE_MODE.score:
        if (value < 1 || value > SESSION_LIMITS.score) return BALLOT_PROBLEM.outOfRange
        break
      default: {
        const never: never = vote.mode
        return never
      }
    }
  }
  return total > vote.budget ? BALLOT_PROBLEM.overBudget : null
}

// A score vote's result written into a RICE field of the voted features: the one rule the
// vote card's "Apply to impact / confidence" uses (stated in DERIVATIONS.md, "Votes").
// Options nobody scored keep their value; everything else is mapped from the mean score.

import { VOTE_MODE, VOTE_TARGET } from './sessionSchema.js'
import type { Vote } from './sessionSchema.js'
import { rankVote } from './voteTally.js'

export const RICE_VOTE_FIELD = {
  impact: 'impact',
  confidence: 'confidence',
} as const
export type RiceVoteField = (typeof RICE_VOTE_FIELD)[keyof typeof RICE_VOTE_FIELD]

/** RICE's usual impact steps (minimal, low, medium, high, massive) for scores 1–5. */
const IMPACT_STEPS = [0.25, 0.5, 1, 2, 3] as const

/** The field's value for a mean score (1–5). */
export function riceFromScore(field: RiceVoteField, mean: number): number {
  const score = Math.min(5, Math.max(1, mean))
  switch (field) {
    case RICE_VOTE_FIELD.impact:
      // The mean rounded half up to a whole score picks the step: 3.5 → high (2).
      return IMPACT_STEPS[Math.floor(score + 0.5) - 1]!
    case RICE_VOTE_FIELD.confidence:
      // A percentage, 20 points per score: 4.2 → 84 %.
      return Math.round(score * 20)
    default: {
      const never: never = field
      return never
    }
  }
}

/** Whether a vote's result can go into a RICE field: a score vote on features. */
export function appliesToRice(vote: Pick<Vote, 'mode' | 'target'>): boolean {
  return vote.mode === VOTE_MODE.score && vote.target === VOTE_TARGET.features
}

/** Feature id → new value, for every option someone scored. */
export function riceFromVote(
  vote: Pick<Vote, 'mode' | 'target' | 'options' | 'ballots'>,
  field: RiceVoteField,
): Map<string, number> {
  const values = new Map<string, number>()
  if (!appliesToRice(vote)) return values
  for (const row of rankVote(vote))
    if (row.voters > 0) values.set(row.option, riceFromScore(field, row.value))
  return values
}

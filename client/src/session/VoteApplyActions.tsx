// What the facilitator can do with a revealed vote: put the options at the top of the backlog
// in the voted order, or (a score vote on features) write impact or confidence from the mean
// scores by the model's rule (`riceFromVote`). Each is one undoable change.
import { appliesToRice, RICE_VOTE_FIELD, riceFromScore } from '@meridian/model'
import type { RiceVoteField, Vote } from '@meridian/model'
import { Button } from '../ui/Button.js'

const FIELD_LABEL: Record<RiceVoteField, string> = {
  impact: 'impact',
  confidence: 'confidence',
}

const RULE: Record<RiceVoteField, string> = {
  impact: `Mean score rounded: 1→${riceFromScore('impact', 1)}, 2→${riceFromScore('impact', 2)}, 3→${riceFromScore('impact', 3)}, 4→${riceFromScore('impact', 4)}, 5→${riceFromScore('impact', 5)}`,
  confidence: '20 % per score point: a mean of 4.2 gives 84 %',
}

export function VoteApplyActions({
  vote,
  onApplyOrder,
  onApplyRice,
}: {
  vote: Vote
  onApplyOrder(): void
  onApplyRice(field: RiceVoteField): void
}) {
  return (
    <span className="ss-vote__apply" role="group" aria-label="Apply the result">
      <Button
        size="sm"
        onClick={onApplyOrder}
        title="Puts the voted options at the top of the backlog in this order (undoable)"
      >
        Apply to backlog order
      </Button>
      {appliesToRice(vote)
        ? Object.values(RICE_VOTE_FIELD).map((field) => (
            <Button
              key={field}
              size="sm"
              onClick={() => onApplyRice(field)}
              title={`Sets each scored feature's ${FIELD_LABEL[field]} from its mean score. ${RULE[field]} (undoable)`}
            >
              Set {FIELD_LABEL[field]}
            </Button>
          ))
        : null}
    </span>
  )
}

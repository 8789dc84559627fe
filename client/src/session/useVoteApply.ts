// Applying a revealed vote to the roadmap: the backlog order, or a RICE field from the mean
// scores (`riceFromVote`). Each is one transaction on the roadmap's edit origin, so one undo
// step; what it did is said in the vote card until the next apply.
import { useCallback, useState } from 'react'
import { riceFromVote, VOTE_TARGET } from '@meridian/model'
import type { FeatureId, ItemId, RiceVoteField, Vote } from '@meridian/model'
import type { Session } from '../sync/session.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function useVoteApply(session: Session) {
  const [applied, setApplied] = useState<{ voteId: string; text: string } | null>(null)
  const roadmap = session.roadmap

  const applyOrder = useCallback(
    (vote: Vote, order: string[]) => {
      roadmap.transact(() => {
        let previous: string | null = null
        for (const id of order) {
          if (vote.target === VOTE_TARGET.items)
            roadmap.items.reorder(id as ItemId, { before: previous as ItemId | null })
          else roadmap.features.reorder(id as FeatureId, { before: previous as FeatureId | null })
          previous = id
        }
      })
      setApplied({ voteId: vote.id, text: `Backlog reordered · undo with Ctrl+Z` })
    },
    [roadmap],
  )

  const applyRice = useCallback(
    (vote: Vote, field: RiceVoteField) => {
      const values = riceFromVote(vote, field)
      roadmap.transact(() => {
        for (const [id, value] of values)
          roadmap.features.update(id as FeatureId, { [field]: value })
      })
      const label = field === 'impact' ? 'Impact' : 'Confidence'
      setApplied({
        voteId: vote.id,
        text: `${label} set on ${plural(values.size, 'feature')} · undo with Ctrl+Z`,
      })
    },
    [roadmap],
  )

  return {
    applyOrder,
    applyRice,
    appliedFor: (voteId: string) => (applied?.voteId === voteId ? applied.text : null),
  }
}

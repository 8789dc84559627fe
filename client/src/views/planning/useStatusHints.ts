// The backlog's status prompts (`statusHintOf`), counted for the whole roadmap and per
// goal, so "0 done" beside a high percentage explains itself wherever both are shown.
import { useMemo } from 'react'
import { countStatusHints, deriveBacklog } from '@meridian/model'
import type { GoalId, IsoDate, RoadmapData, StatusHint } from '@meridian/model'

export type HintCountsByGoal = ReadonlyMap<GoalId, Record<StatusHint, number>>

export function useStatusHints(
  data: RoadmapData,
  today: IsoDate,
): { all: Record<StatusHint, number>; byGoal: HintCountsByGoal } {
  return useMemo(() => {
    const entries = deriveBacklog(data, today).entries
    const byGoal = new Map<GoalId, Record<StatusHint, number>>()
    for (const goal of data.goals) {
      byGoal.set(goal.id, countStatusHints(entries.filter((e) => e.goalIds.includes(goal.id))))
    }
    return { all: countStatusHints(entries), byGoal }
  }, [data, today])
}

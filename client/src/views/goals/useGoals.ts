// Goals and key indicators as the model's progress report computes them.
import { useMemo } from 'react'
import { deriveReport } from '@meridian/model'
import type { GoalId, GoalProgress, IndicatorProgress, IsoDate, RoadmapData } from '@meridian/model'
import { useStatusHints } from '../planning/useStatusHints.js'

export function useGoals(data: RoadmapData, today: IsoDate) {
  const report = useMemo(() => deriveReport(data, today), [data, today])
  const hints = useStatusHints(data, today)
  return useMemo(() => {
    const goalProgress = new Map<string, GoalProgress>(report.goals.map((g) => [g.goalId, g]))
    const indicatorProgress = new Map<string, IndicatorProgress>(
      report.indicators.map((i) => [i.indicatorId, i]),
    )
    return {
      report,
      goalProgress: (id: string) => goalProgress.get(id) ?? null,
      indicatorProgress: (id: string) => indicatorProgress.get(id) ?? null,
      goalHints: (id: GoalId) => hints.byGoal.get(id),
    }
  }, [report, hints])
}

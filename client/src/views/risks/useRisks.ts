// The risk register and its heat map, from the model's progress report (open and
// mitigating risks, scored likelihood × impact), plus the view's own filter state.
import { useMemo, useState } from 'react'
import { deriveReport } from '@meridian/model'
import type { IsoDate, ReportRisk, Risk, RoadmapData } from '@meridian/model'

export interface Cell {
  likelihood: number
  impact: number
}

export const SCALE = [1, 2, 3, 4, 5] as const

function cellKey(likelihood: number, impact: number): string {
  return `${likelihood}×${impact}`
}

export function useRisks(data: RoadmapData, today: IsoDate) {
  const [cell, setCell] = useState<Cell | null>(null)
  const [showClosed, setShowClosed] = useState(false)
  const report = useMemo(() => deriveReport(data, today), [data, today])
  const live: ReportRisk[] = useMemo(
    () => [
      ...report.risks.bySeverity.critical,
      ...report.risks.bySeverity.high,
      ...report.risks.bySeverity.medium,
      ...report.risks.bySeverity.low,
    ],
    [report],
  )
  const counts = useMemo(() => {
    const map = new Map<string, number>()
    for (const r of live)
      map.set(cellKey(r.likelihood, r.impact), (map.get(cellKey(r.likelihood, r.impact)) ?? 0) + 1)
    return map
  }, [live])
  const scoreOf = useMemo(() => new Map(live.map((r) => [r.riskId as string, r])), [live])
  const rows: Risk[] = useMemo(() => {
    const inCell = (r: Risk): boolean => {
      if (!cell) return true
      const scored = scoreOf.get(r.id)
      return (
        scored !== undefined &&
        scored.likelihood === cell.likelihood &&
        scored.impact === cell.impact
      )
    }
    const visible = data.risks.filter((r) => (showClosed || r.status !== 'closed') && inCell(r))
    // Worst first, closed last; the report's order for live risks.
    const order = new Map(live.map((r, i) => [r.riskId as string, i]))
    return [...visible].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9))
  }, [data.risks, live, scoreOf, cell, showClosed])
  const closedCount = data.risks.filter((r) => r.status === 'closed').length
  return {
    live,
    count: (likelihood: number, impact: number) => counts.get(cellKey(likelihood, impact)) ?? 0,
    scoreOf: (id: string) => scoreOf.get(id) ?? null,
    rows,
    cell,
    toggleCell: (next: Cell) =>
      setCell((prev) =>
        prev && prev.likelihood === next.likelihood && prev.impact === next.impact ? null : next,
      ),
    clearCell: () => setCell(null),
    showClosed,
    setShowClosed,
    closedCount,
  }
}

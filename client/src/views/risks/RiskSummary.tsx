import type { ReportRisk, Risk } from '@meridian/model'
import { labelOf } from '../planning/format.js'

interface Props {
  live: readonly ReportRisk[]
  risks: readonly Risk[]
}

/** Highest exposure first, and the gaps a risk review should close (no owner, no plan). */
export function RiskSummary({ live, risks }: Props) {
  const liveIds = new Set(live.map((r) => r.riskId as string))
  const open = risks.filter((r) => liveIds.has(r.id))
  const unowned = open.filter((r) => r.ownerId === null).length
  const unmitigated = open.filter((r) => r.mitigation.trim() === '').length
  const unlinked = open.filter((r) => r.featureIds.length === 0).length
  return (
    <div className="rk-summary">
      <h2 className="pv-section-title">Highest exposure</h2>
      {live.length === 0 ? (
        <p className="pv-muted">No open risks.</p>
      ) : (
        <ol className="rk-top">
          {live.slice(0, 5).map((r) => (
            <li key={r.riskId}>
              <span className={`rk-score rk-cell--${r.severity}`}>{r.score}</span>
              <span className="rk-top__title">{r.title}</span>
              <span className="pv-muted rk-top__status">{labelOf(r.status)}</span>
            </li>
          ))}
        </ol>
      )}
      <div className="rk-gaps">
        <div className={`rk-gap${unowned > 0 ? ' rk-gap--warn' : ''}`}>
          <strong>{unowned}</strong> without an owner
        </div>
        <div className={`rk-gap${unmitigated > 0 ? ' rk-gap--warn' : ''}`}>
          <strong>{unmitigated}</strong> without mitigation
        </div>
        <div className="rk-gap">
          <strong>{unlinked}</strong> not linked to a feature
        </div>
      </div>
    </div>
  )
}

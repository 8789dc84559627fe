import type { ViewProps } from '../types.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { Icon } from '../../ui/Icon.js'
import { ViewHeader } from '../planning/ViewHeader.js'
import { QuickAdd } from '../planning/QuickAdd.js'
import { HeatMap } from './HeatMap.js'
import { RiskRow } from './RiskRow.js'
import { RiskSummary } from './RiskSummary.js'
import { useRisks } from './useRisks.js'
import '../planning/planning.css'
import './risks.css'

export default function RisksView(props: ViewProps) {
  const { data, today, readOnly, roadmap } = props
  const risks = useRisks(data, today)
  const critical = risks.live.filter(
    (r) => r.severity === 'critical' || r.severity === 'high',
  ).length
  return (
    <div className="pv rk" data-testid="risks-view">
      <div className="pv__inner">
        <ViewHeader
          title="Risks"
          view="risks"
          awareness={props.awareness}
          readOnly={readOnly}
          subtitle={`${risks.live.length} open or mitigating · ${critical} high or critical · ${risks.closedCount} closed`}
        />
        <div className="rk-layout">
          <div className="rk-top-row">
            <section className="pv-card pv-card__pad rk-heat-card" aria-label="Heat map">
              <h2 className="pv-section-title">Heat map</h2>
              <HeatMap
                count={risks.count}
                selected={risks.cell}
                total={risks.live.length}
                onSelect={risks.toggleCell}
              />
            </section>
            <section className="pv-card pv-card__pad" aria-label="Highest exposure">
              <RiskSummary live={risks.live} risks={data.risks} />
            </section>
          </div>
          <section className="pv-card rk-register" aria-label="Risk register">
            <div className="rk-register__head" role="toolbar" aria-label="Register filters">
              <h2 className="pv-section-title">Register</h2>
              {risks.cell && (
                <button
                  type="button"
                  className="rk-filter-chip"
                  onClick={risks.clearCell}
                  data-testid="risk-cell-filter"
                >
                  Likelihood {risks.cell.likelihood} × impact {risks.cell.impact}
                  <Icon name="x" size={12} strokeWidth={2.2} />
                </button>
              )}
              <span className="pv-toolbar__spacer" />
              <label className="rk-toggle">
                <input
                  type="checkbox"
                  checked={risks.showClosed}
                  onChange={(e) => risks.setShowClosed(e.target.checked)}
                />
                Show closed ({risks.closedCount})
              </label>
            </div>
            <div className="rk-table-wrap">
              <table className="pv-table rk-table">
                <thead>
                  <tr>
                    <th title="Likelihood × impact">Score</th>
                    <th>Risk</th>
                    <th className="pv-num-cell">Likelihood</th>
                    <th className="pv-num-cell">Impact</th>
                    <th>Owner</th>
                    <th>Mitigation</th>
                    <th>Status</th>
                    <th>Linked features</th>
                    {!readOnly && <th aria-label="Actions" />}
                  </tr>
                </thead>
                <tbody>
                  {risks.rows.map((risk) => (
                    <RiskRow
                      key={risk.id}
                      risk={risk}
                      scored={risks.scoreOf(risk.id)}
                      resources={data.resources}
                      features={data.features}
                      readOnly={readOnly}
                      roadmap={roadmap}
                      onOpenFeature={props.selectFeature}
                    />
                  ))}
                </tbody>
              </table>
              {risks.rows.length === 0 && (
                <EmptyState
                  icon="alert"
                  title={risks.cell ? 'No risks in this cell' : 'No open risks'}
                >
                  {risks.cell
                    ? 'Pick another cell, or clear the filter.'
                    : readOnly
                      ? 'Nothing threatens the plan right now.'
                      : 'Name what could derail the plan, then size it.'}
                </EmptyState>
              )}
            </div>
            {!readOnly && (
              // A title is enough; likelihood and impact start at 3 (possible, moderate).
              <QuickAdd
                className="rk-add"
                placeholder="Add a risk…"
                label="New risk title"
                submitLabel="Add risk"
                onAdd={(title) =>
                  roadmap.risks.create({ title, likelihood: 3, impact: 3, status: 'open' })
                }
              />
            )}
          </section>
        </div>
      </div>
    </div>
  )
}

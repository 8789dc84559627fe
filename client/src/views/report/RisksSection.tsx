import type { ProgressReport, Resource, RiskSeverity } from '@meridian/model'
import { labelOf } from '../planning/format.js'
import { Section } from './Section.js'

const SEVERITIES: readonly RiskSeverity[] = ['critical', 'high', 'medium', 'low']

export function RisksSection({
  report,
  resources,
}: {
  report: ProgressReport
  resources: readonly Resource[]
}) {
  const owner = new Map(resources.map((r) => [r.id as string, r.name]))
  return (
    <Section
      id="risks"
      title="Open risks by severity"
      aside={`${report.risks.open} open or mitigating`}
    >
      <div className="rp-sev-summary">
        {SEVERITIES.map((s) => (
          <span key={s} className={`rp-sev rk-cell--${s}`} data-testid={`report-risks-${s}`}>
            <strong>{report.risks.bySeverity[s].length}</strong> {s}
          </span>
        ))}
      </div>
      {report.risks.open === 0 ? (
        <p className="pv-muted">No open risks.</p>
      ) : (
        <ul className="rp-list">
          {SEVERITIES.flatMap((s) =>
            report.risks.bySeverity[s].map((r) => (
              <li key={r.riskId} className="rp-list__row">
                <span className={`rk-score rk-cell--${s}`}>{r.score}</span>
                <span className="rp-list__main">
                  <span className="rp-strong">{r.title}</span>
                  <span className="rp-row__sub">
                    {labelOf(s)} · {labelOf(r.status)}
                    {r.ownerId && ` · owner ${owner.get(r.ownerId) ?? 'unknown'}`}
                  </span>
                </span>
              </li>
            )),
          )}
        </ul>
      )}
    </Section>
  )
}

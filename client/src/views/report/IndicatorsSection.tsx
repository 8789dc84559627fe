import type { Indicator, ProgressReport } from '@meridian/model'
import { formatNumber } from '../planning/format.js'
import { Sparkline } from '../goals/Sparkline.js'
import { Section } from './Section.js'

export function IndicatorsSection({
  report,
  indicators,
}: {
  report: ProgressReport
  indicators: readonly Indicator[]
}) {
  const byId = new Map(indicators.map((i) => [i.id as string, i]))
  const onTrack = report.indicators.filter((i) => i.onTrack === true).length
  return (
    <Section
      id="indicators"
      title="Key indicators against targets"
      aside={`${onTrack} of ${report.indicators.length} on track`}
    >
      {report.indicators.length === 0 ? (
        <p className="pv-muted">No key indicators defined.</p>
      ) : (
        <table className="pv-table rp-table">
          <thead>
            <tr>
              <th>Indicator</th>
              <th className="pv-num-cell">Baseline</th>
              <th className="pv-num-cell">Current</th>
              <th className="pv-num-cell">Target</th>
              <th>Trend</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {report.indicators.map((i) => (
              <tr key={i.indicatorId} data-testid="report-indicator">
                <td>
                  <span className="rp-strong">{i.name}</span>
                  <span className="rp-row__sub">
                    {i.direction === 'increase' ? '↑ higher is better' : '↓ lower is better'}
                  </span>
                </td>
                <td className="pv-num-cell pv-num">{formatNumber(i.baseline, i.unit)}</td>
                <td className="pv-num-cell pv-num rp-strong">{formatNumber(i.current, i.unit)}</td>
                <td className="pv-num-cell pv-num">{formatNumber(i.target, i.unit)}</td>
                <td>
                  <Sparkline
                    history={byId.get(i.indicatorId)?.history ?? []}
                    target={i.target}
                    good={i.onTrack}
                    label={i.name}
                    width={120}
                    height={28}
                  />
                </td>
                <td>
                  {i.verdict === 'no-data' ? (
                    <span className="pv-muted" data-testid="indicator-verdict">
                      No data
                    </span>
                  ) : i.onTrack === null ? (
                    <span className="pv-muted">—</span>
                  ) : i.onTrack ? (
                    <span className="rp-pill rp-pill--ok">On track</span>
                  ) : (
                    <span className="rp-pill rp-pill--bad">Off track</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}

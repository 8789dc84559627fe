import type { ViewProps } from '../types.js'
import { PresenceStack } from '../planning/PresenceStack.js'
import { formatPercent } from '../planning/format.js'
import { IndicatorsSection } from './IndicatorsSection.js'
import { GoalsSection, LanesSection } from './ProgressSections.js'
import { RecentSection } from './RecentSection.js'
import { RisksSection } from './RisksSection.js'
import { SlipsSection } from './SlipsSection.js'
import { BaselineSection } from './BaselineSection.js'
import type { BaselineView } from '../shellViewProps.js'
import { AttentionSection, MilestonesSection } from './ScheduleSections.js'
import { useReport } from './useReport.js'
import { LatestSessionSection } from '../../session/LatestSessionSection.js'
import { PastSessionsSection } from '../../session/PastSessionsSection.js'
import { HintCounts, HowComputed } from '../planning/HintCounts.js'
import { PROGRESS_RULE, formatDayLong } from '@meridian/model'
import { ReportPdfButton } from '../../exchange/ReportPdfButton.js'
import '../planning/planning.css'
import './report.css'

export default function ReportView(props: ViewProps & { baseline?: BaselineView | null }) {
  const { data, today } = props
  const { report, recent, hints } = useReport(data, today)
  const titles = new Map(data.features.map((f) => [f.id as string, f.title]))
  const s = report.summary
  return (
    <div className="pv rp" data-testid="report-view">
      <div className="pv__inner rp-inner">
        <header className="rp-head">
          <div>
            <p className="rp-kicker">Stakeholder report · {formatDayLong(today)}</p>
            <h1 className="rp-title">{report.title || 'Untitled roadmap'}</h1>
            {report.horizon && (
              <p className="pv-muted rp-horizon">
                Horizon {formatDayLong(report.horizon.start)} – {formatDayLong(report.horizon.end)}
              </p>
            )}
          </div>
          <div className="rp-actions">
            <PresenceStack awareness={props.awareness} view="report" />
            <button type="button" className="btn" onClick={() => window.print()}>
              Print / PDF
            </button>
            <ReportPdfButton
              roadmapId={props.roadmapId}
              token={props.token}
              title={report.title}
              today={today}
            />
          </div>
        </header>
        <div className="rp-summary" data-testid="report-summary">
          <div
            className="rp-stat rp-stat--wide"
            title={`How this is computed: ${PROGRESS_RULE.overall}`}
          >
            <span className="rp-stat__label">
              Overall progress <HowComputed text={PROGRESS_RULE.overall} />
            </span>
            <span className="rp-stat__value">{formatPercent(s.progress)}</span>
            <div className="pv-progress">
              <div className="pv-progress__fill" style={{ width: `${s.progress * 100}%` }} />
            </div>
          </div>
          <div
            className="rp-stat"
            title={
              s.byStatus.cancelled > 0
                ? `${s.features} features not cancelled, and ${s.byStatus.cancelled} cancelled (in no progress figure)`
                : undefined
            }
          >
            <span className="rp-stat__label">Features</span>
            <span className="rp-stat__value">{s.features}</span>
            <span className="rp-stat__sub">
              {s.byStatus.done} done · {s.byStatus['in-progress']} in progress
              <HintCounts counts={hints.all} />
              {/* The timeline counts cancelled features too: say where the difference went. */}
              {s.byStatus.cancelled > 0 ? ` · ${s.byStatus.cancelled} cancelled` : null}
            </span>
          </div>
          <div className="rp-stat">
            <span className="rp-stat__label">Late</span>
            <span className={`rp-stat__value${s.late > 0 ? ' rp-bad' : ''}`}>{s.late}</span>
            <span className="rp-stat__sub">past their end date</span>
          </div>
          <div className="rp-stat">
            <span className="rp-stat__label">Blocked</span>
            <span className={`rp-stat__value${s.blocked > 0 ? ' rp-warn' : ''}`}>{s.blocked}</span>
            <span className="rp-stat__sub">waiting on a dependency</span>
          </div>
          <div className="rp-stat">
            <span className="rp-stat__label">Open risks</span>
            <span className="rp-stat__value">{report.risks.open}</span>
            <span className="rp-stat__sub">
              {report.risks.bySeverity.critical.length + report.risks.bySeverity.high.length} high
              or critical
            </span>
          </div>
        </div>
        <LatestSessionSection
          doc={props.doc}
          data={data}
          roadmapId={props.roadmapId}
          token={props.token}
        />
        <div className="rp-grid">
          <GoalsSection report={report} hints={hints.byGoal} />
          <LanesSection report={report} />
        </div>
        <IndicatorsSection report={report} indicators={data.indicators} />
        <div className="rp-grid">
          <RisksSection report={report} resources={data.resources} />
          <MilestonesSection report={report} />
        </div>
        <div className="rp-grid">
          <AttentionSection
            report={report}
            titleOf={(id) => titles.get(id) ?? 'a deleted feature'}
          />
          <RecentSection recent={recent} />
        </div>
        <div className="rp-grid">
          <SlipsSection doc={props.doc} data={data} />
          {props.baseline ? (
            <BaselineSection name={props.baseline.name} comparison={props.baseline.comparison} />
          ) : null}
        </div>
        <PastSessionsSection doc={props.doc} data={data} readOnly={props.readOnly} />
        <p className="rp-foot pv-muted">
          Live: this report updates as the roadmap changes. Generated {formatDayLong(today)} by
          Meridian.
        </p>
      </div>
    </div>
  )
}

import type { FeatureStatus, ProgressReport } from '@meridian/model'
import type { HintCountsByGoal } from '../planning/useStatusHints.js'
import { HintCounts } from '../planning/HintCounts.js'
import { formatPercent } from '../planning/format.js'
import { Bar, Section } from './Section.js'
import { plural } from '../../lib/plural.js'

// Cancelled only when there are some: with it the counts add up to the lane's feature count.
const STATUS_ORDER: readonly FeatureStatus[] = ['done', 'in-progress', 'planned', 'cancelled']

export function GoalsSection({
  report,
  hints,
}: {
  report: ProgressReport
  hints: HintCountsByGoal
}) {
  return (
    <Section id="goals" title="Progress by goal" aside={plural(report.goals.length, 'goal')}>
      {report.goals.length === 0 ? (
        <p className="pv-muted">No goals set.</p>
      ) : (
        <ul className="rp-rows">
          {report.goals.map((g) => (
            <li key={g.goalId} className="rp-row" data-testid="report-goal">
              <span className="rp-row__name">
                {g.title}
                <span className="rp-row__sub">
                  {g.doneFeatures} of {plural(g.featureIds.length, 'feature')} done
                  <HintCounts counts={hints.get(g.goalId)} />
                  {g.onTrack === true && <span className="rp-ok"> · indicators on track</span>}
                  {g.onTrack === false && <span className="rp-bad"> · indicators off track</span>}
                </span>
              </span>
              <Bar value={g.progress} />
              <span className="rp-row__pct">{formatPercent(g.progress)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

export function LanesSection({ report }: { report: ProgressReport }) {
  return (
    <Section
      id="lanes"
      title="Progress by lane"
      aside={`${formatPercent(report.summary.progress)} overall`}
    >
      <ul className="rp-rows">
        {report.lanes.map((l) => (
          <li key={l.laneId} className="rp-row" data-testid="report-lane">
            <span className="rp-row__name">
              <span className="rp-lane-dot" style={{ background: l.color ?? 'var(--text-3)' }} />
              {l.name ?? 'Deleted lane'}
              <span className="rp-row__sub">
                {STATUS_ORDER.filter((s) => s !== 'cancelled' || l.byStatus[s] > 0)
                  .map((s) => `${l.byStatus[s]} ${s === 'in-progress' ? 'in progress' : s}`)
                  .join(' · ')}
              </span>
            </span>
            <Bar value={l.progress} color={l.color} />
            <span className="rp-row__pct">{formatPercent(l.progress)}</span>
          </li>
        ))}
      </ul>
    </Section>
  )
}

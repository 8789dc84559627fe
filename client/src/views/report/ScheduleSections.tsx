import { formatDay, formatDayLong } from '@meridian/model'
import type { ProgressReport } from '@meridian/model'
import { Section } from './Section.js'

export function MilestonesSection({ report }: { report: ProgressReport }) {
  const { upcoming, overdue } = report.milestones
  return (
    <Section id="milestones" title="Upcoming milestones" aside="next 60 days">
      {upcoming.length === 0 && overdue.length === 0 ? (
        <p className="pv-muted">No milestones in the next 60 days.</p>
      ) : (
        <ul className="rp-list">
          {overdue.map((m) => (
            <li key={m.milestoneId} className="rp-list__row">
              <span className="rp-date rp-date--bad">{formatDay(m.date)}</span>
              <span className="rp-list__main">
                <span className="rp-strong">{m.title}</span>
                <span className="rp-row__sub rp-bad">Overdue by {-m.daysUntil} days</span>
              </span>
            </li>
          ))}
          {upcoming.map((m) => (
            <li key={m.milestoneId} className="rp-list__row">
              <span className="rp-date">{formatDay(m.date)}</span>
              <span className="rp-list__main">
                <span className="rp-strong">{m.title}</span>
                <span className="rp-row__sub">
                  {m.daysUntil === 0 ? 'Today' : `In ${m.daysUntil} days`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

export function AttentionSection({
  report,
  titleOf,
}: {
  report: ProgressReport
  titleOf(id: string): string
}) {
  const count = report.late.length + report.blocked.length
  return (
    <Section
      id="attention"
      title="Late and blocked features"
      aside={count === 0 ? 'all clear' : `${count} ${count === 1 ? 'needs' : 'need'} attention`}
    >
      {count === 0 ? (
        <p className="pv-muted">Nothing is late or blocked.</p>
      ) : (
        <ul className="rp-list">
          {report.late.map((f) => (
            <li key={`late-${f.featureId}`} className="rp-list__row" data-testid="report-late">
              <span className="rp-pill rp-pill--bad">Late</span>
              <span className="rp-list__main">
                <span className="rp-strong">{f.title}</span>
                <span className="rp-row__sub">
                  Was due {formatDayLong(f.end)} · {f.daysLate} days late
                </span>
              </span>
            </li>
          ))}
          {report.blocked.map((f) => (
            <li
              key={`blocked-${f.featureId}`}
              className="rp-list__row"
              data-testid="report-blocked"
            >
              <span className="rp-pill rp-pill--warn">Blocked</span>
              <span className="rp-list__main">
                <span className="rp-strong">{f.title}</span>
                <span className="rp-row__sub">
                  {f.inCycle
                    ? 'On a dependency cycle'
                    : `Waits on ${f.blockedBy.map(titleOf).join(', ')}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

import { formatDay } from '@meridian/model'
import { formatNumber } from '../planning/format.js'
import { Section } from './Section.js'
import { RECENT_DAYS } from './useReport.js'
import type { RecentChange } from './useReport.js'

/** Recently completed / recorded: accepted items and new indicator values of the last week. */
export function RecentSection({ recent }: { recent: readonly RecentChange[] }) {
  return (
    <Section id="recent" title="Recently completed / recorded" aside={`last ${RECENT_DAYS} days`}>
      {recent.length === 0 ? (
        <p className="pv-muted">
          No items accepted and no indicator values recorded in the last {RECENT_DAYS} days.
        </p>
      ) : (
        <ul className="rp-list">
          {recent.map((c) =>
            c.kind === 'accepted' ? (
              <li key={c.id} className="rp-list__row" data-testid="report-recent">
                <span className="rp-date">{formatDay(c.date)}</span>
                <span className="rp-list__main">
                  <span className="rp-strong">✓ {c.title}</span>
                  <span className="rp-row__sub">
                    Accepted{c.by ? ` by ${c.by}` : ''} · {c.featureTitle}
                  </span>
                </span>
              </li>
            ) : (
              <li key={c.id} className="rp-list__row" data-testid="report-recent">
                <span className="rp-date">{formatDay(c.date)}</span>
                <span className="rp-list__main">
                  <span className="rp-strong">
                    {c.name}: {formatNumber(c.value, c.unit)}
                  </span>
                  <span className="rp-row__sub">Value recorded</span>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

import { formatDay } from '@meridian/model'
import type { RoadmapComparison } from '@meridian/model'
import { Section } from './Section.js'

const LIMIT = 8

const signed = (days: number) => `${days > 0 ? '+' : ''}${days} d`

/** Each feature's and milestone's slip against the roadmap's baseline (`compareRoadmaps`). */
export function BaselineSection({
  name,
  comparison,
}: {
  name: string
  comparison: RoadmapComparison
}) {
  const rows = [
    ...comparison.features.flatMap((f) =>
      f.endDays
        ? [
            {
              id: f.id,
              title: f.title,
              kind: 'Feature',
              days: f.endDays,
              end: f.after?.end ?? null,
            },
          ]
        : [],
    ),
    ...comparison.milestones.flatMap((m) =>
      m.days
        ? [
            {
              id: m.id,
              title: m.title,
              kind: 'Milestone',
              days: m.days,
              end: m.after?.date ?? null,
            },
          ]
        : [],
    ),
  ].sort((a, b) => b.days - a.days)
  const late = rows.filter((r) => r.days > 0)
  return (
    <Section
      id="baseline"
      title={`Against the baseline: ${name}`}
      aside={`${late.length} later, ${rows.length - late.length} earlier`}
    >
      {rows.length === 0 ? (
        <p className="pv-muted">Every date is as in the baseline.</p>
      ) : (
        <ul className="rp-list">
          {rows.slice(0, LIMIT).map((r) => (
            <li key={r.id} className="rp-list__row" data-testid="report-baseline">
              <span className={`rp-date${r.days > 0 ? ' rp-bad' : ''}`}>{signed(r.days)}</span>
              <span className="rp-list__main">
                <span className="rp-strong">{r.title}</span>
                <span className="rp-row__sub">
                  {r.kind} · now {r.end ? formatDay(r.end) : 'undated'}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

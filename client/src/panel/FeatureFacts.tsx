import type { Feature } from '@meridian/model'
import type { usePanelFields } from './usePanelFields.js'

/** Progress from the backlog items and the open risks on this feature. */
export function FeatureFacts({
  fields,
}: {
  feature: Feature
  fields: ReturnType<typeof usePanelFields>
}) {
  const pct = Math.round(fields.progress.progress * 100)
  return (
    <section className="panel__facts">
      <div className="fact">
        <div className="fact__head">
          <span className="prop__label">Progress</span>
          <span className="fact__value">{pct}%</span>
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label="Progress"
        >
          <div className="progress__fill" style={{ width: `${pct}%` }} />
        </div>
        <span className="fact__hint">
          {fields.items.length === 0
            ? 'No backlog items yet'
            : `${fields.doneItems} of ${fields.items.length} items done`}
          {fields.progress.totalEstimate > 0
            ? ` · ${fields.progress.doneEstimate} / ${fields.progress.totalEstimate} pts`
            : ''}
        </span>
      </div>
      <div className="fact">
        <div className="fact__head">
          <span className="prop__label">Open risks</span>
          <span className={`fact__value${fields.risks.length ? ' fact__value--warn' : ''}`}>
            {fields.risks.length}
          </span>
        </div>
        {fields.risks.length === 0 ? (
          <span className="fact__hint">None</span>
        ) : (
          <ul className="fact__risks">
            {fields.risks.slice(0, 3).map((r) => (
              <li key={r.id}>
                <span
                  className={`risk-score risk-score--${r.likelihood * r.impact >= 15 ? 'high' : r.likelihood * r.impact >= 8 ? 'mid' : 'low'}`}
                >
                  {r.likelihood * r.impact}
                </span>{' '}
                {r.title}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

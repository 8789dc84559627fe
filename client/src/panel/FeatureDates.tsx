import { useState } from 'react'
import type { Feature, IsoDate, Roadmap } from '@meridian/model'
import { DATE_RANGE, featureWindowProblem } from '@meridian/model'

/**
 * A feature's start and end inputs. A window the model refuses (a date outside its range, an
 * end before the start, longer than ten years) is not written; the reason shows under the
 * fields instead, and so does the reason a window already in the document is ignored.
 */
export function FeatureDates({ feature, roadmap }: { feature: Feature; roadmap: Roadmap }) {
  const [refused, setRefused] = useState<string | null>(null)
  const write = (patch: { start?: IsoDate | null; end?: IsoDate | null }) => {
    const next = { start: feature.start, end: feature.end, ...patch }
    const problem = featureWindowProblem(next.start, next.end)
    setRefused(problem)
    if (problem === null) roadmap.features.move(feature.id, patch)
  }
  const stored = featureWindowProblem(feature.start, feature.end)
  const problem = refused ?? (stored === null ? null : `These dates are ignored. ${stored}.`)
  return (
    <>
      <div className="prop__dates">
        <input
          id="f-start"
          className="input"
          type="date"
          aria-label="Start date"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'f-dates-problem' : undefined}
          value={feature.start ?? ''}
          min={DATE_RANGE.min}
          max={feature.end ?? DATE_RANGE.max}
          onChange={(e) => write({ start: e.target.value || null })}
        />
        <span className="prop__arrow">→</span>
        <input
          className="input"
          type="date"
          aria-label="End date"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'f-dates-problem' : undefined}
          value={feature.end ?? ''}
          min={feature.start ?? DATE_RANGE.min}
          max={DATE_RANGE.max}
          onChange={(e) => write({ end: e.target.value || null })}
        />
      </div>
      {problem ? (
        <p className="prop__hint prop__hint--error" id="f-dates-problem" role="alert">
          {problem}
        </p>
      ) : !feature.start || !feature.end ? (
        <p className="prop__hint">
          Unscheduled: it appears on the timeline once it has both dates.
        </p>
      ) : null}
    </>
  )
}

import { useState } from 'react'
import type { Feature, IsoDate, Roadmap } from '@meridian/model'
import { featureWindowProblem } from '@meridian/model'
import { DateInput } from '../ui/DateInput.js'

type Typed = { start: string | null; end: string | null }

/**
 * A feature's start and end fields. A date is written once it is complete and valid
 * (`DateInput`); a window the model refuses (outside its range, an end before the start,
 * longer than ten years) is not written either. The reason shows under the fields, and so
 * does the reason a window already in the document is ignored.
 */
export function FeatureDates({ feature, roadmap }: { feature: Feature; roadmap: Roadmap }) {
  const [typed, setTyped] = useState<Typed>({ start: null, end: null })
  const [refused, setRefused] = useState<string | null>(null)
  const write = (patch: { start?: IsoDate | null; end?: IsoDate | null }) => {
    const next = { start: feature.start, end: feature.end, ...patch }
    const problem = featureWindowProblem(next.start, next.end)
    setRefused(problem)
    if (problem === null) roadmap.features.move(feature.id, patch)
  }
  const stored = featureWindowProblem(feature.start, feature.end)
  const problem = typed.start
    ? `Start: ${typed.start}. Not saved.`
    : typed.end
      ? `End: ${typed.end}. Not saved.`
      : refused
        ? `${refused}. Not saved.`
        : stored === null
          ? null
          : `These dates are ignored. ${stored}.`
  const describedBy = problem ? 'f-dates-problem' : undefined
  return (
    <>
      <div className="prop__dates">
        <DateInput
          id="f-start"
          aria-label="Start date"
          aria-describedby={describedBy}
          value={feature.start}
          max={feature.end}
          allowEmpty
          onCommit={(start) => write({ start })}
          onProblem={(p) => setTyped((c) => ({ ...c, start: p }))}
        />
        <span className="prop__arrow">→</span>
        <DateInput
          aria-label="End date"
          aria-describedby={describedBy}
          value={feature.end}
          min={feature.start}
          allowEmpty
          onCommit={(end) => write({ end })}
          onProblem={(p) => setTyped((c) => ({ ...c, end: p }))}
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

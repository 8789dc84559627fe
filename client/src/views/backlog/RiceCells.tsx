import type { BacklogEntry } from '@meridian/model'
import { InlineNumber } from '../planning/InlineNumber.js'
import type { BacklogActions } from './useBacklogActions.js'

interface Props {
  entry: BacklogEntry
  readOnly: boolean
  actions: BacklogActions
}

/** Reach, impact, confidence (%) and effort, editable; the score comes from the model. */
export function RiceCells({ entry, readOnly, actions }: Props) {
  const { rice, featureId, title } = entry
  return (
    <>
      <span className="bl-rice">
        <InlineNumber
          value={rice.reach}
          readOnly={readOnly}
          min={0}
          label={`Reach of ${title}`}
          onCommit={(v) => actions.setRice(featureId, { reach: v })}
        />
      </span>
      <span className="bl-rice">
        <InlineNumber
          value={rice.impact}
          readOnly={readOnly}
          min={0}
          label={`Impact of ${title}`}
          onCommit={(v) => actions.setRice(featureId, { impact: v })}
        />
      </span>
      <span className="bl-rice">
        <InlineNumber
          value={rice.confidence}
          readOnly={readOnly}
          min={0}
          max={100}
          label={`Confidence of ${title}`}
          onCommit={(v) => actions.setRice(featureId, { confidence: v })}
        />
      </span>
      <span className="bl-rice">
        <InlineNumber
          value={rice.effort}
          readOnly={readOnly}
          min={0}
          label={`Effort of ${title}`}
          onCommit={(v) => actions.setRice(featureId, { effort: v })}
        />
      </span>
      <span
        className="bl-rice bl-rice--score"
        data-testid="rice-score"
        title="Reach × Impact × Confidence ÷ Effort"
      >
        {rice.score === null ? (
          <span className="pv-muted">—</span>
        ) : (
          rice.score.toLocaleString('en-US')
        )}
      </span>
    </>
  )
}

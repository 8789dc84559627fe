import { useState } from 'react'
import { PROGRESS_RULE } from '@meridian/model'
import type {
  Feature,
  FeatureId,
  Goal,
  GoalProgress,
  GoalStatus,
  Roadmap,
  StatusHint,
} from '@meridian/model'
import { HintCounts, HowComputed } from '../planning/HintCounts.js'
import { Badge } from '../../ui/Badge.js'
import { Icon } from '../../ui/Icon.js'
import { FeaturePicker } from '../planning/FeaturePicker.js'
import { InlineText } from '../planning/InlineText.js'
import { formatPercent, labelOf } from '../planning/format.js'
import { plural } from '../../lib/plural.js'
import { ChoiceSelect } from '../planning/Selects.js'
import { CommentCount } from '../../comments/CommentCount.js'

interface Props {
  goal: Goal
  progress: GoalProgress | null
  /** The backlog's status prompts among its features (`useStatusHints`). */
  hints?: Record<StatusHint, number>
  features: readonly Feature[]
  readOnly: boolean
  roadmap: Roadmap
  onOpenFeature(id: FeatureId): void
  /** Just created here: its title takes focus for naming. */
  fresh?: boolean
}

const STATUSES: readonly GoalStatus[] = ['active', 'achieved', 'dropped']
const LIST_LIMIT = 6

export function GoalCard({
  goal,
  progress,
  hints,
  features,
  readOnly,
  roadmap,
  onOpenFeature,
  fresh,
}: Props) {
  const [expanded, setExpanded] = useState(false)
  const byId = new Map(features.map((f) => [f.id as string, f]))
  const linked = (progress?.featureIds ?? [])
    .map((id) => byId.get(id))
    .filter((f): f is Feature => f !== undefined)
  const value = progress?.progress ?? 0
  const unlinked = features.filter((f) => f.status !== 'cancelled' && !f.goalIds.includes(goal.id))
  const link = (featureId: FeatureId): void => {
    const feature = byId.get(featureId)
    if (feature) roadmap.features.update(featureId, { goalIds: [...feature.goalIds, goal.id] })
  }
  const unlink = (feature: Feature): void => {
    roadmap.features.update(feature.id, { goalIds: feature.goalIds.filter((id) => id !== goal.id) })
  }
  return (
    <article
      className="pv-card gl-goal"
      data-testid="goal-card"
      data-goal-id={goal.id}
      aria-label={goal.title}
    >
      <header className="gl-goal__head">
        <Icon name="target" size={18} className="gl-goal__icon" />
        <div className="gl-goal__title">
          <InlineText
            value={goal.title}
            readOnly={readOnly}
            multiline
            autoFocus={fresh}
            label="Goal title"
            onCommit={(title) => roadmap.goals.update(goal.id, { title })}
          />
        </div>
        <CommentCount kind="goals" id={goal.id} openable className="row-comments" />
        {!readOnly && (
          <button
            type="button"
            className="pv-icon-btn pv-icon-btn--danger gl-goal__delete"
            aria-label={`Delete goal ${goal.title}`}
            onClick={() => roadmap.goals.delete(goal.id)}
          >
            <Icon name="trash" size={14} />
          </button>
        )}
      </header>
      <div className="gl-goal__meta">
        {readOnly ? (
          <Badge tone={goal.status === 'achieved' ? 'success' : 'neutral'}>
            {labelOf(goal.status)}
          </Badge>
        ) : (
          <ChoiceSelect
            className="gl-goal__status"
            label={`Status of ${goal.title}`}
            value={goal.status}
            choices={STATUSES}
            labelOf={labelOf}
            onChange={(status) => roadmap.goals.update(goal.id, { status })}
          />
        )}
        {progress?.onTrack === true && (
          <Badge tone="success" dot>
            Indicators on track
          </Badge>
        )}
        {progress?.onTrack === false && (
          <Badge tone="danger" dot>
            Indicators off track
          </Badge>
        )}
      </div>
      <div className="gl-goal__progress">
        <div
          className="pv-progress"
          role="progressbar"
          aria-label={`Progress of ${goal.title}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(value * 100)}
        >
          <div
            className={`pv-progress__fill${value >= 1 ? ' pv-progress__fill--done' : ''}`}
            style={{ width: `${value * 100}%` }}
          />
        </div>
        <span className="gl-goal__pct">{formatPercent(value)}</span>
        <span className="pv-muted gl-goal__count">
          {progress?.doneFeatures ?? 0} of {plural(linked.length, 'feature')} done
          <HintCounts counts={hints} />
          <HowComputed text={PROGRESS_RULE.overall} />
        </span>
      </div>
      <ul className="gl-goal__features">
        {(expanded ? linked : linked.slice(0, LIST_LIMIT)).map((f) => (
          <li key={f.id}>
            <span className={`gl-dot gl-dot--${f.status}`} />
            <button type="button" className="gl-feature-link" onClick={() => onOpenFeature(f.id)}>
              {f.title}
            </button>
            <span className="pv-muted gl-feature-status">{labelOf(f.status)}</span>
            {!readOnly && (
              <button
                type="button"
                className="pv-icon-btn gl-unlink"
                aria-label={`Unlink ${f.title} from ${goal.title}`}
                onClick={() => unlink(f)}
              >
                <Icon name="x" size={12} />
              </button>
            )}
          </li>
        ))}
        {linked.length === 0 && (
          <li className="pv-muted">No features contribute to this goal yet.</li>
        )}
        {linked.length > LIST_LIMIT && (
          <li>
            <button type="button" className="gl-more" onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Show fewer' : `Show ${linked.length - LIST_LIMIT} more`}
            </button>
          </li>
        )}
      </ul>
      {!readOnly && (
        <div className="gl-link-add">
          <FeaturePicker
            options={unlinked}
            label={`Link a feature to ${goal.title}`}
            buttonText="+ Link a feature"
            onPick={link}
          />
        </div>
      )}
    </article>
  )
}

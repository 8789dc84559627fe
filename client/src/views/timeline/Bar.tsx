import { memo } from 'react'
import { PROGRESS_RULE, STATUS_HINT_LABEL, formatDay } from '@meridian/model'
import type { Feature } from '@meridian/model'
import { plural } from '../../lib/plural.js'
import { HEALTH_LABEL, STATUS_LABEL } from '../../ui/Badge.js'
import type { FeatureFacts } from './featureFacts.js'
import { CommentCount } from '../../comments/CommentCount.js'

export interface PeerMark {
  name: string
  color: string
}

export interface BarProps {
  feature: Feature
  x: number
  y: number
  width: number
  laneColor: string
  laneName: string
  facts: FeatureFacts
  selected: boolean
  /** The bar Tab enters the bars at: the selected one, else the first in reading order. */
  tabbable: boolean
  compact: boolean
  labelOutside: boolean
  /** How far the bar starts left of the visible window: its content shifts right to stay readable. */
  clipLeft: number
  editable: boolean
  /** Other people who have this feature selected (outlined in their colour). */
  peers: readonly PeerMark[]
  /** Someone else is dragging this bar right now. */
  draggedBy: PeerMark | null
}

/** One feature bar. Pointer and keyboard handling is delegated to the canvas (data attributes). */
export const Bar = memo(function Bar({
  feature,
  x,
  y,
  width,
  laneColor,
  laneName,
  facts,
  selected,
  tabbable,
  compact,
  labelOutside,
  clipLeft,
  editable,
  peers,
  draggedBy,
}: BarProps) {
  const narrow = labelOutside
  const outline = draggedBy ?? peers[0] ?? null
  const classes = ['bar', `bar--${feature.status}`]
  if (selected) classes.push('bar--selected')
  if (facts.blocked) classes.push('bar--blocked')
  if (facts.late) classes.push('bar--late')
  if (compact) classes.push('bar--compact')
  if (narrow) classes.push('bar--narrow')
  if (outline) classes.push('bar--peer')
  if (draggedBy) classes.push('bar--remote-drag')
  const hint = facts.statusHint ? STATUS_HINT_LABEL[facts.statusHint].prompt : null
  const label = `${feature.title || 'Untitled feature'}, ${STATUS_LABEL[feature.status]}${hint ? ` (${hint})` : ''}, ${HEALTH_LABEL[feature.health]}, ${formatDay(feature.start)} to ${formatDay(feature.end)}, lane ${laneName}${facts.late ? ', late' : ''}${facts.blocked ? ', dependency conflict' : ''}${facts.openRisks ? `, ${plural(facts.openRisks, 'open risk')}` : ''}, ${Math.round(facts.progress * 100)}% done`
  return (
    <div
      className={classes.join(' ')}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-pressed={selected}
      aria-label={label}
      title={`${feature.title || 'Untitled feature'} · ${formatDay(feature.start)} – ${formatDay(feature.end)} · ${STATUS_LABEL[feature.status]}${hint ? ` · ${hint}` : ''} · ${Math.round(facts.progress * 100)}% done\n${PROGRESS_RULE.feature}`}
      data-progress={Math.round(facts.progress * 100)}
      data-feature-id={feature.id}
      data-start={feature.start ?? ''}
      data-end={feature.end ?? ''}
      data-lane-id={feature.laneId}
      style={{
        transform: `translate(${x}px, ${y}px)`,
        width,
        paddingLeft: clipLeft > 0 ? 10 + Math.min(clipLeft, width - 120) : undefined,
        ['--lane' as string]: laneColor,
        ['--peer' as string]: outline?.color,
      }}
    >
      {compact ? null : (
        <>
          <div
            className="bar__progress"
            style={{ width: `${Math.round(facts.progress * 100)}%` }}
          />
          <span
            className={`bar__health bar__health--${feature.health}`}
            title={HEALTH_LABEL[feature.health]}
          />
          <span className="bar__title">{feature.title || 'Untitled feature'}</span>
          {facts.late ? (
            <span className="bar__flag" title={`Late by ${facts.daysLate} days`}>
              Late
            </span>
          ) : null}
          {facts.openRisks > 0 ? (
            <span
              className="bar__risk"
              title={`${facts.openRisks} open risk${facts.openRisks > 1 ? 's' : ''}`}
            >
              <svg width="10" height="10" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M12 3 2 21h20L12 3z" fill="currentColor" />
              </svg>
              {facts.openRisks}
            </span>
          ) : null}
          <CommentCount kind="features" id={feature.id} />
          {editable ? (
            <>
              <span
                className="bar__handle bar__handle--start"
                data-handle="start"
                aria-hidden="true"
              />
              <span className="bar__handle bar__handle--end" data-handle="end" aria-hidden="true" />
            </>
          ) : null}
        </>
      )}
      {outline ? (
        <span className="bar__peer-tag" style={{ background: outline.color }}>
          {draggedBy ? `${draggedBy.name} is moving` : peers.map((p) => p.name).join(', ')}
        </span>
      ) : null}
    </div>
  )
})

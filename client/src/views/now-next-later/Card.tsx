import { memo, useState } from 'react'
import type { DragEvent, KeyboardEvent } from 'react'
import { STATUS_HINT_LABEL, formatDay } from '@meridian/model'
import type { Feature, Lane, StatusHint as Hint } from '@meridian/model'
import { HealthBadge, StatusBadge } from '../../ui/Badge.js'
import { StatusHint } from '../../ui/StatusHint.js'
import { CommentCount } from '../../comments/CommentCount.js'

export interface CardProps {
  feature: Feature
  lane: Lane | undefined
  progress: number
  /** The model's status prompt (`statusHintOf`), as the backlog and timeline show it. */
  statusHint: Hint | null
  openRisks: number
  late: boolean
  selected: boolean
  readOnly: boolean
  peer: { name: string; color: string } | null
  dropBefore: boolean
  onSelect(): void
  onOpen(): void
  onRename(title: string): void
  onKey(e: KeyboardEvent<HTMLElement>): void
  dnd: {
    draggable?: boolean
    onDragStart?(e: DragEvent): void
    onDragOver?(e: DragEvent): void
    onDrop?(e: DragEvent): void
    onDragEnd?(): void
  }
}

export const Card = memo(function Card({
  feature,
  lane,
  progress,
  statusHint,
  openRisks,
  late,
  selected,
  readOnly,
  peer,
  dropBefore,
  onSelect,
  onOpen,
  onRename,
  onKey,
  dnd,
}: CardProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(feature.title)
  const startEdit = () => {
    if (readOnly) return
    setDraft(feature.title)
    setEditing(true)
  }
  const commit = () => {
    setEditing(false)
    const title = draft.trim()
    if (title && title !== feature.title) onRename(title)
  }
  return (
    <li
      className={`card nnl-card${selected ? ' nnl-card--selected' : ''}${dropBefore ? ' nnl-card--drop' : ''}${peer ? ' nnl-card--peer' : ''}`}
      style={{ ['--lane' as string]: lane?.color ?? '#9aa0ad', ['--peer' as string]: peer?.color }}
      tabIndex={0}
      role="button"
      aria-pressed={selected}
      aria-label={`${feature.title}, ${feature.status}${statusHint ? ` (${STATUS_HINT_LABEL[statusHint].prompt})` : ''}`}
      data-feature-id={feature.id}
      onClick={onSelect}
      onDoubleClick={onOpen}
      onKeyDown={(e) => {
        if (editing) return
        if (e.key === 'F2' || (e.key === 'e' && !e.ctrlKey && !e.metaKey)) {
          e.preventDefault()
          startEdit()
          return
        }
        onKey(e)
      }}
      {...(editing ? {} : dnd)}
    >
      {peer ? (
        <span className="nnl-card__peer" style={{ background: peer.color }}>
          {peer.name}
        </span>
      ) : null}
      <div className="nnl-card__top">
        <span className="nnl-card__lane">
          <span className="nnl-card__lane-dot" /> {lane?.name ?? 'No lane'}
        </span>
        {late ? <span className="bar__flag">Late</span> : null}
      </div>
      {editing ? (
        <input
          className="input nnl-card__input"
          aria-label="Feature title"
          value={draft}
          autoFocus
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            e.stopPropagation()
            if (e.key === 'Enter') commit()
            if (e.key === 'Escape') setEditing(false)
          }}
        />
      ) : (
        <h3
          className="nnl-card__title"
          title={readOnly ? undefined : 'Double-click to rename'}
          onDoubleClick={(e) => {
            if (readOnly) return
            e.stopPropagation()
            startEdit()
          }}
        >
          {feature.title || 'Untitled feature'}
        </h3>
      )}
      <div className="nnl-card__badges">
        <StatusBadge status={feature.status} />
        <HealthBadge health={feature.health} />
        <StatusHint hint={statusHint} />
        {openRisks > 0 ? (
          <span className="badge badge--warning">
            ▲ {openRisks} risk{openRisks > 1 ? 's' : ''}
          </span>
        ) : null}
        <CommentCount kind="features" id={feature.id} />
      </div>
      <div className="nnl-card__foot">
        <span className="nnl-card__dates">
          {feature.start || feature.end
            ? `${formatDay(feature.start)} – ${formatDay(feature.end)}`
            : 'No dates'}
        </span>
        <span className="nnl-card__progress" aria-label={`${Math.round(progress * 100)}% done`}>
          <span className="progress nnl-card__bar">
            <span className="progress__fill" style={{ width: `${Math.round(progress * 100)}%` }} />
          </span>
          {Math.round(progress * 100)}%
        </span>
      </div>
    </li>
  )
})

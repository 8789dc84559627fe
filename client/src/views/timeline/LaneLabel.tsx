import { memo, useEffect, useRef, useState } from 'react'
import type { LaneId } from '@meridian/model'
import { Icon } from '../../ui/Icon.js'
import type { LaneLayout } from './layout.js'

export interface LaneLabelProps {
  layout: LaneLayout
  editable: boolean
  count: number
  onToggle(id: LaneId): void
  onRename(id: LaneId, name: string): void
  onMenu(id: LaneId, anchor: DOMRect): void
  onUndated(id: LaneId, anchor: DOMRect): void
  editing: boolean
  onEditing(id: LaneId | null): void
  /** Moves the lane one place up (-1) or down (1): the grip's arrow keys. */
  onMove(id: LaneId, by: -1 | 1): void
}

export const LaneLabel = memo(function LaneLabel({
  layout,
  editable,
  count,
  onToggle,
  onRename,
  onMenu,
  onUndated,
  editing,
  onEditing,
  onMove,
}: LaneLabelProps) {
  const { lane, orphan, collapsed, top, height, unscheduled } = layout
  const [draft, setDraft] = useState(lane.name)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (editing) setDraft(lane.name)
  }, [editing, lane.name])
  // Renaming starts with the whole name selected, so typing replaces it.
  useEffect(() => {
    if (!editing) return
    input.current?.focus()
    input.current?.select()
  }, [editing])
  const commit = () => {
    onEditing(null)
    const name = draft.trim()
    if (name && name !== lane.name) onRename(lane.id, name)
    else setDraft(lane.name)
  }
  return (
    <div
      className={`lane-label${collapsed ? ' lane-label--collapsed' : ''}${orphan ? ' lane-label--orphan' : ''}`}
      style={{ top, height, ['--lane' as string]: lane.color }}
      data-lane-id={lane.id}
      role="group"
      aria-label={`Lane ${lane.name}`}
    >
      {editable && !orphan ? (
        <button
          type="button"
          className="lane-label__grip"
          data-lane-grip={lane.id}
          title="Drag, or use the arrow keys, to reorder"
          aria-label={`Move lane ${lane.name}: arrow up or down`}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return
            e.preventDefault()
            e.stopPropagation()
            onMove(lane.id, e.key === 'ArrowUp' ? -1 : 1)
          }}
        >
          <Icon name="grip" size={14} />
        </button>
      ) : (
        <span className="lane-label__grip-space" />
      )}
      <button
        type="button"
        className="lane-label__toggle"
        aria-expanded={!collapsed}
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} lane ${lane.name}`}
        onClick={() => onToggle(lane.id)}
      >
        <Icon name={collapsed ? 'chevronRight' : 'chevronDown'} size={14} />
      </button>
      <span className="lane-label__chip" aria-hidden="true" />
      <div className="lane-label__text">
        {editing ? (
          <input
            className="input lane-label__input"
            ref={input}
            aria-label="Lane name"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit()
              if (e.key === 'Escape') {
                setDraft(lane.name)
                onEditing(null)
              }
            }}
          />
        ) : (
          <span
            className="lane-label__name"
            title={orphan ? 'Features whose lane was deleted: drag them into a lane' : lane.name}
            onDoubleClick={() => {
              if (editable && !orphan) {
                setDraft(lane.name)
                onEditing(lane.id)
              }
            }}
          >
            {lane.name || 'Untitled lane'}
          </span>
        )}
        <span className="lane-label__meta">
          {count} feature{count === 1 ? '' : 's'}
        </span>
        {unscheduled ? (
          <button
            type="button"
            className="lane-label__undated"
            aria-label={`${unscheduled} undated features in ${lane.name}`}
            onClick={(e) => onUndated(lane.id, e.currentTarget.getBoundingClientRect())}
          >
            {unscheduled} undated
          </button>
        ) : null}
      </div>
      {editable && !orphan ? (
        <button
          type="button"
          className="btn btn--ghost btn--icon btn--sm lane-label__more"
          aria-label={`Lane ${lane.name} options`}
          onClick={(e) => onMenu(lane.id, e.currentTarget.getBoundingClientRect())}
        >
          <Icon name="more" size={14} />
        </button>
      ) : null}
    </div>
  )
})

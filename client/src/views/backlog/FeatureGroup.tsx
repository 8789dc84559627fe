import { memo } from 'react'
import type { KeyboardEvent } from 'react'
import type { BacklogEntry, BacklogItem, Resource } from '@meridian/model'
import type { Role } from '../types.js'
import type { PresenceUser } from '../../sync/presenceTypes.js'
import { Avatar } from '../../ui/Avatar.js'
import { PROGRESS_RULE, formatDayRange } from '@meridian/model'
import { StatusBadge } from '../../ui/Badge.js'
import { StatusHint } from '../../ui/StatusHint.js'
import { Icon } from '../../ui/Icon.js'
import { pick, PERSON_COLORS } from '../../ui/palette.js'
import { formatPercent } from '../planning/format.js'
import { QuickAdd } from '../planning/QuickAdd.js'
import { FlagBadges } from './FlagBadges.js'
import { ItemRow } from './ItemRow.js'
import { RiceCells } from './RiceCells.js'
import type { BacklogActions } from './useBacklogActions.js'
import type { RowHandlers } from './useRowHandlers.js'

interface Props {
  entry: BacklogEntry
  items: BacklogItem[]
  laneColor: string
  role: Role
  readOnly: boolean
  canDrag: boolean
  selected: boolean
  /** Other people who have this feature selected. */
  peers: readonly PresenceUser[]
  collapsed: boolean
  /** The feature or item being dragged, if any. */
  draggingId: string | null
  resources: readonly Resource[]
  actions: BacklogActions
  handlers: RowHandlers
}

/** One backlog entry: the feature's row and its items. Memoized: rows re-render only when they change. */
export const FeatureGroup = memo(function FeatureGroup(props: Props) {
  const { entry, items, role, readOnly, canDrag, draggingId, actions, handlers } = props
  const onKey = (e: KeyboardEvent<HTMLElement>): void => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
    e.preventDefault()
    handlers.moveFeature(entry.featureId, e.key === 'ArrowUp' ? -1 : 1)
  }
  const done = entry.progress >= 1
  const isDragged = draggingId === entry.featureId
  return (
    <section
      className={`bl-feature${props.selected ? ' bl-feature--selected' : ''}${isDragged ? ' bl-feature--dragging' : ''}`}
      data-feature-id={entry.featureId}
      data-testid="backlog-feature"
      aria-label={entry.title}
      style={props.peers.length > 0 ? { ['--peer' as string]: props.peers[0].color } : undefined}
      data-peer={props.peers.length > 0 ? 'true' : undefined}
    >
      {props.peers.length > 0 && (
        <span className="bl-peer-tag" style={{ background: props.peers[0].color }}>
          {props.peers.map((p) => p.name).join(', ')}
        </span>
      )}
      <div className="bl-feature__head">
        {canDrag ? (
          <button
            type="button"
            className="bl-handle"
            aria-label={`Reorder ${entry.title} (Alt+Up/Down)`}
            data-drag-handle="feature"
            onPointerDown={(e) => handlers.startDrag({ kind: 'feature', id: entry.featureId }, e)}
            onKeyDown={onKey}
          >
            <Icon name="grip" size={14} />
          </button>
        ) : (
          <span className="bl-handle-space" />
        )}
        <div className="bl-feature__main">
          <button
            type="button"
            className={`bl-collapse${props.collapsed ? ' bl-collapse--closed' : ''}`}
            aria-expanded={!props.collapsed}
            aria-label={`${props.collapsed ? 'Show' : 'Hide'} items of ${entry.title}`}
            onClick={() => handlers.toggleCollapsed(entry.featureId)}
          >
            <Icon name="chevronDown" size={14} />
          </button>
          <button
            type="button"
            className="bl-feature__title"
            onClick={() => handlers.select(entry.featureId)}
            onKeyDown={onKey}
          >
            {entry.title}
          </button>
          <div className="bl-feature__meta">
            <span className="bl-lane">
              <span className="bl-lane__dot" style={{ background: props.laneColor }} />
              {entry.laneName ?? 'No lane'}
            </span>
            <span className="bl-meta-sep">·</span>
            <span>{formatDayRange(entry.start, entry.end)}</span>
            <StatusBadge status={entry.status} />
            <StatusHint
              hint={entry.statusHint}
              onApply={
                readOnly ? undefined : (status) => actions.setFeatureStatus(entry.featureId, status)
              }
            />
            <FlagBadges entry={entry} />
            {props.collapsed && (
              <span className="bl-collapsed-count">
                {items.length} {items.length === 1 ? 'item' : 'items'}
              </span>
            )}
          </div>
        </div>
        <div
          className="bl-progress"
          title={`${entry.doneEstimate} of ${entry.totalEstimate} pts accepted. How this is computed: ${PROGRESS_RULE.feature}`}
        >
          <div
            className="pv-progress"
            role="progressbar"
            aria-label={`Progress of ${entry.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(entry.progress * 100)}
          >
            <div
              className={`pv-progress__fill${done ? ' pv-progress__fill--done' : ''}`}
              style={{ width: `${entry.progress * 100}%` }}
            />
          </div>
          <span className="bl-progress__label">
            {formatPercent(entry.progress)}
            <span className="pv-muted">
              {' '}
              · {entry.doneEstimate}/{entry.totalEstimate} pts
            </span>
          </span>
        </div>
        <div className="avatar-stack bl-people">
          {entry.assignees.slice(0, 3).map((a) => (
            <Avatar key={a.id} name={a.name ?? '?'} color={pick(PERSON_COLORS, a.id)} size="sm" />
          ))}
          {entry.assignees.length > 3 && (
            <span className="bl-more">+{entry.assignees.length - 3}</span>
          )}
        </div>
        <RiceCells entry={entry} readOnly={readOnly} actions={actions} />
      </div>
      {props.collapsed ? null : (
        <div className="bl-items" data-item-list>
          {items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              featureId={entry.featureId}
              role={role}
              readOnly={readOnly}
              canDrag={canDrag}
              dragging={draggingId === item.id}
              resources={props.resources}
              actions={actions}
              handlers={handlers}
            />
          ))}
          {items.length === 0 && (
            <div className="bl-items__empty">
              No items yet{readOnly ? '' : ' — break the feature down below'}
            </div>
          )}
          {!readOnly && (
            <QuickAdd
              className="bl-add"
              placeholder="Add item…"
              label={`Add item to ${entry.title}`}
              onAdd={(title) => actions.addItem(entry.featureId, title)}
            />
          )}
        </div>
      )}
    </section>
  )
})

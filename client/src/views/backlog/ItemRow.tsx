import { memo } from 'react'
import type { KeyboardEvent } from 'react'
import type { BacklogEntry, BacklogItem, FeatureId, Resource } from '@meridian/model'
import type { Role } from '../types.js'
import { Icon } from '../../ui/Icon.js'
import { InlineNumber } from '../planning/InlineNumber.js'
import { InlineText } from '../planning/InlineText.js'
import { ItemMenu } from './ItemMenu.js'
import { ItemStatusControl } from './ItemStatusControl.js'
import { ReviewLine } from './ReviewLine.js'
import type { BacklogActions } from './useBacklogActions.js'
import type { RowHandlers } from './useRowHandlers.js'
import { ResourceSelect } from '../planning/Selects.js'
import { CommentCount } from '../../comments/CommentCount.js'

interface Props {
  item: BacklogItem
  featureId: FeatureId
  role: Role
  readOnly: boolean
  canDrag: boolean
  dragging: boolean
  resources: readonly Resource[]
  actions: BacklogActions
  handlers: RowHandlers
}

/** One backlog item. Memoized: re-renders only when the item (or its context) changes. */
export const ItemRow = memo(function ItemRow(props: Props) {
  const { item, featureId, role, readOnly, canDrag, dragging, resources, actions, handlers } = props
  const onKey = (e: KeyboardEvent<HTMLElement>): void => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
    e.preventDefault()
    handlers.moveItem(featureId, item.id, e.key === 'ArrowUp' ? -1 : 1)
  }
  return (
    <div
      className={`bl-item${dragging ? ' bl-item--dragging' : ''}${item.status === 'done' ? ' bl-item--done' : ''}`}
      data-item-id={item.id}
      data-testid="backlog-item"
      data-status={item.status}
    >
      {canDrag ? (
        <button
          type="button"
          className="bl-handle"
          aria-label={`Reorder ${item.title} (Alt+Up/Down)`}
          data-drag-handle="item"
          onPointerDown={(e) => handlers.startDrag({ kind: 'item', id: item.id }, e)}
          onKeyDown={onKey}
        >
          <Icon name="grip" size={14} />
        </button>
      ) : (
        <span className="bl-handle-space" />
      )}
      <ItemStatusControl
        item={item}
        role={role}
        readOnly={readOnly}
        onChange={(s) => actions.setStatus(item.id, s)}
      />
      <div className="bl-item__title" onKeyDown={onKey}>
        <div className="row-title-line">
          <InlineText
            value={item.title}
            readOnly={readOnly}
            label="Item title"
            onCommit={(t) => actions.renameItem(item.id, t)}
          />
          <CommentCount kind="items" id={item.id} openable className="row-comments" />
        </div>
        <ReviewLine
          item={item}
          role={role}
          readOnly={readOnly}
          onChange={(st) => actions.setStatus(item.id, st)}
        />
      </div>
      <div className="bl-item__assignee">
        <ResourceSelect
          label={`Assignee of ${item.title}`}
          value={item.assigneeId}
          resources={resources}
          none="Unassigned"
          removed="Unknown (removed)"
          readOnly={readOnly}
          onChange={(id) => actions.assign(item.id, id)}
        />
      </div>
      <div className="bl-item__estimate">
        <InlineNumber
          value={item.estimate}
          readOnly={readOnly}
          min={0}
          label={`Estimate of ${item.title}`}
          onCommit={(v) => actions.estimate(item.id, v)}
        />
        <span className="pv-muted bl-unit">pts</span>
      </div>
      {readOnly ? (
        <span />
      ) : (
        <ItemMenu
          title={item.title}
          currentFeatureId={featureId}
          moveTargets={handlers.moveTargets}
          onMove={(to) => actions.placeItem(item.id, to, lastItemOf(handlers.moveTargets(), to))}
          onCancel={() => actions.cancelItem(item.id)}
        />
      )}
    </div>
  )
})

function lastItemOf(
  features: readonly BacklogEntry[],
  featureId: FeatureId,
): BacklogItem['id'] | null {
  const items = features.find((f) => f.featureId === featureId)?.items ?? []
  return items.length > 0 ? items[items.length - 1].id : null
}

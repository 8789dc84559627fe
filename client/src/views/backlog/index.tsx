import { useLayoutEffect, useRef } from 'react'
import type { ViewProps } from '../types.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ViewHeader } from '../planning/ViewHeader.js'
import { useLocalUser, usePeerSelections } from '../planning/usePresence.js'
import { BacklogToolbar } from './BacklogToolbar.js'
import { DownloadLinks } from './DownloadLinks.js'
import { FeatureGroup } from './FeatureGroup.js'
import { OrphanItems } from './OrphanItems.js'
import { useBacklogActions } from './useBacklogActions.js'
import { useBacklogDrag } from './useBacklogDrag.js'
import { useBacklogView } from './useBacklogView.js'
import { useRowHandlers } from './useRowHandlers.js'
import { useStable } from '../planning/useStable.js'
import { useProgressiveCount } from '../planning/useProgressiveCount.js'
import '../planning/planning.css'
import './backlog.css'
import './backlog-items.css'
import { plural } from '../../lib/plural.js'

const NO_PEERS: never[] = []

export default function BacklogView(props: ViewProps) {
  const { data, today, readOnly, role, roadmap } = props
  const view = useBacklogView(data, today)
  const user = useLocalUser(props.awareness)
  const peerSelections = usePeerSelections(props.awareness)
  const actions = useBacklogActions(roadmap, user.name)
  const listRef = useRef<HTMLDivElement>(null)
  const refocus = useRef<string | null>(null)
  const drag = useBacklogDrag({
    container: listRef,
    onDropFeature: actions.reorderFeature,
    onDropItem: actions.placeItem,
  })
  useLayoutEffect(() => {
    if (!refocus.current) return
    listRef.current?.querySelector<HTMLElement>(refocus.current)?.focus()
    refocus.current = null
  })
  const canDrag = !readOnly && view.sort === 'rank'
  const laneColor = new Map(data.lanes.map((l) => [l.id as string, l.color]))
  const entries = view.entries
  const resources = useStable(data.resources)
  const shown = useProgressiveCount(view.rows.length)
  const handlers = useRowHandlers({
    rowsRef: view.rowsRef,
    entries,
    actions,
    selectFeature: props.selectFeature,
    toggleCollapsed: view.toggleCollapsed,
    startDrag: drag.startDrag,
    refocus,
  })
  const itemCount = entries.reduce((n, e) => n + e.items.length, 0)
  const accepted = entries.reduce(
    (n, e) => n + e.items.filter((i) => i.status === 'done').length,
    0,
  )

  return (
    <div className="pv bl" data-testid="backlog-view">
      <div className="pv__inner">
        <ViewHeader
          title="Backlog"
          view="backlog"
          awareness={props.awareness}
          readOnly={readOnly}
          subtitle={`${plural(entries.length, 'feature')} · ${plural(itemCount, 'item')} · ${accepted} accepted`}
        >
          <DownloadLinks
            roadmapId={props.roadmapId}
            token={props.token}
            title={data.meta.title}
            today={props.today}
          />
        </ViewHeader>
        <BacklogToolbar
          lanes={data.lanes}
          goals={data.goals}
          resources={data.resources}
          filters={view.filters}
          filtered={view.filtered}
          sort={view.sort}
          onFilters={view.patchFilters}
          onClear={view.clearFilters}
          onSort={view.setSort}
          allCollapsed={view.allCollapsed}
          onCollapseAll={view.setAllCollapsed}
        />
        {!readOnly && view.sort === 'rice' && (
          <p className="bl-hint pv-muted">
            Sorted by RICE score. Switch to backlog order to drag and reorder.
          </p>
        )}
        <div className="bl-columns" aria-hidden="true">
          <span />
          <span className="bl-col-feature">Feature</span>
          <span>Progress</span>
          <span className="bl-col-people">People</span>
          <span className="bl-col-num bl-col-rice" title="Reach: people or events per period">
            Reach
          </span>
          <span className="bl-col-num bl-col-rice" title="Impact: 0.25 minimal … 3 massive">
            Impact
          </span>
          <span className="bl-col-num bl-col-rice" title="Confidence, %">
            Conf.
          </span>
          <span className="bl-col-num bl-col-rice" title="Effort: person-months">
            Effort
          </span>
          <span className="bl-col-num">RICE</span>
        </div>
        <div className={`bl-list${drag.subject ? ' bl-list--dragging' : ''}`} ref={listRef}>
          {view.rows.slice(0, shown).map(({ entry, items }) => (
            <FeatureGroup
              key={entry.featureId}
              entry={entry}
              items={items}
              laneColor={laneColor.get(entry.laneId) ?? 'var(--text-3)'}
              role={role}
              readOnly={readOnly}
              canDrag={canDrag}
              selected={props.selectedFeatureId === entry.featureId}
              peers={peerSelections.get(entry.featureId) ?? NO_PEERS}
              collapsed={view.isCollapsed(entry.featureId)}
              draggingId={drag.subject?.id ?? null}
              resources={resources}
              actions={actions}
              handlers={handlers}
            />
          ))}
          {drag.target && (
            <div
              className="bl-drop-indicator"
              style={{ top: drag.target.top, left: drag.target.left, width: drag.target.width }}
              data-testid="drop-indicator"
            />
          )}
          {view.rows.length === 0 && (
            <EmptyState
              icon="layers"
              title={view.filtered ? 'Nothing matches these filters' : 'The backlog is empty'}
            >
              {view.filtered
                ? 'Clear a filter to see more of the backlog.'
                : 'Features on the roadmap show up here with their items.'}
            </EmptyState>
          )}
        </div>
        <OrphanItems backlog={view.backlog} readOnly={readOnly} actions={actions} />
      </div>
    </div>
  )
}

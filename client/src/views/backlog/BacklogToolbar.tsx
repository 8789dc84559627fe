import type { Goal, Lane, Resource } from '@meridian/model'
import { ITEM_FLOW, ITEM_STATUS_LABEL } from './itemStatus.js'
import type { BacklogFilters, BacklogSort } from './useBacklogView.js'

interface Props {
  lanes: readonly Lane[]
  goals: readonly Goal[]
  resources: readonly Resource[]
  filters: BacklogFilters
  filtered: boolean
  sort: BacklogSort
  onFilters(patch: Partial<BacklogFilters>): void
  onClear(): void
  onSort(sort: BacklogSort): void
  allCollapsed: boolean
  onCollapseAll(collapsed: boolean): void
}

export function BacklogToolbar({
  lanes,
  goals,
  resources,
  filters,
  filtered,
  sort,
  onFilters,
  onClear,
  onSort,
  allCollapsed,
  onCollapseAll,
}: Props) {
  return (
    <div className="pv-toolbar" role="toolbar" aria-label="Backlog filters">
      <select
        className="select"
        aria-label="Filter by lane"
        value={filters.laneId}
        onChange={(e) => onFilters({ laneId: e.target.value })}
      >
        <option value="">All lanes</option>
        {lanes.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Filter by goal"
        value={filters.goalId}
        onChange={(e) => onFilters({ goalId: e.target.value })}
      >
        <option value="">All goals</option>
        {goals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Filter by assignee"
        value={filters.assigneeId}
        onChange={(e) => onFilters({ assigneeId: e.target.value })}
      >
        <option value="">Anyone</option>
        {resources.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Filter by status"
        value={filters.status}
        onChange={(e) => onFilters({ status: e.target.value as BacklogFilters['status'] })}
      >
        <option value="">Any status</option>
        {ITEM_FLOW.map((s) => (
          <option key={s} value={s}>
            {ITEM_STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--sm pv-toggle"
        aria-pressed={filters.hideDone}
        onClick={() => onFilters({ hideDone: !filters.hideDone })}
      >
        Hide done
      </button>
      {filtered && (
        <button type="button" className="btn btn--ghost btn--sm" onClick={onClear}>
          Clear filters
        </button>
      )}
      <span className="pv-toolbar__spacer" />
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        onClick={() => onCollapseAll(!allCollapsed)}
      >
        {allCollapsed ? 'Expand all' : 'Collapse all'}
      </button>
      {/* The label and its control wrap together in a narrow window. */}
      <div className="bl-sort">
        <span className="bl-sort-label pv-muted">Sort</span>
        <div className="segmented" role="group" aria-label="Sort backlog">
          <button type="button" aria-pressed={sort === 'rank'} onClick={() => onSort('rank')}>
            Backlog order
          </button>
          <button type="button" aria-pressed={sort === 'rice'} onClick={() => onSort('rice')}>
            RICE score
          </button>
        </div>
      </div>
    </div>
  )
}

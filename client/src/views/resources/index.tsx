import type { ViewProps } from '../types.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ViewHeader } from '../planning/ViewHeader.js'
import { AddResource } from './AddResource.js'
import { LoadChart } from './LoadChart.js'
import { ResourceRow } from './ResourceRow.js'
import { useResources } from './useResources.js'
import '../planning/planning.css'
import './resources.css'
import { plural } from '../../lib/plural.js'

export default function ResourcesView(props: ViewProps) {
  const { data, today, readOnly, roadmap } = props
  const load = useResources(data, today)
  const titles = new Map(data.features.map((f) => [f.id as string, f.title]))
  const overloadedPeople = new Set(load.overloaded.map((o) => o.resourceId)).size
  return (
    <div className="pv rs" data-testid="resources-view">
      <div className="pv__inner">
        <ViewHeader
          title="Resources"
          view="resources"
          awareness={props.awareness}
          readOnly={readOnly}
          subtitle={`${plural(data.resources.length, 'resource')} · ${overloadedPeople} over capacity in at least one week`}
        />
        <section className="pv-card" aria-label="Resource list">
          <table className="pv-table rs-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Role</th>
                <th className="pv-num-cell">Capacity / week</th>
                <th className="pv-num-cell">Peak load</th>
                <th>Load</th>
                {!readOnly && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {data.resources.map((r) => (
                <ResourceRow
                  key={r.id}
                  resource={r}
                  row={load.row(r.id)}
                  readOnly={readOnly}
                  roadmap={roadmap}
                />
              ))}
            </tbody>
          </table>
          {data.resources.length === 0 && (
            <EmptyState icon="users" title="No resources yet">
              People, teams, budgets and tools the plan relies on.
            </EmptyState>
          )}
          {!readOnly && <AddResource onAdd={(input) => roadmap.resources.create(input)} />}
        </section>
        <section className="pv-card pv-card__pad" aria-label="Load per week">
          <div className="pv-section-head">
            <h2 className="pv-section-title">Load per week</h2>
            <span className="rs-legend pv-muted">
              <span className="rs-bar rs-bar--legend" /> within capacity
              <span className="rs-bar rs-bar--legend rs-bar--over" /> over capacity
              <span className="rs-capline-legend" /> capacity
            </span>
          </div>
          <LoadChart
            axis={load.axis}
            rows={data.resources.map((r) => ({ id: r.id, name: r.name, row: load.row(r.id) }))}
            today={today}
            titleOf={(id) => titles.get(id) ?? 'Deleted feature'}
          />
        </section>
      </div>
    </div>
  )
}

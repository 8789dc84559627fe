import type { Backlog, FeatureId } from '@meridian/model'
import { ITEM_STATUS_LABEL } from './itemStatus.js'
import type { BacklogActions } from './useBacklogActions.js'

interface Props {
  backlog: Backlog
  readOnly: boolean
  actions: BacklogActions
}

/** Items whose feature was deleted (possibly by someone else, concurrently): re-home them. */
export function OrphanItems({ backlog, readOnly, actions }: Props) {
  if (backlog.orphanItems.length === 0) return null
  return (
    <section className="bl-orphans" aria-label="Items without a feature" data-testid="orphan-items">
      <h2 className="bl-orphans__title">
        {backlog.orphanItems.length} {backlog.orphanItems.length === 1 ? 'item has' : 'items have'}{' '}
        no feature
      </h2>
      <p className="bl-orphans__hint">
        Their feature was deleted.{' '}
        {readOnly ? '' : 'Move each to a feature to keep it in the plan.'}
      </p>
      <ul>
        {backlog.orphanItems.map((item) => (
          <li key={item.id}>
            <span>{item.title}</span>
            <span className="pv-muted">{ITEM_STATUS_LABEL[item.status]}</span>
            {!readOnly && (
              <select
                className="select pv-mini-select"
                aria-label={`Move ${item.title} to a feature`}
                value=""
                onChange={(e) =>
                  e.target.value && actions.placeItem(item.id, e.target.value as FeatureId, null)
                }
              >
                <option value="">Move to…</option>
                {backlog.entries.map((entry) => (
                  <option key={entry.featureId} value={entry.featureId}>
                    {entry.title}
                  </option>
                ))}
              </select>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

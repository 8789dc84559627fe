import type { Feature, FeatureId } from '@meridian/model'
import { Icon } from '../../ui/Icon.js'
import { FeaturePicker } from '../planning/FeaturePicker.js'

interface Props {
  ids: readonly FeatureId[]
  features: readonly Feature[]
  readOnly: boolean
  riskTitle: string
  onChange(ids: FeatureId[]): void
  onOpen(id: FeatureId): void
}

/** Linked features as chips; a missing feature stays visible (dangling) and can be unlinked. */
export function FeatureLinks({ ids, features, readOnly, riskTitle, onChange, onOpen }: Props) {
  const byId = new Map(features.map((f) => [f.id as string, f]))
  const unlinked = features.filter((f) => !ids.includes(f.id))
  return (
    <div className="pv-chip-list">
      {ids.map((id) => {
        const feature = byId.get(id)
        return (
          <span key={id} className={`rk-link${feature ? '' : ' rk-link--missing'}`}>
            <button
              type="button"
              className="rk-link__name"
              onClick={() => feature && onOpen(id)}
              title={feature ? 'Show on the roadmap' : 'This feature was deleted'}
            >
              {feature?.title ?? 'Deleted feature'}
            </button>
            {!readOnly && (
              <button
                type="button"
                className="rk-link__x"
                aria-label={`Unlink ${feature?.title ?? id} from ${riskTitle}`}
                onClick={() => onChange(ids.filter((x) => x !== id))}
              >
                <Icon name="x" size={11} strokeWidth={2.2} />
              </button>
            )}
          </span>
        )
      })}
      {ids.length === 0 && readOnly && <span className="pv-muted">—</span>}
      {!readOnly && (
        <FeaturePicker
          options={unlinked}
          label={`Link a feature to ${riskTitle}`}
          onPick={(id) => onChange([...ids, id])}
        />
      )}
    </div>
  )
}

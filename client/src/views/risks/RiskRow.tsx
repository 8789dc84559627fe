import type {
  Feature,
  FeatureId,
  ReportRisk,
  Resource,
  Risk,
  RiskStatus,
  Roadmap,
} from '@meridian/model'
import { Icon } from '../../ui/Icon.js'
import { InlineText } from '../planning/InlineText.js'
import { labelOf } from '../planning/format.js'
import { FeatureLinks } from './FeatureLinks.js'
import { SCALE } from './useRisks.js'

interface Props {
  risk: Risk
  scored: ReportRisk | null
  resources: readonly Resource[]
  features: readonly Feature[]
  readOnly: boolean
  roadmap: Roadmap
  onOpenFeature(id: FeatureId): void
}

const STATUSES: readonly RiskStatus[] = ['open', 'mitigating', 'closed']

export function RiskRow({
  risk,
  scored,
  resources,
  features,
  readOnly,
  roadmap,
  onOpenFeature,
}: Props) {
  const update = (patch: Parameters<Roadmap['risks']['update']>[1]): void => {
    roadmap.risks.update(risk.id, patch)
  }
  const owner = resources.find((r) => r.id === risk.ownerId)
  return (
    <tr
      data-testid="risk-row"
      data-title={risk.title}
      data-risk-id={risk.id}
      className={risk.status === 'closed' ? 'rk-row--closed' : ''}
    >
      <td>
        {scored ? (
          <span
            className={`rk-score rk-cell--${scored.severity}`}
            title={`${labelOf(scored.severity)}: likelihood ${scored.likelihood} × impact ${scored.impact}`}
          >
            {scored.score}
          </span>
        ) : (
          <span className="rk-score rk-score--closed">—</span>
        )}
      </td>
      <td className="rk-title">
        <InlineText
          value={risk.title}
          readOnly={readOnly}
          multiline
          label="Risk title"
          onCommit={(title) => update({ title })}
        />
      </td>
      {(['likelihood', 'impact'] as const).map((field) => (
        <td key={field} className="pv-num-cell">
          {readOnly ? (
            <span className="pv-num">{risk[field]}</span>
          ) : (
            <select
              className="select pv-mini-select"
              aria-label={`${labelOf(field)} of ${risk.title}`}
              value={risk[field]}
              onChange={(e) => update({ [field]: Number(e.target.value) })}
            >
              {SCALE.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </td>
      ))}
      <td className="rk-owner">
        {readOnly ? (
          <span className={owner ? '' : 'pv-muted'}>
            {owner?.name ?? (risk.ownerId ? 'Removed resource' : 'No owner')}
          </span>
        ) : (
          <select
            className="select pv-mini-select"
            aria-label={`Owner of ${risk.title}`}
            value={risk.ownerId ?? ''}
            onChange={(e) => update({ ownerId: (e.target.value || null) as Risk['ownerId'] })}
          >
            <option value="">No owner</option>
            {risk.ownerId && !owner && <option value={risk.ownerId}>Removed resource</option>}
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="rk-mitigation">
        <InlineText
          value={risk.mitigation}
          readOnly={readOnly}
          multiline
          label={`Mitigation of ${risk.title}`}
          placeholder="No mitigation yet"
          onCommit={(mitigation) => update({ mitigation })}
        />
      </td>
      <td>
        {readOnly ? (
          <span className={`rk-status rk-status--${risk.status}`}>{labelOf(risk.status)}</span>
        ) : (
          <select
            className={`select pv-mini-select rk-status rk-status--${risk.status}`}
            aria-label={`Status of ${risk.title}`}
            value={risk.status}
            onChange={(e) => update({ status: e.target.value as RiskStatus })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {labelOf(s)}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="rk-features">
        <FeatureLinks
          ids={risk.featureIds}
          features={features}
          readOnly={readOnly}
          riskTitle={risk.title}
          onChange={(featureIds) => update({ featureIds })}
          onOpen={onOpenFeature}
        />
      </td>
      {!readOnly && (
        <td>
          <button
            type="button"
            className="pv-icon-btn pv-icon-btn--danger"
            aria-label={`Delete risk ${risk.title}`}
            onClick={() => roadmap.risks.delete(risk.id)}
          >
            <Icon name="trash" size={14} />
          </button>
        </td>
      )}
    </tr>
  )
}

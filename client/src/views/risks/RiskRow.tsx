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
import { ChoiceSelect, ResourceSelect } from '../planning/Selects.js'
import { CommentCount } from '../../comments/CommentCount.js'

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
        <div className="row-title-line">
          <InlineText
            value={risk.title}
            readOnly={readOnly}
            multiline
            label="Risk title"
            onCommit={(title) => update({ title })}
          />
          <CommentCount kind="risks" id={risk.id} openable className="row-comments" />
        </div>
      </td>
      {(['likelihood', 'impact'] as const).map((field) => (
        <td key={field} className="pv-num-cell">
          <ChoiceSelect
            className="pv-num"
            label={`${labelOf(field)} of ${risk.title}`}
            value={risk[field]}
            choices={SCALE}
            labelOf={String}
            readOnly={readOnly}
            onChange={(n) => update({ [field]: n })}
          />
        </td>
      ))}
      <td className="rk-owner">
        <ResourceSelect
          label={`Owner of ${risk.title}`}
          value={risk.ownerId}
          resources={resources}
          none="No owner"
          removed="Removed resource"
          readOnly={readOnly}
          onChange={(ownerId) => update({ ownerId })}
        />
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
        <ChoiceSelect
          className={`rk-status rk-status--${risk.status}`}
          label={`Status of ${risk.title}`}
          value={risk.status}
          choices={STATUSES}
          labelOf={labelOf}
          readOnly={readOnly}
          onChange={(status) => update({ status })}
        />
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

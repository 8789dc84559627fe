import type { ReactNode } from 'react'
import type {
  Feature,
  FeatureId,
  FeatureStatus,
  GoalId,
  Health,
  LaneId,
  ResourceId,
} from '@meridian/model'
import { FEATURE_STATUS, HEALTH, formatDayRange } from '@meridian/model'
import type { ShellViewProps } from '../views/shellViewProps.js'
import { HEALTH_LABEL, STATUS_LABEL } from '../ui/Badge.js'
import { Select } from '../ui/Field.js'
import { ChipPicker } from './ChipPicker.js'
import { FeatureDates } from './FeatureDates.js'
import { CommitInput, numberOrNull } from './CommitInput.js'
import type { usePanelFields } from './usePanelFields.js'

type Fields = ReturnType<typeof usePanelFields>

function Row({ label, id, children }: { label: string; id?: string; children: ReactNode }) {
  return (
    <div className="prop">
      {id ? (
        <label className="prop__label" htmlFor={id}>
          {label}
        </label>
      ) : (
        <span className="prop__label">{label}</span>
      )}
      <div className="prop__value">{children}</div>
    </div>
  )
}

export function FeatureFields({
  feature,
  viewProps,
  fields,
}: {
  feature: Feature
  viewProps: ShellViewProps
  fields: Fields
}) {
  const { roadmap, readOnly, data } = viewProps
  const update = (patch: Parameters<typeof roadmap.features.update>[1]) =>
    roadmap.features.update(feature.id, patch)
  const num = (key: 'estimate' | 'reach' | 'impact' | 'confidence' | 'effort', label: string) => (
    <div className="rice__cell">
      <label className="prop__label" htmlFor={`f-${key}`}>
        {label}
      </label>
      {readOnly ? (
        <span className="prop__static" id={`f-${key}`}>
          {feature[key] ?? '—'}
        </span>
      ) : (
        <CommitInput
          id={`f-${key}`}
          type="number"
          inputMode="decimal"
          className="input input--num"
          value={feature[key] === null ? '' : String(feature[key])}
          onCommit={(v) => update({ [key]: numberOrNull(v) })}
        />
      )}
    </div>
  )
  return (
    <section className="panel__section props" aria-label="Feature properties">
      <Row label="Lane" id="f-lane">
        {readOnly ? (
          <span className="prop__static">
            {data.lanes.find((l) => l.id === feature.laneId)?.name ?? 'No lane'}
          </span>
        ) : (
          <Select
            id="f-lane"
            value={feature.laneId}
            onChange={(e) =>
              roadmap.features.move(feature.id, { laneId: e.target.value as LaneId })
            }
          >
            {data.lanes.some((l) => l.id === feature.laneId) ? null : (
              <option value={feature.laneId}>Missing lane</option>
            )}
            {data.lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        )}
      </Row>
      <Row label="Dates" id="f-start">
        {readOnly ? (
          <span className="prop__static">
            {formatDayRange(feature.start, feature.end, { long: true })}
          </span>
        ) : (
          <FeatureDates feature={feature} roadmap={roadmap} />
        )}
      </Row>
      <Row label="Status" id="f-status">
        {readOnly ? (
          <span className="prop__static">{STATUS_LABEL[feature.status]}</span>
        ) : (
          <Select
            id="f-status"
            value={feature.status}
            onChange={(e) => update({ status: e.target.value as FeatureStatus })}
          >
            {Object.values(FEATURE_STATUS).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </Select>
        )}
      </Row>
      <Row label="Health">
        <div className="segmented health-seg" role="group" aria-label="Health">
          {Object.values(HEALTH).map((h) => (
            <button
              key={h}
              type="button"
              aria-pressed={feature.health === h}
              disabled={readOnly && feature.health !== h}
              onClick={readOnly ? undefined : () => update({ health: h as Health })}
            >
              <span className={`bar__health bar__health--${h}`} /> {HEALTH_LABEL[h]}
            </button>
          ))}
        </div>
      </Row>
      <Row label="Goals">
        <ChipPicker
          label="Goals"
          options={fields.goals}
          value={feature.goalIds}
          readOnly={readOnly}
          empty="No goals"
          onChange={(ids) => update({ goalIds: ids as GoalId[] })}
        />
      </Row>
      <Row label="Resources">
        <ChipPicker
          label="Resources"
          options={fields.resources}
          value={feature.resourceIds}
          readOnly={readOnly}
          empty="Nobody assigned"
          onChange={(ids) => update({ resourceIds: ids as ResourceId[] })}
        />
      </Row>
      <Row label="Depends on">
        <ChipPicker
          label="Dependencies"
          options={fields.dependencies}
          value={feature.dependsOn}
          readOnly={readOnly}
          empty="No dependencies"
          onChange={(ids) => update({ dependsOn: ids as FeatureId[] })}
        />
      </Row>
      {fields.dependents.length > 0 ? (
        <Row label="Blocks">
          <span className="prop__static">{fields.dependents.map((f) => f.title).join(', ')}</span>
        </Row>
      ) : null}
      <div className="rice" role="group" aria-label="Estimate and RICE">
        {num('estimate', 'Estimate')}
        {num('reach', 'Reach')}
        {num('impact', 'Impact')}
        {num('confidence', 'Confidence')}
        {num('effort', 'Effort')}
        <div className="rice__cell rice__score">
          <span className="prop__label">RICE score</span>
          <span className="rice__value" aria-live="polite">
            {fields.rice.score ?? '—'}
          </span>
        </div>
      </div>
    </section>
  )
}

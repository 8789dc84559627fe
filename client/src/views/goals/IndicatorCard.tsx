import { formatDayLong } from '@meridian/model'
import type {
  Direction,
  Goal,
  Indicator,
  IndicatorProgress,
  IsoDate,
  Roadmap,
} from '@meridian/model'
import { Badge } from '../../ui/Badge.js'
import { Icon } from '../../ui/Icon.js'
import { InlineNumber } from '../planning/InlineNumber.js'
import { InlineText } from '../planning/InlineText.js'
import { formatNumber } from '../planning/format.js'
import { RecordValue } from './RecordValue.js'
import { Sparkline } from './Sparkline.js'

interface Props {
  indicator: Indicator
  progress: IndicatorProgress | null
  goals: readonly Goal[]
  readOnly: boolean
  roadmap: Roadmap
  today: IsoDate
}

export function IndicatorCard({ indicator, progress, goals, readOnly, roadmap, today }: Props) {
  const onTrack = progress?.onTrack ?? null
  const last = indicator.history[indicator.history.length - 1]
  const goal = goals.find((g) => g.id === indicator.goalId)
  // Symbols (%, $) sit beside baseline and target; word units only by the current value.
  const shortUnit = indicator.unit.length <= 2 ? indicator.unit : undefined
  const update = (patch: Parameters<Roadmap['indicators']['update']>[1]): void => {
    roadmap.indicators.update(indicator.id, patch)
  }
  return (
    <article
      className="pv-card gl-kpi"
      data-testid="indicator-card"
      data-indicator-id={indicator.id}
      aria-label={indicator.name}
    >
      <header className="gl-kpi__head">
        <div className="gl-kpi__name">
          <InlineText
            value={indicator.name}
            readOnly={readOnly}
            label="Indicator name"
            onCommit={(name) => update({ name })}
          />
          {readOnly ? (
            <span className="gl-kpi__sub pv-muted">
              {indicator.direction === 'increase' ? '↑ Higher is better' : '↓ Lower is better'}
              {goal && <> · {goal.title}</>}
            </span>
          ) : (
            <span className="gl-kpi__sub gl-kpi__sub--edit">
              <select
                className="select pv-mini-select"
                aria-label={`Direction of ${indicator.name}`}
                value={indicator.direction}
                onChange={(e) => update({ direction: e.target.value as Direction })}
              >
                <option value="increase">↑ Higher is better</option>
                <option value="decrease">↓ Lower is better</option>
              </select>
              <select
                className="select pv-mini-select"
                aria-label={`Goal of ${indicator.name}`}
                value={indicator.goalId ?? ''}
                onChange={(e) =>
                  update({ goalId: (e.target.value || null) as Indicator['goalId'] })
                }
              >
                <option value="">No goal</option>
                {goals.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.title}
                  </option>
                ))}
              </select>
            </span>
          )}
        </div>
        {progress?.verdict === 'no-data' ? (
          <Badge title="No value recorded yet">No data</Badge>
        ) : onTrack === null ? (
          <Badge title="Needs a baseline, a target and the roadmap horizon">No verdict</Badge>
        ) : onTrack ? (
          <Badge tone="success" dot>
            On track
          </Badge>
        ) : (
          <Badge tone="danger" dot>
            Off track
          </Badge>
        )}
      </header>
      <div className="gl-kpi__values">
        <div className="gl-kpi__value">
          <span className="gl-kpi__label">Baseline</span>
          <InlineNumber
            value={indicator.baseline}
            readOnly={readOnly}
            label={`Baseline of ${indicator.name}`}
            suffix={shortUnit}
            onCommit={(baseline) => update({ baseline })}
          />
        </div>
        <Icon name="arrowRight" size={14} className="gl-kpi__arrow" />
        <div className="gl-kpi__value gl-kpi__value--current">
          <span className="gl-kpi__label">Current</span>
          <span className="gl-kpi__current" data-testid="indicator-current">
            {formatNumber(progress?.current ?? indicator.current)}
            {indicator.unit && <span className="gl-kpi__unit">{indicator.unit}</span>}
          </span>
        </div>
        <Icon name="arrowRight" size={14} className="gl-kpi__arrow" />
        <div className="gl-kpi__value">
          <span className="gl-kpi__label">Target</span>
          <InlineNumber
            value={indicator.target}
            readOnly={readOnly}
            label={`Target of ${indicator.name}`}
            suffix={shortUnit}
            onCommit={(target) => update({ target })}
          />
        </div>
      </div>
      <Sparkline
        history={indicator.history}
        target={indicator.target}
        good={onTrack}
        label={indicator.name}
        width={300}
        height={64}
      />
      <div className="pv-progress gl-kpi__bar" title="Progress from baseline to target">
        <div
          className={`pv-progress__fill${onTrack === false ? ' gl-fill--off' : ' pv-progress__fill--done'}`}
          style={{ width: `${(progress?.progressToTarget ?? 0) * 100}%` }}
        />
        {progress?.expectedProgress != null && (
          <span
            className="gl-kpi__expected"
            style={{ left: `${progress.expectedProgress * 100}%` }}
            title="Where a straight line to the target would be today"
          />
        )}
      </div>
      <footer className="gl-kpi__foot">
        <span className="pv-muted">
          {last ? `Last recorded ${formatDayLong(last.date)}` : 'No values recorded yet'}
          {progress?.progressToTarget != null &&
            ` · ${Math.round(progress.progressToTarget * 100)}% of the way`}
        </span>
        {!readOnly && (
          <span className="gl-kpi__actions">
            <RecordValue
              name={indicator.name}
              unit={indicator.unit}
              today={today}
              onRecord={(date, value) => roadmap.indicators.record(indicator.id, { date, value })}
            />
            <button
              type="button"
              className="pv-icon-btn pv-icon-btn--danger"
              aria-label={`Delete indicator ${indicator.name}`}
              onClick={() => roadmap.indicators.delete(indicator.id)}
            >
              <Icon name="trash" size={14} />
            </button>
          </span>
        )}
      </footer>
    </article>
  )
}

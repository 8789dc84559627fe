import { riskSeverity } from '@meridian/model'
import { SCALE } from './useRisks.js'
import type { Cell } from './useRisks.js'

interface Props {
  count(likelihood: number, impact: number): number
  selected: Cell | null
  total: number
  onSelect(cell: Cell): void
}

const LIKELIHOOD = ['', 'Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']
const IMPACT = ['', 'Minimal', 'Minor', 'Moderate', 'Major', 'Severe']

/** 5 × 5 likelihood × impact matrix of open and mitigating risks; a cell filters the register. */
export function HeatMap({ count, selected, total, onSelect }: Props) {
  return (
    <div className="rk-heat">
      <div className="rk-heat__grid" role="grid" aria-label="Risk heat map: likelihood by impact">
        <div className="rk-heat__ylabel">Likelihood</div>
        {[...SCALE].reverse().map((likelihood) => (
          <div className="rk-heat__row" role="row" key={likelihood}>
            <div className="rk-heat__axis" title={LIKELIHOOD[likelihood]}>
              {likelihood}
            </div>
            {SCALE.map((impact) => {
              const n = count(likelihood, impact)
              const isSelected = selected?.likelihood === likelihood && selected.impact === impact
              return (
                <button
                  type="button"
                  role="gridcell"
                  key={impact}
                  className={`rk-cell rk-cell--${riskSeverity(likelihood * impact)}${n === 0 ? ' rk-cell--empty' : ''}${isSelected ? ' rk-cell--selected' : ''}`}
                  aria-pressed={isSelected}
                  aria-label={`Likelihood ${likelihood}, impact ${impact}: ${n} ${n === 1 ? 'risk' : 'risks'}`}
                  data-testid={`heat-cell-${likelihood}-${impact}`}
                  data-count={n}
                  onClick={() => onSelect({ likelihood, impact })}
                >
                  {n > 0 ? n : ''}
                </button>
              )
            })}
          </div>
        ))}
        <div className="rk-heat__row rk-heat__row--axis">
          <div className="rk-heat__axis" />
          {SCALE.map((impact) => (
            <div className="rk-heat__axis" key={impact} title={IMPACT[impact]}>
              {impact}
            </div>
          ))}
        </div>
        <div className="rk-heat__xlabel">Impact</div>
      </div>
      <div className="rk-heat__side">
        <p className="rk-heat__note pv-muted">
          Counts {total} open and mitigating {total === 1 ? 'risk' : 'risks'}; closed risks are not
          counted. Click a cell to filter the register.
        </p>
        <ul className="rk-legend" aria-label="Severity">
          <li>
            <span className="rk-swatch rk-cell--critical" />
            Critical 16–25
          </li>
          <li>
            <span className="rk-swatch rk-cell--high" />
            High 10–15
          </li>
          <li>
            <span className="rk-swatch rk-cell--medium" />
            Medium 5–9
          </li>
          <li>
            <span className="rk-swatch rk-cell--low" />
            Low 1–4
          </li>
        </ul>
      </div>
    </div>
  )
}

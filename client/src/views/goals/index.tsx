import { useState } from 'react'
import type { ViewProps } from '../types.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { Icon } from '../../ui/Icon.js'
import { ViewHeader } from '../planning/ViewHeader.js'
import { AddIndicator } from './AddIndicator.js'
import { GoalCard } from './GoalCard.js'
import { IndicatorCard } from './IndicatorCard.js'
import { useGoals } from './useGoals.js'
import '../planning/planning.css'
import './goals.css'
import { plural } from '../../lib/plural.js'

export default function GoalsView(props: ViewProps) {
  const { data, today, readOnly, roadmap } = props
  const goals = useGoals(data, today)
  const [addingIndicator, setAddingIndicator] = useState(false)
  const [freshGoal, setFreshGoal] = useState<string | null>(null)
  const onTrack = goals.report.indicators.filter((i) => i.onTrack === true).length
  return (
    <div className="pv gl" data-testid="goals-view">
      <div className="pv__inner">
        <ViewHeader
          title="Goals & key indicators"
          view="goals"
          awareness={props.awareness}
          readOnly={readOnly}
          subtitle={`${plural(data.goals.length, 'goal')} · ${onTrack} of ${plural(data.indicators.length, 'indicator')} on track`}
        >
          {!readOnly && (
            <button
              type="button"
              className="btn"
              onClick={() => setFreshGoal(roadmap.goals.create({ title: 'New goal' }))}
            >
              <Icon name="plus" size={14} />
              Goal
            </button>
          )}
        </ViewHeader>
        <section aria-label="Goals">
          <div className="pv-grid gl-goals">
            {data.goals.map((goal) => (
              <GoalCard
                key={goal.id}
                goal={goal}
                progress={goals.goalProgress(goal.id)}
                hints={goals.goalHints(goal.id)}
                features={data.features}
                readOnly={readOnly}
                roadmap={roadmap}
                onOpenFeature={props.selectFeature}
                fresh={goal.id === freshGoal}
              />
            ))}
          </div>
          {data.goals.length === 0 && (
            <EmptyState icon="target" title="No goals yet">
              Goals say why the roadmap exists; link features to them to track progress.
            </EmptyState>
          )}
        </section>
        <section aria-label="Key indicators">
          <div className="pv-section-head">
            <h2 className="pv-section-title">Key indicators</h2>
            {!readOnly && !addingIndicator && (
              <button
                type="button"
                className="btn btn--sm"
                onClick={() => setAddingIndicator(true)}
              >
                <Icon name="plus" size={13} />
                Indicator
              </button>
            )}
          </div>
          {addingIndicator && (
            <AddIndicator
              goals={data.goals}
              onAdd={(input) => roadmap.indicators.create(input)}
              onClose={() => setAddingIndicator(false)}
            />
          )}
          <div className="pv-grid gl-kpis">
            {data.indicators.map((indicator) => (
              <IndicatorCard
                key={indicator.id}
                indicator={indicator}
                progress={goals.indicatorProgress(indicator.id)}
                goals={data.goals}
                readOnly={readOnly}
                roadmap={roadmap}
                today={today}
              />
            ))}
          </div>
          {data.indicators.length === 0 && !addingIndicator && (
            <EmptyState icon="flag" title="No key indicators yet">
              Pick the few numbers that show the goals are being met.
            </EmptyState>
          )}
        </section>
      </div>
    </div>
  )
}

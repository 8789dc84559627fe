import { memo } from 'react'
import type { Milestone, MilestoneState } from '@meridian/model'
import { formatDayLong } from '@meridian/model'

export const MilestoneMark = memo(function MilestoneMark({
  milestone,
  state,
  x,
  y,
}: {
  milestone: Milestone
  /** `milestoneState(milestone, today)`: an upcoming milestone past its date shows overdue. */
  state: MilestoneState
  x: number
  y: number
}) {
  return (
    <div
      className={`milestone milestone--${state}`}
      data-state={state}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      role="img"
      aria-label={`Milestone ${milestone.title}, ${formatDayLong(milestone.date)}, ${state}`}
      title={`${milestone.title} — ${formatDayLong(milestone.date)}${state === 'overdue' ? ' · overdue' : ''}`}
    >
      <span className="milestone__diamond" />
      <span className="milestone__label">{milestone.title}</span>
    </div>
  )
})

import { memo } from 'react'
import type { Milestone } from '@meridian/model'
import { formatLong } from '../../app/dates.js'

export const MilestoneMark = memo(function MilestoneMark({
  milestone,
  x,
  y,
}: {
  milestone: Milestone
  x: number
  y: number
}) {
  return (
    <div
      className={`milestone milestone--${milestone.status}`}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      role="img"
      aria-label={`Milestone ${milestone.title}, ${formatLong(milestone.date)}, ${milestone.status}`}
      title={`${milestone.title} — ${formatLong(milestone.date)}`}
    >
      <span className="milestone__diamond" />
      <span className="milestone__label">{milestone.title}</span>
    </div>
  )
})

// What changed since another version, drawn over the live bars: a dashed ghost at a feature's
// old dates (in its old lane if it moved lanes), removed features and milestones at their old
// place, and a tag on added and moved ones. Drawn under the bars; never takes the pointer.
import { formatDayLong } from '@meridian/model'
import type { FeatureDiff, MilestoneDiff, RoadmapComparison } from '@meridian/model'
import { DAY_MS, toMs } from '../../lib/dates.js'
import { barTop } from './layout.js'
import type { TimelineState } from './useTimeline.js'
import './ghosts.css'

interface Ghost {
  key: string
  x: number
  y: number
  width: number
  className: string
  label: string
}

function featureGhosts(tl: TimelineState, f: FeatureDiff, tone: string): Ghost[] {
  const { layout, ts, visible } = tl
  const out: Ghost[] = []
  const laneOf = (id: string) => layout.lanes.find((l) => l.lane.id === id)
  const box = visible.boxOf(f.id)
  const { before, after } = f
  if (before?.start && before.end) {
    const datesChanged = !after || after.start !== before.start || after.end !== before.end
    if (datesChanged || f.laneChanged) {
      const oldLane = laneOf(before.laneId)
      const y = !f.laneChanged && box ? box.y : oldLane ? barTop(oldLane, 0) : null
      if (y !== null) {
        const x = ts.x(toMs(before.start))
        out.push({
          key: `g:${f.id}`,
          x,
          y,
          width: Math.max(6, ts.x(toMs(before.end) + DAY_MS) - x),
          className: after ? `ghost ghost--${tone}` : 'ghost ghost--removed',
          label: after ? f.title : `${f.title} (removed)`,
        })
      }
    }
  }
  if (box && (!before || f.laneChanged)) {
    out.push({
      key: `t:${f.id}`,
      x: box.x,
      y: box.y - 11,
      width: 0,
      className: `ghost-tag ghost-tag--${before ? 'moved' : 'added'}`,
      label: before ? 'Moved lane' : 'New',
    })
  }
  return out
}

function milestoneGhosts(tl: TimelineState, m: MilestoneDiff): Ghost[] {
  const { layout, ts } = tl
  const { before, after } = m
  if (!before?.date || (after && after.date === before.date)) return []
  const lane = before.laneId ? layout.lanes.find((l) => l.lane.id === before.laneId) : null
  if (before.laneId && !lane) return []
  return [
    {
      key: `m:${m.id}`,
      x: ts.x(toMs(before.date)) - 7,
      y: (lane ? lane.top : 0) + 6,
      width: 14,
      className: `ghost-milestone${after ? '' : ' ghost-milestone--removed'}`,
      label: after ? `${m.title} (was ${formatDayLong(before.date)})` : `${m.title} (removed)`,
    },
  ]
}

export function GhostLayer({
  tl,
  comparison,
  tone = 'compare',
}: {
  tl: TimelineState
  comparison: RoadmapComparison
  /** `baseline` draws the baseline's dates in their own colour */
  tone?: 'compare' | 'baseline'
}) {
  const ghosts = [
    ...comparison.features.flatMap((f) => featureGhosts(tl, f, tone)),
    ...comparison.milestones.flatMap((m) => milestoneGhosts(tl, m)),
  ]
  return (
    <div className="ghost-layer" data-testid={`ghosts-${tone}`} aria-hidden="true">
      {ghosts.map((g) => (
        <div
          key={g.key}
          className={g.className}
          data-ghost={g.key}
          title={g.label}
          style={{
            transform: `translate(${g.x}px, ${g.y}px)`,
            ...(g.width ? { width: g.width } : {}),
          }}
        >
          {g.className.startsWith('ghost ') ? (
            <span className="ghost__label">{g.label}</span>
          ) : null}
          {g.className.startsWith('ghost-tag') ? g.label : null}
        </div>
      ))}
    </div>
  )
}

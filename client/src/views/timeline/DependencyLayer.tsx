import { memo } from 'react'
import type { FeatureId } from '@meridian/model'
import { BAR_H } from './constants.js'

export interface BarBox {
  x: number
  y: number
  width: number
}

export interface DependencyLayerProps {
  /** Pairs [dependent, dependency] to draw. */
  links: ReadonlyArray<readonly [FeatureId, FeatureId]>
  boxOf(id: FeatureId): BarBox | null
  conflicts: ReadonlySet<string>
  width: number
  height: number
}

/** Dependency arrows, from the end of the dependency to the start of the dependent; red when in conflict. */
export const DependencyLayer = memo(function DependencyLayer({
  links,
  boxOf,
  conflicts,
  width,
  height,
}: DependencyLayerProps) {
  return (
    <svg className="deps" width={width} height={height} aria-hidden="true">
      <defs>
        <marker
          id="dep-arrow"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 8 4 0 8z" fill="#9aa0ad" />
        </marker>
        <marker
          id="dep-arrow-conflict"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 8 4 0 8z" fill="var(--danger)" />
        </marker>
      </defs>
      {links.map(([dependent, dependency]) => {
        const to = boxOf(dependent)
        const from = boxOf(dependency)
        if (!to || !from) return null
        const conflict = conflicts.has(`${dependent}>${dependency}`)
        const x1 = from.x + from.width
        const y1 = from.y + BAR_H / 2
        const x2 = to.x - 2
        const y2 = to.y + BAR_H / 2
        const bend = Math.max(24, Math.abs(x2 - x1) / 3)
        return (
          <path
            key={`${dependent}>${dependency}`}
            className={conflict ? 'deps__path deps__path--conflict' : 'deps__path'}
            d={`M${x1} ${y1} C${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`}
            markerEnd={conflict ? 'url(#dep-arrow-conflict)' : 'url(#dep-arrow)'}
          />
        )
      })}
    </svg>
  )
})

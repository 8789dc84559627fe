import { memo } from 'react'
import type { FeatureId } from '@meridian/model'
import { pathOf, routePoints } from './route.js'
import type { Box, Rect } from './route.js'
import type { RowGeometry } from './constants.js'

export type BarBox = Box

export interface DependencyLayerProps {
  /** Pairs [dependent, dependency] to draw. */
  links: ReadonlyArray<readonly [FeatureId, FeatureId]>
  boxOf(id: FeatureId): BarBox | null
  conflicts: ReadonlySet<string>
  /** Bars and outside labels drawn now: arrows go around them. */
  obstacles: readonly Rect[]
  geometry: RowGeometry
  width: number
  height: number
}

/** Dependency arrows, from the end of the dependency to the start of the dependent, routed around bars and labels; red when in conflict. */
export const DependencyLayer = memo(function DependencyLayer({
  links,
  boxOf,
  conflicts,
  obstacles,
  geometry,
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
        const d = pathOf(routePoints(from, to, obstacles, geometry))
        return (
          <path
            key={`${dependent}>${dependency}`}
            className={conflict ? 'deps__path deps__path--conflict' : 'deps__path'}
            d={d}
            markerEnd={conflict ? 'url(#dep-arrow-conflict)' : 'url(#dep-arrow)'}
          />
        )
      })}
    </svg>
  )
})

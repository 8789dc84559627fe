import { scaleLinear } from 'd3-scale'
import type { IndicatorPoint } from '@meridian/model'
import { downsample, extent } from './downsample.js'

interface Props {
  history: readonly IndicatorPoint[]
  target: number | null
  good: boolean | null
  width?: number
  height?: number
  label: string
}

const DAY = 86_400_000
/** Points drawn per pixel of width, at most (see downsample). */
const PER_PIXEL = 2

/** The indicator's history as a line with its target as a dashed rule. */
export function Sparkline({ history, target, good, width = 220, height = 56, label }: Props) {
  const pad = 4
  const points = history
    .map((p) => ({ t: Date.parse(`${p.date}T00:00:00Z`), v: p.value }))
    .filter((p) => Number.isFinite(p.t))
  const values = points.map((p) => p.v)
  if (target !== null) values.push(target)
  const tone =
    good === null ? 'var(--accent)' : good ? 'var(--status-done)' : 'var(--health-off-track)'
  if (points.length === 0) {
    return (
      <svg
        className="gl-spark"
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: no values recorded yet`}
        data-points={0}
      >
        <line
          x1={pad}
          x2={width - pad}
          y1={height / 2}
          y2={height / 2}
          stroke="var(--border)"
          strokeDasharray="3 3"
        />
      </svg>
    )
  }
  const [lo, hi] = extent(values)
  const spread = hi - lo || Math.abs(hi) || 1
  const tMin = points[0].t
  const tMax = Math.max(points[points.length - 1].t, tMin + DAY)
  const x = scaleLinear()
    .domain([tMin, tMax])
    .range([pad, width - pad])
  const y = scaleLinear()
    .domain([lo - spread * 0.1, hi + spread * 0.1])
    .range([height - pad, pad])
  const drawn = downsample(points, Math.ceil(width / PER_PIXEL))
  const line = drawn
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`)
    .join(' ')
  const last = points[points.length - 1]
  const area = `${line} L${x(last.t).toFixed(1)},${height - pad} L${x(points[0].t).toFixed(1)},${height - pad} Z`
  return (
    <svg
      className="gl-spark"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: ${points.length} values, latest ${last.v}`}
      data-points={points.length}
      data-testid="sparkline"
    >
      {target !== null && (
        <line
          x1={pad}
          x2={width - pad}
          y1={y(target)}
          y2={y(target)}
          stroke="var(--text-3)"
          strokeWidth={1}
          strokeDasharray="3 3"
        />
      )}
      <path d={area} fill={tone} opacity={0.08} />
      <path
        d={line}
        fill="none"
        stroke={tone}
        strokeWidth={1.8}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      {points.length === 1 && <circle cx={x(last.t)} cy={y(last.v)} r={2.5} fill={tone} />}
      <circle
        cx={x(last.t)}
        cy={y(last.v)}
        r={3.5}
        fill="var(--surface)"
        stroke={tone}
        strokeWidth={2}
      />
    </svg>
  )
}

// Drawing a history of a million points is a million path commands and, spread into
// Math.min(...), a stack overflow: a sparkline needs at most a few points per pixel.

export interface SparkPoint {
  t: number
  v: number
}

/**
 * At most `2 × buckets + 1` points of `points` (in time order) for drawing: per bucket of
 * consecutive points its lowest and highest, in their order, and always the last point, so
 * peaks, dips and the latest value survive. Short inputs come back as they are.
 */
export function downsample(points: readonly SparkPoint[], buckets: number): SparkPoint[] {
  if (points.length <= 2 * buckets + 1) return [...points]
  const out: SparkPoint[] = []
  const size = points.length / buckets
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size)
    const to = Math.min(points.length, Math.floor((b + 1) * size))
    let lo = from
    let hi = from
    for (let i = from + 1; i < to; i++) {
      if (points[i]!.v < points[lo]!.v) lo = i
      if (points[i]!.v > points[hi]!.v) hi = i
    }
    if (lo === hi) out.push(points[lo]!)
    else if (lo < hi) out.push(points[lo]!, points[hi]!)
    else out.push(points[hi]!, points[lo]!)
  }
  const last = points[points.length - 1]!
  if (out[out.length - 1] !== last) out.push(last)
  return out
}

/** Lowest and highest of `values`, without spreading them into arguments. */
export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const value of values) {
    if (value < lo) lo = value
    if (value > hi) hi = value
  }
  return [lo, hi]
}

// A history of a million points draws (downsampled) instead of overflowing the stack.
import { describe, expect, it } from 'vitest'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { IndicatorPoint } from '@meridian/model'
import { addDays } from '@meridian/model'
import { downsample } from './downsample.js'
import { Sparkline } from './Sparkline.js'

function history(count: number): IndicatorPoint[] {
  const points: IndicatorPoint[] = []
  let date = '2026-01-01'
  for (let i = 0; i < count; i++) {
    // Several points a day over years: dates repeat, values wave, one spike.
    if (i % 50 === 0 && i > 0) date = addDays(date, 1)
    points.push({ date, value: i === 700_000 ? 10_000 : Math.sin(i / 1000) * 100 })
  }
  return points
}

describe('Sparkline with a huge history', () => {
  it('draws a million points as a bounded path ending at the latest value', () => {
    const points = history(1_000_000)
    const svg = renderToStaticMarkup(
      createElement(Sparkline, { history: points, target: 50, good: true, label: 'Signups' }),
    )
    expect(svg).toContain('data-points="1000000"')
    expect(svg).toContain(`latest ${points[points.length - 1]!.value}`)
    const line = /<path d="(M[^"]*)" fill="none"/.exec(svg)?.[1] ?? ''
    const commands = line.split(' ').length
    expect(commands).toBeGreaterThan(100)
    expect(commands).toBeLessThanOrEqual(221)
  })

  it('downsampling keeps each bucket’s extremes in order, and the last point', () => {
    const points = [5, 1, 9, 3, 7, 2, 8, 4].map((v, t) => ({ t, v }))
    expect(downsample(points, 2).map((p) => p.v)).toEqual([1, 9, 2, 8, 4])
    expect(downsample(points, 10)).toEqual(points)
  })
})

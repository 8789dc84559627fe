import { describe, expect, it } from 'vitest'
import { indicatorProgress } from './indicatorProgress.js'
import { indicator, TODAY } from './testing/fixture.js'

describe('indicator verdicts', () => {
  const horizon = { start: '2026-01-01', end: '2026-12-31', source: 'roadmap' as const }
  it('says "no data" for an indicator with nothing recorded, never "on track"', () => {
    const fresh = indicatorProgress(indicator('n', { baseline: 10, target: 20 }), horizon, TODAY)
    expect(fresh).toMatchObject({ onTrack: null, verdict: 'no-data' })
  })
  it('names the verdict of an indicator with values', () => {
    const on = indicator('a', { baseline: 10, target: 20, current: 15 })
    const off = indicator('b', { baseline: 10, target: 20, current: 10.5 })
    expect(indicatorProgress(on, horizon, TODAY).verdict).toBe('on-track')
    expect(indicatorProgress(off, horizon, TODAY).verdict).toBe('off-track')
    expect(indicatorProgress(on, null, TODAY).verdict).toBe('no-verdict')
  })
})

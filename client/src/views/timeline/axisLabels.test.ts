import { describe, expect, it } from 'vitest'
import { majorLabelPlace, minorLabelPlace } from './axisLabels.js'

const view = { left: 100, width: 500 }

describe('majorLabelPlace', () => {
  it('puts a period inside the view at its start', () => {
    expect(majorLabelPlace(200, 180, 'Q4 2026', view)).toEqual({ offset: 0, whole: true })
  })
  it('keeps the label of a period that starts left of the view at the view’s edge', () => {
    expect(majorLabelPlace(20, 180, 'Q3 2026', view)).toEqual({ offset: 80, whole: true })
  })
  it('tells when the visible part of its period is too narrow for the label', () => {
    expect(majorLabelPlace(20, 110, 'Q3 2026', view).whole).toBe(false)
    expect(majorLabelPlace(560, 180, 'Q3 2027', view).whole).toBe(false)
  })
})

describe('minorLabelPlace', () => {
  const farToday = -1000
  it('draws a label that fits its tick and the view', () => {
    expect(minorLabelPlace(200, 60, 'Sep', farToday, view)).toEqual({ offset: 0, whole: true })
  })
  it('tells when the view’s edge would cut a label', () => {
    expect(minorLabelPlace(590, 60, 'Sep', farToday, view)?.whole).toBe(false)
    expect(minorLabelPlace(80, 60, 'Aug', farToday, view)?.whole).toBe(false)
  })
  it('moves a label past the Today badge when the tick has room', () => {
    expect(minorLabelPlace(200, 120, 'Nov', 210, view)).toEqual({ offset: 30, whole: true })
  })
})

import { describe, expect, it } from 'vitest'
import { majorLabelOffset, minorLabelShift } from './axisLabels.js'

const view = { left: 100, width: 500 }

describe('majorLabelOffset', () => {
  it('puts a period inside the view at its start', () => {
    expect(majorLabelOffset(200, 180, 'Q4 2026', view)).toBe(0)
  })
  it('keeps the label of a period that starts left of the view at the view’s edge', () => {
    expect(majorLabelOffset(20, 180, 'Q3 2026', view)).toBe(80)
  })
  it('leaves the label out when the visible part of its period is too narrow for it', () => {
    expect(majorLabelOffset(20, 110, 'Q3 2026', view)).toBeNull()
    expect(majorLabelOffset(560, 180, 'Q3 2027', view)).toBeNull()
  })
})

describe('minorLabelShift', () => {
  const farToday = -1000
  it('draws a label that fits its tick and the view', () => {
    expect(minorLabelShift(200, 60, 'Sep', farToday, view)).toBe(0)
  })
  it('leaves out a label the view’s edge would cut', () => {
    expect(minorLabelShift(590, 60, 'Sep', farToday, view)).toBeNull()
    expect(minorLabelShift(80, 60, 'Aug', farToday, view)).toBeNull()
  })
  it('moves a label past the Today badge when the tick has room', () => {
    expect(minorLabelShift(200, 120, 'Nov', 210, view)).toBe(30)
  })
})

import { memo } from 'react'
import { HEADER_H } from './constants.js'
// The axis rule the exported images use too (one implementation).
import { ticks, unitsFor } from '@meridian/exchange/ticks'
import type { TimeScale } from './useTimeScale.js'
import { majorLabelPlace, minorLabelPlace } from './axisLabels.js'

/** The two-tier date header; only the visible window's ticks are rendered. */
export const TimeAxis = memo(function TimeAxis({
  ts,
  left,
  width,
  todayMs,
}: {
  ts: TimeScale
  left: number
  width: number
  todayMs: number
}) {
  const from = ts.msAt(left - 200)
  const to = ts.msAt(left + width + 200)
  const units = unitsFor(ts.pxPerDay)
  const major = ticks(from, to, units.major, 'major')
  const minor = ticks(from, to, units.minor, 'minor')
  const todayX = ts.x(todayMs)
  const view = { left, width }
  return (
    <div className="axis" style={{ width: ts.width, height: HEADER_H }} aria-hidden="true">
      {major.map((t) => {
        const x = ts.x(t.ms)
        const w = ts.x(t.endMs) - x
        const place = majorLabelPlace(x, w, t.label, view)
        return (
          <div
            key={`M${t.ms}`}
            className="axis__major"
            style={{ transform: `translateX(${x}px)`, width: w }}
          >
            <span
              className={`axis__major-label${place.whole ? '' : ' axis__cut'}`}
              style={{ marginLeft: place.offset }}
            >
              {t.label}
            </span>
          </div>
        )
      })}
      {minor.map((t) => {
        const x = ts.x(t.ms)
        const w = ts.x(t.endMs) - x
        const place = minorLabelPlace(x, w, t.label, todayX, view)
        return (
          <div
            key={`m${t.ms}`}
            className={t.weekend ? 'axis__minor axis__minor--weekend' : 'axis__minor'}
            style={{ transform: `translateX(${x}px)`, width: w }}
          >
            {place === null ? null : (
              <span
                className={place.whole ? undefined : 'axis__cut'}
                style={place.offset ? { marginLeft: place.offset } : undefined}
              >
                {t.label}
              </span>
            )}
          </div>
        )
      })}
      <div className="axis__today" style={{ transform: `translateX(${todayX}px)` }}>
        Today
      </div>
    </div>
  )
})

/** Vertical grid lines (and weekend shading at day zoom) behind the lanes. */
export const GridLines = memo(function GridLines({
  ts,
  left,
  width,
  height,
}: {
  ts: TimeScale
  left: number
  width: number
  height: number
}) {
  const from = ts.msAt(left - 200)
  const to = ts.msAt(left + width + 200)
  const units = unitsFor(ts.pxPerDay)
  const minor = ticks(from, to, units.minor, 'minor')
  const majorStarts = new Set(ticks(from, to, units.major, 'major').map((t) => t.ms))
  return (
    <div className="grid" style={{ height }} aria-hidden="true">
      {minor.map((t) => {
        const x = ts.x(t.ms)
        return (
          <div
            key={t.ms}
            className={`grid__line${majorStarts.has(t.ms) ? ' grid__line--major' : ''}${t.weekend ? ' grid__line--weekend' : ''}`}
            style={{
              transform: `translateX(${x}px)`,
              width: t.weekend ? ts.x(t.endMs) - x : undefined,
            }}
          />
        )
      })}
    </div>
  )
})

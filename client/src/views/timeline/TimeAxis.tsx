import { memo } from 'react'
import { HEADER_H } from './constants.js'
// The axis rule the exported images use too (one implementation).
import { ticks, unitsFor } from '@meridian/exchange/ticks'
import type { TimeScale } from './useTimeScale.js'

const BADGE_HALF = 22
const CHAR_W = 6.2
const PAD = 6

/**
 * Where a tick's label goes: 0 at its start, a shift that moves it past the Today badge
 * when the badge would cover it, or null when it does not fit (the tick is too narrow).
 */
function labelShift(x: number, w: number, label: string, todayX: number): number | null {
  const textW = label.length * CHAR_W
  if (w <= textW + 8) return null
  const start = x + PAD
  const covered = start < todayX + BADGE_HALF + 2 && start + textW > todayX - BADGE_HALF - 2
  if (!covered) return 0
  const shift = todayX + BADGE_HALF + 4 - start
  return shift > 0 && PAD + shift + textW + 2 <= w ? shift : null
}

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
  return (
    <div className="axis" style={{ width: ts.width, height: HEADER_H }} aria-hidden="true">
      {major.map((t) => {
        const x = ts.x(t.ms)
        return (
          <div
            key={`M${t.ms}`}
            className="axis__major"
            style={{ transform: `translateX(${x}px)`, width: ts.x(t.endMs) - x }}
          >
            {/* A period that starts left of the view keeps its label at the view's edge. */}
            <span
              className="axis__major-label"
              style={{ marginLeft: Math.max(0, Math.min(left - x, ts.x(t.endMs) - x - 90)) }}
            >
              {t.label}
            </span>
          </div>
        )
      })}
      {minor.map((t) => {
        const x = ts.x(t.ms)
        const w = ts.x(t.endMs) - x
        const shift = labelShift(x, w, t.label, todayX)
        return (
          <div
            key={`m${t.ms}`}
            className={t.weekend ? 'axis__minor axis__minor--weekend' : 'axis__minor'}
            style={{ transform: `translateX(${x}px)`, width: w }}
          >
            {shift === null ? null : (
              <span style={shift ? { marginLeft: shift } : undefined}>{t.label}</span>
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

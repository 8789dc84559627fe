import { HEADER_H, LABEL_W } from './constants.js'
import type { RowGeometry } from './constants.js'
import { Bar } from './Bar.js'
import { milestoneState } from '@meridian/model'
import { MilestoneMark } from './MilestoneMark.js'
import { DependencyLayer } from './DependencyLayer.js'
import { GridLines, TimeAxis } from './TimeAxis.js'
import { LaneLabel } from './LaneLabel.js'
import { PointerLayer } from './PointerLayer.js'
import { featureFacts } from './featureFacts.js'
import { toMs } from '../../lib/dates.js'
import type { TimelineState } from './useTimeline.js'
import type { FeatureId } from '@meridian/model'
import { useRenderMark } from './useRenderMark.js'
import { useMemo } from 'react'
import { labelWidth } from './layout.js'
import type { Rect } from './route.js'

/** Every drawn bar, and the title drawn after each bar too short to hold it. */
function obstaclesOf(bars: TimelineState['visible']['bars'], { barH }: RowGeometry): Rect[] {
  const rects: Rect[] = []
  for (const { placed, box } of bars) {
    rects.push({ x: box.x, y: box.y, w: box.width, h: barH })
    if (placed.labelOutside)
      rects.push({
        x: box.x + box.width + 6,
        y: box.y + 3,
        w: labelWidth(placed.feature),
        h: barH - 6,
      })
  }
  return rects
}
import { GhostLayer } from './GhostLayer.js'
import { SlipMarks } from './SlipMarks.js'

const NO_PEERS: never[] = []

export function TimelineCanvas({ tl }: { tl: TimelineState }) {
  const { props, refs, layout, facts, ts, viewport, visible, selections, todayMs, lanes } = tl
  useRenderMark(visible.bars.length > 0)
  const obstacles = useMemo(
    () => obstaclesOf(visible.bars, layout.geometry),
    [visible.bars, layout.geometry],
  )
  const { readOnly, awareness, selectedFeatureId } = props
  const areaWidth = ts.width
  const bodyHeight = Math.max(layout.height + 80, viewport.height - HEADER_H)
  // Milestone marks (22 px high) sit in the middle of their strip.
  const markY = Math.max(0, (layout.geometry.strip - 22) / 2)
  // In reading order: the roadmap's own strip, then lane by lane, each by date.
  const byDate = (a: { date: string | null }, b: { date: string | null }) =>
    (a.date ?? '').localeCompare(b.date ?? '')
  const visibleMilestones = [
    ...layout.globalMilestones.toSorted(byDate).map((m) => ({ m, y: markY })),
    ...visible.lanes.flatMap((l) =>
      l.collapsed ? [] : l.milestones.toSorted(byDate).map((m) => ({ m, y: l.top + markY })),
    ),
  ].filter(({ m }) => m.date)
  // Tab enters the bars at the selected one, else at the first drawn in reading order.
  const drawn = new Set(visible.bars.map((b) => b.placed.feature.id))
  const entryBar = selectedFeatureId ?? tl.order.find((id) => drawn.has(id)) ?? null
  return (
    <div
      ref={refs.scrollRef}
      className="tl-scroll"
      tabIndex={0}
      role="region"
      aria-label="Timeline: arrow keys select features, Tab moves between lanes, milestones and bars"
      onKeyDown={tl.onKeyDown}
      data-zoom={ts.zoom}
    >
      <div
        className="tl-content"
        style={{ width: LABEL_W + areaWidth, height: HEADER_H + bodyHeight }}
      >
        <div className="tl-header" style={{ width: LABEL_W + areaWidth }}>
          <div className="tl-corner">Lanes</div>
          <TimeAxis
            ts={ts}
            left={viewport.left}
            width={viewport.width - LABEL_W}
            todayMs={todayMs}
          />
        </div>
        <div className="tl-body" style={{ height: bodyHeight }}>
          <div ref={refs.columnRef} className="lane-column" style={{ height: bodyHeight }}>
            <div className="lane-column__milestones" style={{ height: layout.globalStripH }}>
              Milestones
            </div>
            {visible.lanes.map((l) => (
              <LaneLabel
                key={l.lane.id || 'orphan'}
                layout={l}
                editable={!readOnly}
                count={l.features.length + l.unscheduled}
                onToggle={lanes.toggle}
                onRename={lanes.rename}
                onMenu={lanes.openMenu}
                onUndated={lanes.openUndated}
                editing={lanes.editingLaneId === l.lane.id}
                onEditing={lanes.setEditingLaneId}
                onMove={lanes.move}
              />
            ))}
            <div ref={refs.laneLineRef} className="lane-drop-line" hidden />
          </div>
          <div
            ref={refs.areaRef}
            className={`tl-area${readOnly ? '' : ' tl-area--editable'}`}
            style={{ width: areaWidth, height: bodyHeight }}
            onFocus={(e) => {
              const id = (e.target as HTMLElement).dataset.featureId as FeatureId | undefined
              if (id && id !== selectedFeatureId) props.selectFeature(id)
            }}
          >
            <div
              className="tl-milestone-strip"
              style={{ height: layout.globalStripH - 6, width: areaWidth }}
            />
            {visible.lanes.map((l) => (
              <div
                key={l.lane.id || 'orphan'}
                className={`lane-bg${l.collapsed ? ' lane-bg--collapsed' : ''}`}
                style={{
                  top: l.top,
                  height: l.height,
                  width: areaWidth,
                  ['--lane' as string]: l.lane.color,
                }}
              >
                {l.milestoneStrip ? (
                  <div className="lane-bg__strip" style={{ height: l.geometry.strip }} />
                ) : null}
                {!readOnly &&
                !l.orphan &&
                !l.collapsed &&
                l.features.length + l.unscheduled === 0 ? (
                  <div
                    className="lane-bg__hint"
                    style={{ transform: `translate(${viewport.left + 20}px, -50%)` }}
                  >
                    Double-click or drag here to add a feature
                  </div>
                ) : null}
              </div>
            ))}
            <GridLines
              ts={ts}
              left={viewport.left}
              width={viewport.width - LABEL_W}
              height={bodyHeight}
            />
            {/* Not on an empty roadmap: it would run through the empty state's text. */}
            {layout.lanes.length > 0 ? (
              <div
                className="today-line"
                style={{ transform: `translateX(${ts.x(todayMs)}px)`, height: bodyHeight }}
                aria-hidden="true"
              />
            ) : null}
            <DependencyLayer
              links={visible.links}
              obstacles={obstacles}
              geometry={layout.geometry}
              boxOf={visible.boxOf}
              conflicts={facts.conflicts}
              width={areaWidth}
              height={bodyHeight}
            />
            {props.comparison ? (
              <GhostLayer tl={tl} comparison={props.comparison} tone={props.comparisonTone} />
            ) : null}
            {visible.bars.map(({ placed, lane, box, remote }) => (
              <Bar
                key={placed.feature.id}
                feature={placed.feature}
                x={box.x}
                y={box.y}
                width={box.width}
                laneColor={lane.lane.color}
                laneName={lane.lane.name}
                facts={featureFacts(facts, placed.feature.id)}
                selected={selectedFeatureId === placed.feature.id}
                tabbable={entryBar === placed.feature.id}
                compact={lane.collapsed && !remote}
                labelOutside={placed.labelOutside}
                clipLeft={placed.labelOutside ? 0 : Math.max(0, Math.round(viewport.left - box.x))}
                editable={!readOnly}
                // An embed shows the plan to outsiders: no one's name or selection on it.
                peers={props.embedded ? NO_PEERS : (selections.get(placed.feature.id) ?? NO_PEERS)}
                draggedBy={props.embedded ? null : (remote?.mark ?? null)}
              />
            ))}
            {props.embedded ? null : <SlipMarks tl={tl} />}
            <div ref={refs.ghostRef} className="bar bar--ghost" hidden />
            <div ref={refs.tipRef} className="drag-tip" hidden />
            {props.embedded ? null : <PointerLayer awareness={awareness} ts={ts} />}
            {/* After the bars in the page, so Tab reaches them after the last bar (reading order). */}
            {visibleMilestones.map(({ m, y }) => (
              <button
                key={m.id}
                type="button"
                className="milestone-hit"
                data-milestone-id={m.id}
                style={{ transform: `translate(${ts.x(toMs(m.date as string)) - 9}px, ${y}px)` }}
                aria-label={`Milestone ${m.title}`}
                onClick={(e) => tl.milestones.open(m.id, e.currentTarget.getBoundingClientRect())}
              >
                <MilestoneMark
                  milestone={m}
                  state={milestoneState(m, tl.props.today)}
                  x={0}
                  y={0}
                />
              </button>
            ))}
          </div>
        </div>
      </div>
    </div>
  )
}

// The timeline's state and wiring: layout, scale, visible window, presence, pointer and
// keyboard interaction, and the toolbar's actions. TimelineCanvas renders what this returns.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FeatureId, LaneId } from '@meridian/model'
import type { ShellViewProps } from '../shellViewProps.js'
import { addDays, fromMs, toMs } from '../../lib/dates.js'
import { LANE_COLORS } from '../../ui/palette.js'
import { readPeers } from '../../sync/presence.js'
import { HEADER_H, LABEL_W, ROWS } from './constants.js'
import { extentOf } from './layout.js'
import type { KeyboardContext } from './interactionContext.js'
import { useLayoutAndFacts, useVisible } from './useTimelineModel.js'
import { useTimeScale } from './useTimeScale.js'
import { useViewport } from './useViewport.js'
import { useTimelinePeers } from './useTimelinePeers.js'
import { useBarDrag } from './useBarDrag.js'
import { useCreateGesture, createAndOpen } from './useCreateGesture.js'
import { useLaneDrag } from './useLaneDrag.js'
import { useTimelineKeyboard } from './useTimelineKeyboard.js'
import { usePointerBroadcast, useViewportBroadcast } from './usePresenceBroadcast.js'
import { useFollow } from './useFollow.js'
import { scrollToDate, useScrollAnchor } from './useScrollAnchor.js'
import { useFocusSelected } from './useFocusSelected.js'
import { useGestureHold } from './useGestureHold.js'

export function useTimeline(props: ShellViewProps) {
  const {
    data,
    roadmap,
    awareness,
    readOnly,
    today,
    selectedFeatureId,
    selectFeature,
    openFeature,
    followClientId,
  } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const areaRef = useRef<HTMLDivElement>(null)
  const columnRef = useRef<HTMLDivElement>(null)
  const laneLineRef = useRef<HTMLDivElement>(null)
  const tipRef = useRef<HTMLDivElement>(null)
  const ghostRef = useRef<HTMLDivElement>(null)
  const [collapsedOverride, setCollapsedOverride] = useState<ReadonlySet<LaneId>>(() => new Set())
  const [editingLaneId, setEditingLaneId] = useState<LaneId | null>(null)
  const [laneMenu, setLaneMenu] = useState<{ id: LaneId; anchor: DOMRect } | null>(null)
  const [undatedMenu, setUndatedMenu] = useState<{ id: LaneId; anchor: DOMRect } | null>(null)
  const [milestoneMenu, setMilestoneMenu] = useState<{ id: string; anchor: DOMRect } | null>(null)

  const gesture = useGestureHold()
  const viewport = useViewport(scrollRef)
  const extent = useMemo(() => extentOf(data), [data])
  const { timeScale: ts, setZoom } = useTimeScale(
    extent,
    today,
    { start: data.meta.horizonStart, end: data.meta.horizonEnd },
    viewport.width,
    props.session.id,
  )
  const { layout, facts, order } = useLayoutAndFacts(
    data,
    today,
    collapsedOverride,
    ts.pxPerDay,
    ts.zoom === 'fit' ? ROWS.compact : ROWS.regular,
  )
  const { selections, drags } = useTimelinePeers(awareness)
  const visible = useVisible(layout, ts, viewport, drags, selectedFeatureId, data)
  const todayMs = toMs(today)
  // Where toolbar- and keyboard-made features and milestones start: a third into the visible
  // window, or today if today is visible later than that (a new plan item never starts late).
  const thirdMs = ts.msAt(viewport.left + (viewport.width - LABEL_W) / 3)
  const rightMs = ts.msAt(viewport.left + viewport.width - LABEL_W)
  const centerDate = todayMs > thirdMs && todayMs < rightMs ? today : fromMs(thirdMs)

  const ctx: KeyboardContext = {
    layout,
    ts,
    roadmap,
    awareness,
    readOnly,
    select: selectFeature,
    open: openFeature,
    order,
    selected: selectedFeatureId,
    defaultStart: centerDate,
    gesture: gesture.hold,
  }
  const ctxRef = useRef(ctx)
  ctxRef.current = ctx

  useBarDrag(areaRef, tipRef, ctxRef)
  useCreateGesture(areaRef, ghostRef, ctxRef)
  useLaneDrag(columnRef, laneLineRef, ctxRef)
  usePointerBroadcast(areaRef, ctxRef)
  useViewportBroadcast(viewport, ctxRef)
  useScrollAnchor(scrollRef, ts, todayMs)
  useFollow(scrollRef, awareness, followClientId, ts, setZoom, gesture.active)
  const markKeyed = useFocusSelected(scrollRef, areaRef, selectedFeatureId, visible.boxOf)
  const onKeyDown = useTimelineKeyboard(ctxRef, markKeyed)

  // A selected feature that disappears (deleted here or elsewhere) is deselected.
  useEffect(() => {
    if (selectedFeatureId && !data.features.some((f) => f.id === selectedFeatureId))
      selectFeature(null)
  }, [data, selectedFeatureId, selectFeature])

  const toggleLane = useCallback(
    (id: LaneId) => {
      const lane = data.lanes.find((l) => l.id === id)
      if (!readOnly && lane) roadmap.lanes.update(id, { collapsed: !lane.collapsed })
      else
        setCollapsedOverride((current) => {
          const next = new Set(current)
          if (next.has(id)) next.delete(id)
          else next.add(id)
          return next
        })
    },
    [data.lanes, readOnly, roadmap],
  )
  const renameLane = useCallback(
    (id: LaneId, name: string) => roadmap.lanes.update(id, { name }),
    [roadmap],
  )
  const moveLane = useCallback(
    (id: LaneId, by: -1 | 1) => {
      const ids = layout.lanes.filter((l) => !l.orphan).map((l) => l.lane.id)
      const to = ids.indexOf(id) + by
      if (to < 0 || to >= ids.length) return
      const others = ids.filter((other) => other !== id)
      roadmap.lanes.reorder(id, { before: to === 0 ? null : others[to - 1] })
      // Moving the lane's label in the page takes focus off its grip: give it back.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-lane-grip="${CSS.escape(id)}"]`)?.focus(),
      )
    },
    [layout.lanes, roadmap],
  )
  // A lane being named is scrolled into view (a new lane is added at the bottom).
  useEffect(() => {
    const el = scrollRef.current
    const lane = layout.lanes.find((l) => l.lane.id === editingLaneId)
    if (!el || !lane) return
    const top = lane.top
    const bottom = lane.top + lane.height + HEADER_H
    if (top < el.scrollTop || bottom > el.scrollTop + el.clientHeight)
      el.scrollTo({ top: Math.max(0, bottom - el.clientHeight) })
    // Only when naming starts (not on layout changes, which must not pull the view back).
  }, [editingLaneId])
  const openLaneMenu = useCallback((id: LaneId, anchor: DOMRect) => setLaneMenu({ id, anchor }), [])
  const openUndated = useCallback(
    (id: LaneId, anchor: DOMRect) => setUndatedMenu({ id, anchor }),
    [],
  )

  const following = useMemo(() => {
    if (followClientId === null) return null
    return readPeers(awareness).find((p) => p.clientId === followClientId)?.state.user.name ?? null
  }, [awareness, followClientId])

  const actions = {
    today: () => scrollToDate(scrollRef.current, ts, todayMs),
    addLane: () => {
      const id = roadmap.lanes.create({
        name: 'New lane',
        color: LANE_COLORS[data.lanes.length % LANE_COLORS.length],
      })
      setEditingLaneId(id)
    },
    addFeature: () => {
      const laneId =
        (selectedFeatureId && data.features.find((f) => f.id === selectedFeatureId)?.laneId) ||
        data.lanes[0]?.id ||
        roadmap.lanes.create({ name: 'New lane', color: LANE_COLORS[0] })
      createAndOpen(ctx, laneId, centerDate, addDays(centerDate, 13))
    },
    addMilestone: () => {
      const id = roadmap.milestones.create({
        title: 'New milestone',
        date: centerDate,
        laneId: null,
        status: 'upcoming',
      })
      requestAnimationFrame(() => {
        const el = document.querySelector(`[data-milestone-id="${id}"]`)
        if (el) setMilestoneMenu({ id, anchor: el.getBoundingClientRect() })
      })
    },
  }

  return {
    props,
    refs: { scrollRef, areaRef, columnRef, laneLineRef, tipRef, ghostRef },
    layout,
    facts,
    order,
    ts,
    setZoom,
    viewport,
    visible,
    selections,
    todayMs,
    onKeyDown,
    lanes: {
      toggle: toggleLane,
      rename: renameLane,
      move: moveLane,
      openMenu: openLaneMenu,
      openUndated,
      undated: undatedMenu,
      closeUndated: () => setUndatedMenu(null),
      editingLaneId,
      setEditingLaneId,
      menu: laneMenu,
      closeMenu: () => setLaneMenu(null),
    },
    milestones: {
      menu: milestoneMenu,
      open: (id: string, anchor: DOMRect) => setMilestoneMenu({ id, anchor }),
      close: () => setMilestoneMenu(null),
    },
    following,
    followPaused: following !== null && gesture.active,
    actions,
    selectedFeatureId: selectedFeatureId as FeatureId | null,
  }
}

export type TimelineState = ReturnType<typeof useTimeline>

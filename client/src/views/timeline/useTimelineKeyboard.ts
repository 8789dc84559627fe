// Keyboard use of the timeline: Tab / arrows select bars, Left/Right move the selected
// bar by a day (Shift: a week), Alt+Up/Down moves it to the lane above/below, Enter opens
// its panel (focus moves into it), Delete removes it (undoable), N adds a feature and opens
// its panel on the title. Keys on the timeline's other controls (lane buttons, milestones)
// are theirs: Tab moves between them as anywhere else, Enter presses them.
import { useCallback } from 'react'
import type { KeyboardEvent, RefObject } from 'react'
import type { FeatureId } from '@meridian/model'
import { addDays } from '../../lib/dates.js'
import { isTypingTarget } from '../../undo/useUndo.js'
import { requestPanelFocus } from '../../panel/panelFocus.js'
import { createAndOpen } from './useCreateGesture.js'
import type { KeyboardContext } from './interactionContext.js'

/** `keyed` marks the selection a key makes as one that takes focus (useFocusSelected). */
export function useTimelineKeyboard(ctxRef: RefObject<KeyboardContext>, keyed: () => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey) return
      const target = e.target as HTMLElement
      if (e.key === 'Tab' && e.shiftKey && target.matches('.milestone-hit')) {
        // The milestones follow the bars: back from the first one is the last bar (the page
        // would go to the selected bar instead).
        const last = ctxRef.current.order.at(-1)
        if (!last || target !== e.currentTarget.querySelector('.milestone-hit')) return
        e.preventDefault()
        if (ctxRef.current.selected !== last) {
          keyed()
          ctxRef.current.select(last)
        } else
          e.currentTarget
            .querySelector<HTMLElement>(`[data-feature-id="${CSS.escape(last)}"]`)
            ?.focus()
        return
      }
      const onCanvas = target === e.currentTarget || target.closest('[data-feature-id]') !== null
      if (!onCanvas && e.key !== 'n' && e.key !== 'N') return
      const ctx = ctxRef.current
      const { order, selected, roadmap, readOnly } = ctx
      const index = selected ? order.indexOf(selected) : -1
      const selectAt = (i: number) => {
        if (order.length === 0) return
        const id = order[Math.max(0, Math.min(order.length - 1, i))]
        if (id !== selected) keyed()
        ctx.select(id)
      }
      const feature = selected ? ctx.layout.byFeature.get(selected)?.placed.feature : undefined
      switch (e.key) {
        case 'Tab': {
          // From a bar, Tab goes to the next bar in reading order; at either end, and with
          // no bar selected, it goes where the page's order leads: the lane controls before
          // the first bar, the milestones after the last (TimelineCanvas puts them there).
          // From the bar that has focus, which the selection follows a render later.
          const from = target.closest<HTMLElement>('[data-feature-id]')?.dataset.featureId
          const at = from ? order.indexOf(from as FeatureId) : index
          const next = at + (e.shiftKey ? -1 : 1)
          if (at === -1 || next < 0 || next >= order.length) return
          e.preventDefault()
          selectAt(next)
          return
        }
        case 'ArrowDown':
        case 'ArrowUp': {
          e.preventDefault()
          const down = e.key === 'ArrowDown'
          if (e.altKey && feature && !readOnly) {
            const lanes = ctx.layout.lanes.filter((l) => !l.orphan)
            const at = lanes.findIndex((l) => l.lane.id === feature.laneId)
            const target = lanes[at + (down ? 1 : -1)]
            if (target) roadmap.features.move(feature.id, { laneId: target.lane.id })
            return
          }
          selectAt(index === -1 ? 0 : index + (down ? 1 : -1))
          return
        }
        case 'ArrowLeft':
        case 'ArrowRight': {
          e.preventDefault()
          const sign = e.key === 'ArrowRight' ? 1 : -1
          if (readOnly || !feature?.start || !feature.end) {
            selectAt(index === -1 ? 0 : index + sign)
            return
          }
          const days = sign * (e.shiftKey ? 7 : 1)
          roadmap.features.move(feature.id, {
            start: addDays(feature.start, days),
            end: addDays(feature.end, days),
          })
          return
        }
        case 'Enter':
        case ' ':
          if (selected) {
            e.preventDefault()
            requestPanelFocus(selected, { select: false })
            ctx.open(selected)
          }
          return
        case 'Escape':
          if (selected) {
            e.preventDefault()
            ctx.select(null)
            e.currentTarget.focus()
          }
          return
        case 'Delete':
        case 'Backspace':
          if (selected && !readOnly) {
            e.preventDefault()
            const nextId: FeatureId | null = order[index + 1] ?? order[index - 1] ?? null
            roadmap.features.delete(selected)
            keyed()
            ctx.select(nextId)
          }
          return
        case 'n':
        case 'N': {
          if (readOnly || e.altKey) return
          e.preventDefault()
          let laneId = feature?.laneId ?? ctx.layout.lanes.find((l) => !l.orphan)?.lane.id
          if (!laneId) laneId = roadmap.lanes.create({ name: 'New lane' })
          const start = feature?.end ? addDays(feature.end, 1) : ctx.defaultStart
          // As from the toolbar or by drawing: the panel opens on its title, selected, so
          // typing names it; Escape closes the panel and gives focus back to the new bar.
          createAndOpen(ctx, laneId, start, addDays(start, 13))
          return
        }
        default:
          return
      }
    },
    [ctxRef, keyed],
  )
}

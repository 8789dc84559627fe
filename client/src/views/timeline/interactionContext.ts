// What the pointer and keyboard hooks need from the canvas, read through a ref so
// listeners are attached once and always see the latest layout and scale.
import type { FeatureId, Roadmap } from '@meridian/model'
import type { Awareness } from 'y-protocols/awareness'
import type { TimelineLayout } from './layout.js'
import type { TimeScale } from './useTimeScale.js'
import type { GestureHold } from './useGestureHold.js'

export interface InteractionContext {
  layout: TimelineLayout
  ts: TimeScale
  roadmap: Roadmap
  awareness: Awareness
  readOnly: boolean
  select(id: FeatureId | null): void
  open(id: FeatureId): void
  selected: FeatureId | null
  /** Held for the length of a pointer gesture: following waits meanwhile. */
  gesture: GestureHold
}

export interface KeyboardContext extends InteractionContext {
  /** Every dated feature in reading order (lane by lane, by start). */
  order: FeatureId[]
  /** Where N puts a new feature when nothing is selected. */
  defaultStart: string
}

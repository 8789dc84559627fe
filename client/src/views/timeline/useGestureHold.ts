// While one of my pointer gestures is under way (dragging a bar, drawing a feature, moving
// a lane), follow mode must not move my view: the gesture is computed against what I see,
// and a view scrolled under it by someone else would drop the bar far from my pointer.
import { useMemo, useState } from 'react'

export interface GestureHold {
  begin(): void
  end(): void
}

export function useGestureHold(): { active: boolean; hold: GestureHold } {
  const [active, setActive] = useState(false)
  const hold = useMemo<GestureHold>(
    () => ({ begin: () => setActive(true), end: () => setActive(false) }),
    [],
  )
  return { active, hold }
}

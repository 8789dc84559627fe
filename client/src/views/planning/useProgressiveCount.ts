// Renders long lists in slices: the first screenful at once, the rest in the following
// frames as a transition, so a large roadmap's view is interactive immediately.
import { startTransition, useEffect, useState } from 'react'

const FIRST = 40
const STEP = 80

/** How many of `total` rows to render now; grows to `total` over the next frames. */
export function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST)
  useEffect(() => {
    if (count >= total) return
    const frame = requestAnimationFrame(() => startTransition(() => setCount((c) => c + STEP)))
    return () => cancelAnimationFrame(frame)
  }, [count, total])
  return Math.min(count, total)
}

// Keeps object identity across snapshots while the content is the same, so memoized
// rows skip re-rendering: every document change yields a fresh snapshot (and fresh
// derived objects) even where nothing a row shows has changed.
import { useMemo, useRef } from 'react'

/** `value`, or the previous value when it serializes the same. */
export function useStable<T>(value: T): T {
  const last = useRef<{ key: string; value: T } | null>(null)
  return useMemo(() => {
    const key = JSON.stringify(value)
    if (last.current && last.current.key === key) return last.current.value
    last.current = { key, value }
    return value
  }, [value])
}

/** Each element of `list` replaced by its previous version (by `idOf`) when unchanged. */
export function useStableList<T>(list: readonly T[], idOf: (item: T) => string): T[] {
  const last = useRef(new Map<string, { key: string; value: T }>())
  return useMemo(() => {
    const next = new Map<string, { key: string; value: T }>()
    const out = list.map((item) => {
      const id = idOf(item)
      const key = JSON.stringify(item)
      const prev = last.current.get(id)
      const value = prev && prev.key === key ? prev.value : item
      next.set(id, { key, value })
      return value
    })
    last.current = next
    return out
    // `idOf` is a pure accessor; the list is what changes.
  }, [list])
}

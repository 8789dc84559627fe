import { useEffect } from 'react'

/**
 * Alt+Shift+H opens the history; Alt+Shift+S opens it with the snapshot name field focused
 * (editors name a version before a meeting without reaching for the mouse); Alt+Shift+B
 * shows or hides the baseline's ghost bars.
 */
export function useHistoryKeys(
  open: () => void,
  canSnapshot: boolean,
  toggleBaseline: () => void,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return
      if (e.code === 'KeyH') {
        e.preventDefault()
        open()
      } else if (e.code === 'KeyB') {
        e.preventDefault()
        toggleBaseline()
      } else if (e.code === 'KeyS' && canSnapshot) {
        e.preventDefault()
        open()
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('input[aria-label="Snapshot name"]')?.focus(),
        )
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, canSnapshot, toggleBaseline])
}

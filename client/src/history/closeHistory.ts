// Closing the history from inside it (its close button, Escape) gives focus back to the top
// bar's History button, where a keyboard user opened it, instead of dropping it on the page.
import type { HistoryState } from './useHistory.js'

export function focusHistoryToggle(): void {
  // After React has removed the panel: focus moved inside it would be lost with it.
  requestAnimationFrame(() =>
    document.querySelector<HTMLButtonElement>('button[data-history-toggle]')?.focus(),
  )
}

export function closeHistory(history: Pick<HistoryState, 'setPanelOpen'>): void {
  history.setPanelOpen(false)
  focusHistoryToggle()
}

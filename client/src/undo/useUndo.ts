// Undo/redo of this session's own edits (the UndoManager tracks only the local origin).
// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (and Ctrl+Y) outside text fields and the rich-text
// editor, which handle their own undo.
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['checkbox', 'radio', 'button', 'range', 'color'].includes(type)
  }
  return false
}

export interface UndoState {
  canUndo: boolean
  canRedo: boolean
  undo(): void
  redo(): void
}

export function useUndo(manager: Y.UndoManager, enabled: boolean): UndoState {
  const [counts, setCounts] = useState({ undo: 0, redo: 0 })
  useEffect(() => {
    const update = () =>
      setCounts({ undo: manager.undoStack.length, redo: manager.redoStack.length })
    manager.on('stack-item-added', update)
    manager.on('stack-item-popped', update)
    manager.on('stack-cleared', update)
    update()
    return () => {
      manager.off('stack-item-added', update)
      manager.off('stack-item-popped', update)
      manager.off('stack-cleared', update)
    }
  }, [manager])
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTypingTarget(e.target)) return
      const key = e.key.toLowerCase()
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault()
        manager.undo()
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault()
        manager.redo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [manager, enabled])
  return {
    canUndo: counts.undo > 0,
    canRedo: counts.redo > 0,
    undo: () => manager.undo(),
    redo: () => manager.redo(),
  }
}

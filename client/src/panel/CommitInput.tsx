import { useEffect, useState } from 'react'
import type { InputHTMLAttributes } from 'react'

export interface CommitInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
> {
  value: string
  onCommit(value: string): void
}

/**
 * An input that writes to the document when the person is done (Enter or leaving the
 * field); Escape restores the stored value. Shows remote changes when not being edited.
 */
export function CommitInput({ value, onCommit, className, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (!editing) setDraft(value)
  }, [value, editing])
  const commit = () => {
    setEditing(false)
    if (draft !== value) onCommit(draft)
  }
  return (
    <input
      {...rest}
      className={className ?? 'input'}
      value={draft}
      onFocus={() => setEditing(true)}
      onChange={(e) => {
        setEditing(true)
        setDraft(e.target.value)
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit()
        } else if (e.key === 'Escape') {
          // A first Escape reverts an edit; with nothing to revert it closes what holds the field.
          if (draft !== value) e.stopPropagation()
          setDraft(value)
          setEditing(false)
          e.currentTarget.blur()
        }
      }}
    />
  )
}

export function numberOrNull(text: string): number | null {
  if (text.trim() === '') return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

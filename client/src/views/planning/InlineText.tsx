import { useEffect, useRef, useState } from 'react'

interface Props {
  value: string
  onCommit(next: string): void
  readOnly: boolean
  label: string
  placeholder?: string
  className?: string
  multiline?: boolean
  /** Focus (and select) on mount, e.g. a just-created entity's name. */
  autoFocus?: boolean
}

/**
 * Text that edits in place: commits on Enter or blur, Escape reverts. A remote change
 * replaces the draft only while the field is not being edited.
 */
export function InlineText({
  autoFocus,
  value,
  onCommit,
  readOnly,
  label,
  placeholder,
  className,
  multiline,
}: Props) {
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  const cancelled = useRef(false)
  useEffect(() => {
    if (!editing) setDraft(value)
  }, [value, editing])
  if (readOnly) {
    return (
      <span className={`pv-text ${className ?? ''}`}>
        {value || <span className="pv-muted">{placeholder ?? '—'}</span>}
      </span>
    )
  }
  const commit = (): void => {
    setEditing(false)
    if (cancelled.current) {
      cancelled.current = false
      setDraft(value)
      return
    }
    const next = draft.trim()
    if (next !== value && (next !== '' || multiline)) onCommit(next)
    else setDraft(value)
  }
  const common = {
    className: `pv-inline ${className ?? ''}`,
    value: draft,
    placeholder,
    'aria-label': label,
    autoFocus,
    onFocus: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      setEditing(true)
      if (autoFocus) e.currentTarget.select()
    },
    onBlur: commit,
  }
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={1}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          // Wrapping text, one paragraph: Enter commits, Shift+Enter breaks the line.
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            e.currentTarget.blur()
          }
          if (e.key === 'Escape') {
            cancelled.current = true
            e.currentTarget.blur()
          }
        }}
      />
    )
  }
  return (
    <input
      {...common}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        if (e.key === 'Escape') {
          cancelled.current = true
          e.currentTarget.blur()
        }
      }}
    />
  )
}

import { useState } from 'react'
import { Icon } from '../../ui/Icon.js'

/**
 * A one-line "add" form: type a title, Enter adds it and clears the field, keeping focus
 * for the next one. An empty title adds nothing.
 */
export function QuickAdd({
  className,
  placeholder,
  label,
  submitLabel,
  onAdd,
}: {
  /** The view's own class, for its spacing (styles shared: `.pv-add` in controls.css). */
  className: string
  placeholder: string
  label: string
  /** Shows a submit button once something is typed. */
  submitLabel?: string
  onAdd(title: string): void
}) {
  const [title, setTitle] = useState('')
  return (
    <form
      className={`pv-add ${className}`}
      onSubmit={(e) => {
        e.preventDefault()
        const text = title.trim()
        if (!text) return
        onAdd(text)
        setTitle('')
      }}
    >
      <Icon name="plus" size={14} />
      <input
        className="pv-add__input"
        value={title}
        placeholder={placeholder}
        aria-label={label}
        onChange={(e) => setTitle(e.target.value)}
      />
      {submitLabel && title.trim() && (
        <button type="submit" className="btn btn--sm btn--primary">
          {submitLabel}
        </button>
      )}
    </form>
  )
}

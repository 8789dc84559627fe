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
  /** BEM block of the form; the input gets `${className}__input`. */
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
      className={className}
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
        className={`${className}__input`}
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

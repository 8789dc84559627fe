import { useState } from 'react'
import { Icon } from '../../ui/Icon.js'

/** "Add item" line at the foot of a feature: Enter adds and keeps focus for the next one. */
export function AddItem({
  featureTitle,
  onAdd,
}: {
  featureTitle: string
  onAdd(title: string): void
}) {
  const [title, setTitle] = useState('')
  return (
    <form
      className="bl-add"
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
        className="bl-add__input"
        value={title}
        placeholder="Add item…"
        aria-label={`Add item to ${featureTitle}`}
        onChange={(e) => setTitle(e.target.value)}
      />
    </form>
  )
}

import { useState } from 'react'
import { Icon } from '../../ui/Icon.js'

/** A one-line form: a title is enough; likelihood and impact start at 3 (possible, moderate). */
export function AddRisk({ onAdd }: { onAdd(title: string): void }) {
  const [title, setTitle] = useState('')
  return (
    <form
      className="rk-add"
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
        className="rk-add__input"
        value={title}
        placeholder="Add a risk…"
        aria-label="New risk title"
        onChange={(e) => setTitle(e.target.value)}
      />
      {title.trim() && (
        <button type="submit" className="btn btn--sm btn--primary">
          Add risk
        </button>
      )}
    </form>
  )
}

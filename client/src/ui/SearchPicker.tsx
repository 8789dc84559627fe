// The one searchable picker: focus starts in the search box, arrow keys move the
// highlight, Enter picks the highlighted match, and nothing is picked when nothing
// matches. Options are not focusable (a combobox with aria-activedescendant), so typing
// always goes to the search and Enter can never land on an option the person did not mean.
import { useEffect, useId, useRef, useState } from 'react'
import { Icon } from './Icon.js'

export interface PickOption {
  id: string
  label: string
  hint?: string
  color?: string
}

export interface SearchPickerProps {
  /** The search box's accessible name, e.g. "Find a feature". */
  searchLabel: string
  placeholder: string
  /** The list's accessible name. */
  listLabel: string
  options: readonly PickOption[]
  onPick(id: string): void
  /** Several can be picked: options show a check, picking toggles, the picker stays open. */
  checked?: readonly string[]
  noMatch: string
  limit?: number
}

export function SearchPicker({
  searchLabel,
  placeholder,
  listLabel,
  options,
  onPick,
  checked,
  noMatch,
  limit = 50,
}: SearchPickerProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const id = useId()
  const needle = query.trim().toLowerCase()
  const matches = options.filter((o) => o.label.toLowerCase().includes(needle))
  const shown = matches.slice(0, limit)
  const current = Math.min(active, shown.length - 1)
  const optionId = (i: number) => `${id}-o${i}`

  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLElement>('[data-active="true"]')
      ?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const pick = (option: PickOption) => {
    onPick(option.id)
    if (checked) setQuery('')
  }
  return (
    <div className="picker">
      <input
        className="input picker__search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-label={searchLabel}
        placeholder={placeholder}
        value={query}
        // The popover holding the picker may focus its first control; the search wins.
        data-autofocus
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          const last = shown.length - 1
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            e.stopPropagation()
            if (last < 0) return
            const step = e.key === 'ArrowDown' ? 1 : -1
            setActive((current + step + shown.length) % shown.length)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            const option = shown[current]
            if (option) pick(option)
          }
        }}
      />
      <ul
        ref={listRef}
        id={`${id}-list`}
        className="picker__list"
        role="listbox"
        aria-label={listLabel}
        aria-multiselectable={checked ? true : undefined}
      >
        {shown.map((o, i) => {
          const on = checked?.includes(o.id) ?? false
          return (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={checked ? on : i === current}
              data-active={i === current}
              className="picker__option"
              // Keeps focus in the search box.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => pick(o)}
            >
              {checked ? (
                <span className={`picker__check${on ? ' picker__check--on' : ''}`}>
                  {on ? <Icon name="check" size={11} strokeWidth={3} /> : null}
                </span>
              ) : null}
              {o.color ? <span className="picker__dot" style={{ background: o.color }} /> : null}
              <span className="picker__label">{o.label}</span>
              {o.hint ? <span className="picker__hint">{o.hint}</span> : null}
            </li>
          )
        })}
        {shown.length === 0 ? (
          <li className="picker__none" role="presentation">
            {noMatch}
          </li>
        ) : null}
        {matches.length > shown.length ? (
          <li className="picker__none" role="presentation">
            {matches.length - shown.length} more — refine the search
          </li>
        ) : null}
      </ul>
    </div>
  )
}
